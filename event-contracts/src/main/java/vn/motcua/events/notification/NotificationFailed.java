package vn.motcua.events.notification;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/** A notification could not be delivered on its channel; {@code reason} says why. */
@EventContract(type = "NotificationFailed", version = 1, topic = Topics.NOTIFICATION)
public record NotificationFailed(
        String notificationId,
        String dossierCode,
        String recipientCitizenId,
        NotificationChannel channel,
        String reason,
        Instant failedAt) implements Event {

    @Override
    public String subject() {
        return dossierCode != null ? dossierCode : recipientCitizenId;
    }
}
