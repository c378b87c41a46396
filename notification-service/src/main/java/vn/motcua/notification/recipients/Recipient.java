package vn.motcua.notification.recipients;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How to reach a citizen, as last stated on one of their dossiers, and the notifications that wait
 * for it: kept in one document, so the write that learns the addresses also tells who waited for
 * them (ADR 0035).
 *
 * @param awaitingContact ids of notifications stored before anything said how to reach the citizen
 * @param addressChosenAt when the citizen last gave an address in their preferences (kept apart, ADR 0036):
 *     marked here so that a notification listed as waiting at the same moment sees it
 */
@Document(Recipient.COLLECTION)
public record Recipient(@Id String citizenId, String fullName, String email, String phone, List<String> awaitingContact,
        Instant addressChosenAt) {
    public static final String COLLECTION = "recipients";
    public static final String AWAITING_CONTACT = "awaitingContact";
    static final String ADDRESS_CHOSEN_AT = "addressChosenAt";

    @PersistenceCreator
    public Recipient {
        awaitingContact = awaitingContact == null ? List.of() : List.copyOf(awaitingContact);
    }

    public Recipient(String citizenId, String fullName, String email, String phone, List<String> awaitingContact) {
        this(citizenId, fullName, email, phone, awaitingContact, null);
    }

    public Recipient(String citizenId, String fullName, String email, String phone) {
        this(citizenId, fullName, email, phone, List.of());
    }

    /** False for a document that only lists notifications waiting: nothing says yet how to reach the citizen. */
    public boolean known() {
        return fullName != null || email != null || phone != null;
    }

    /** The same document with another phone number: a booking's, for that booking's messages only. */
    public Recipient withPhone(String bookedFor) {
        return new Recipient(citizenId, fullName, email, bookedFor, awaitingContact, addressChosenAt);
    }

    /** Known, or the citizen gave an address in their preferences: worth reading them to see. */
    public boolean mayBeReached() {
        return known() || addressChosenAt != null;
    }
}
