package vn.motcua.notification.inbox;

import java.util.List;
import vn.motcua.events.notification.NotificationChannel;

/**
 * How one message reaches its recipient: the channels to try, in order, besides the in-app inbox
 * (only those the recipient has an address for and has not opted out of), and the addresses.
 */
public record Reach(String email, String phone, List<NotificationChannel> channels) {
}
