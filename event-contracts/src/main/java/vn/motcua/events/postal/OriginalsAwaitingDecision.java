package vn.motcua.events.postal;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A dossier's result is ready, the paper originals the post collected for it are at the agency or on their way there, and
 * the catalog does not say whether the agency keeps them or only compares them (ADR 0083): its one-stop officers decide
 * whether they go back with the result ({@code POST /api/v1/shipments/{id}/originals-return}, or handed over at the counter
 * with {@code hand-delivery}) or stay in the agency's file.
 *
 * @param shipmentId the originals' own shipment, the one to send back or hand over
 * @param atAgency the operator reported them delivered to the agency; false: still on their way there
 */
@EventContract(type = "OriginalsAwaitingDecision", version = 1, topic = Topics.POSTAL)
public record OriginalsAwaitingDecision(
        String shipmentId,
        String dossierCode,
        String agencyCode,
        String procedureCode,
        String ownerCitizenId,
        boolean atAgency,
        Instant askedAt) implements Event {

    @Override
    public String subject() {
        return dossierCode;
    }
}
