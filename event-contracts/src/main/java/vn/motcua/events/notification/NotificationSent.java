package vn.motcua.events.notification;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A notification reached its channel. The subject is the dossier it is
 * about, so a dossier's story can be read in order.
 */
@EventContract(type = "NotificationSent", version = 1, topic = Topics.NOTIFICATION)
public record NotificationSent(
        String notificationId,
        String dossierCode,
        String recipientCitizenId,
        NotificationChannel channel,
        String template,
        Instant sentAt) implements Event {

    @Override
    public String subject() {
        // A notification about no dossier (an appointment) stays in order with the citizen's others.
        return dossierCode != null ? dossierCode : recipientCitizenId;
    }
}
