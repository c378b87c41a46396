package vn.motcua.notification.warnings;

import vn.motcua.notification.inbox.Notification;

/** A member of an agency's staff as the realm knows them. */
public record Officer(String username, String fullName, String email) {
    public String recipientId() {
        return Notification.staffRecipient(username);
    }
}
