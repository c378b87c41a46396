package vn.motcua.events.notification;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The provider's delivery receipt says the message reached the recipient (an SMS on the phone, a
 * Zalo message in the app): later than {@link NotificationSent}, which only says it was accepted.
 */
@EventContract(type = "NotificationDelivered", version = 1, topic = Topics.NOTIFICATION)
public record NotificationDelivered(
        String notificationId,
        String dossierCode,
        String recipientCitizenId,
        NotificationChannel channel,
        String providerMessageId,
        Instant deliveredAt) implements Event {

    @Override
    public String subject() {
        return dossierCode != null ? dossierCode : recipientCitizenId;
    }
}
