package vn.motcua.events.dossier;

/**
 * What every dossier event says about the dossier, so that a consumer can route or report on
 * it without calling back: where it is, what it is, how it came in and how its result goes out.
 *
 * @param channel national channel code: 1 in person, 2 online, 3 public postal service
 * @param nationalStatus national status code after the change (1 newly registered … 10 result returned)
 */
public record DossierSnapshot(
        String dossierCode,
        String procedureCode,
        String agencyCode,
        String ownerCitizenId,
        int channel,
        ResultDelivery resultDelivery,
        int nationalStatus) {

    /** The channel as a type; {@link #channel()} is its national code on the wire. */
    public Channel submittedVia() {
        return Channel.ofCode(channel);
    }
}
