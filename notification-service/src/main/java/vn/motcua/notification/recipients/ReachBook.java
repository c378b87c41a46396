package vn.motcua.notification.recipients;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.motcua.events.notification.NotificationChannel;
import vn.motcua.notification.channels.ChannelProperties;
import vn.motcua.notification.inbox.Reach;

/**
 * How to reach a citizen with one message: their channels in their order, those the platform
 * offers and they have an address for, none beyond the inbox when they opted out of this kind
 * of message (unless the law wants it sent).
 */
@Component
public class ReachBook {
    private final MongoTemplate mongo;
    private final ChannelProperties channels;

    ReachBook(MongoTemplate mongo, ChannelProperties channels) {
        this.mongo = mongo;
        this.channels = channels;
    }

    /** @return empty while nothing says how to reach the citizen (their dossier's event has not come yet) */
    public Optional<Reach> reach(String citizenId, String template, boolean mandatory) {
        Recipient learnt = mongo.findById(citizenId, Recipient.class);
        Preferences chosen = mongo.findById(citizenId, Preferences.class);
        if (learnt == null && (chosen == null || (chosen.email() == null && chosen.phone() == null))) {
            return Optional.empty();
        }
        Preferences preferences = chosen == null ? Preferences.defaults(citizenId) : chosen;
        String email = preferences.email() != null ? preferences.email() : learnt == null ? null : blankToNull(learnt.email());
        String phone = PhoneNumbers.international(preferences.phone() != null ? preferences.phone() : learnt == null ? null : learnt.phone());
        List<NotificationChannel> planned = new ArrayList<>();
        if (mandatory || !preferences.optOuts().contains(template)) {
            for (NotificationChannel channel : preferences.channels()) {
                if (offered(channel) && addressFor(channel, email, phone) != null) {
                    planned.add(channel);
                }
            }
        }
        return Optional.of(new Reach(email, phone, planned));
    }

    private boolean offered(NotificationChannel channel) {
        return switch (channel) {
            case SMS -> channels.sms().enabled();
            case ZALO -> channels.zalo().enabled();
            case EMAIL -> true;
            case IN_APP -> false;
        };
    }

    private static String addressFor(NotificationChannel channel, String email, String phone) {
        return channel == NotificationChannel.EMAIL ? email : phone;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
