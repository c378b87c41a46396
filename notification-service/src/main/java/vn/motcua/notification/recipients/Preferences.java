package vn.motcua.notification.recipients;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.motcua.events.notification.NotificationChannel;

/**
 * What a citizen chose: their channels in order (the in-app inbox always comes first), the kinds of
 * message they do not want beyond the inbox, and the addresses they gave (which win over those
 * learnt from their dossiers).
 */
@Document(Preferences.COLLECTION)
public record Preferences(@Id String citizenId, List<NotificationChannel> channels, Set<String> optOuts, String email, String phone,
        Instant updatedAt) {
    public static final String COLLECTION = "preferences";
    static final List<NotificationChannel> DEFAULT_ORDER = List.of(NotificationChannel.ZALO, NotificationChannel.SMS,
            NotificationChannel.EMAIL);

    static Preferences defaults(String citizenId) {
        return new Preferences(citizenId, DEFAULT_ORDER, Set.of(), null, null, null);
    }
}
