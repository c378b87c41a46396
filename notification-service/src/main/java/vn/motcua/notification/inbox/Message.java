package vn.motcua.notification.inbox;

import java.util.Map;

/**
 * A rendered message: which template, its subject line, its full text (inbox and email), the short
 * text an SMS or a Zalo message carries, and the named values the template was filled with (a Zalo
 * template is approved with the same names and filled with them).
 */
public record Message(String template, String title, String body, String shortText, Map<String, String> values) {

    public Message {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    /** A message whose short text is its subject line, which names the dossier and what happened. */
    public Message(String template, String title, String body) {
        this(template, title, body, title, Map.of());
    }
}
