package vn.motcua.notification.recipients;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How to reach a citizen, as last stated on one of their dossiers. */
@Document(Recipient.COLLECTION)
public record Recipient(@Id String citizenId, String fullName, String email, String phone) {
    public static final String COLLECTION = "recipients";
}
