package vn.motcua.notification.inbox;

import vn.motcua.events.notification.NotificationChannel;

/** A provider's receipt overtook the sender's record of the acceptance: the provider is asked to send it again. */
public class ReceiptBeforeAcceptance extends RuntimeException {
    public ReceiptBeforeAcceptance(String notificationId, NotificationChannel channel) {
        super("The " + channel + " acceptance of notification " + notificationId + " is not recorded yet");
    }
}
