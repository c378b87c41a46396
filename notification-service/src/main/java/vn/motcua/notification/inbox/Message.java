package vn.motcua.notification.inbox;

/** A rendered message: which template, its subject line and its text. */
public record Message(String template, String title, String body) {
}
