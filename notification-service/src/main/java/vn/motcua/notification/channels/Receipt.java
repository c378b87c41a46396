package vn.motcua.notification.channels;

import java.time.Instant;
import vn.motcua.events.notification.NotificationChannel;

/**
 * A provider's word on one message, read from its authenticated callback.
 *
 * @param reference the reference the platform sent the message with: which notification and channel
 */
public record Receipt(NotificationChannel channel, String reference, String messageId, boolean delivered, String reason, Instant at) {
}
