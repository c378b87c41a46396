package vn.motcua.notification.warnings;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A paper dossier the post collected and delivered to an agency's desk, as the warnings see it: it waits in the
 * one-stop officers' morning digest until an officer registers it (ADR 0082). Either fact may be read first, so each
 * sets only its own fields.
 *
 * @param agencyCode where it was delivered; null while only its registration has been read
 * @param registeredAs the dossier an officer registered it as; null until then
 * @param turnedAwayAt when an officer said it cannot be registered (ADR 0088); it leaves the digest then
 * @param heldBy the successor it waits at since the agency it was delivered to was dissolved (ADR 0089); null while that
 *     agency holds it
 */
@Document(ArrivedEnvelope.COLLECTION)
@CompoundIndex(name = "unregistered", def = "{'registeredAs': 1, 'arrivedAt': 1}")
public record ArrivedEnvelope(@Id String itemId, String agencyCode, String procedureCode, String senderName, Instant arrivedAt,
        String registeredAs, Instant turnedAwayAt, String heldBy) {
    public static final String COLLECTION = "arrived_envelopes";

    /** The agency whose officers are to register it: its successor once it passed there, else the one it was delivered to. */
    public String desk() {
        return heldBy != null ? heldBy : agencyCode;
    }
}
