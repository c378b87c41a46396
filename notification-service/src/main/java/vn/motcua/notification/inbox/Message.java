package vn.motcua.notification.inbox;

/**
 * A rendered message: which template, its subject line, its full text (inbox and email) and the
 * short text an SMS or a Zalo message carries.
 */
public record Message(String template, String title, String body, String shortText) {

    /** A message whose short text is its subject line, which names the dossier and what happened. */
    public Message(String template, String title, String body) {
        this(template, title, body, title);
    }

    public Message withShortText(String text) {
        return new Message(template, title, body, text);
    }
}
