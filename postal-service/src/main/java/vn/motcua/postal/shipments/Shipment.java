package vn.motcua.postal.shipments;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A postal shipment for a dossier. A result delivery is planned when the applicant asks for
 * the result by post, and waits for the result to be ready before it is handed to the operator.
 *
 * @param operator the OAuth2 client id of the postal operator assigned to it
 */
@Document("shipments")
public record Shipment(
        @Id String id,
        @Indexed String dossierCode,
        @Indexed String ownerCitizenId,
        @Indexed String operator,
        Kind kind,
        Status status,
        String recipientName,
        String recipientPhone,
        String address,
        Instant createdAt) {

    public enum Kind {
        DOSSIER_PICKUP, RESULT_DELIVERY
    }

    public enum Status {
        AWAITING_RESULT, REQUESTED, ACCEPTED, PICKED_UP, DELIVERED, FAILED
    }

    public static String resultDeliveryId(String dossierCode) {
        return "RET-" + dossierCode;
    }
}
