package vn.motcua.notification.delivery;

/**
 * An event about a citizen arrived before the dossier event that says how to reach them
 * (they travel on different topics). Retrying later is the cure, so this is retryable.
 */
class RecipientNotYetKnown extends RuntimeException {
    RecipientNotYetKnown(String citizenId) {
        super("No contact known yet for citizen " + citizenId);
    }
}
