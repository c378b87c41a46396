package vn.motcua.notification.channels;

import vn.motcua.events.notification.NotificationChannel;

/** Hands a message to one channel's provider. Implementations never throw: every outcome is a {@link SendOutcome}. */
public interface ChannelSender {
    NotificationChannel channel();

    SendOutcome send(Outgoing message);
}
