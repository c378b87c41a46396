package vn.motcua.notification.recipients;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
    private final Set<NotificationChannel> offered;

    ReachBook(MongoTemplate mongo, ChannelProperties channels) {
        this.mongo = mongo;
        this.offered = Arrays.stream(NotificationChannel.values()).filter(c -> c != NotificationChannel.IN_APP)
                .filter(c -> channels.termsOf(c).offered()).collect(Collectors.toUnmodifiableSet());
    }

    /** A citizen's addresses and choices, read once; the reach of each message follows from them. */
    public record Contact(String email, String phone, Preferences preferences, Set<NotificationChannel> offered) {
        /** The channels for one kind of message: none beyond the inbox when opted out of (unless the law wants it sent). */
        public Reach reach(String template, boolean mandatory) {
            List<NotificationChannel> planned = new ArrayList<>();
            if (mandatory || !preferences.optOuts().contains(template)) {
                for (NotificationChannel channel : preferences.channels()) {
                    if (offered.contains(channel) && (channel == NotificationChannel.EMAIL ? email : phone) != null) {
                        planned.add(channel);
                    }
                }
            }
            return new Reach(email, phone, planned);
        }
    }

    /** @return empty while nothing says how to reach the citizen (their dossier's event has not come yet) */
    public Optional<Contact> contactOf(String citizenId) {
        return contact(citizenId, addressed(mongo.findById(citizenId, Recipient.class)));
    }

    /**
     * How to reach a citizen with a message about their booking: at the phone number it was booked
     * for, unless they chose one in their preferences. Known at once, where a dossier's addresses
     * may not have come yet: a citizen's first visit is often booked before their first dossier.
     * The number is not kept as theirs: a hotline officer may have booked with a relative's.
     *
     * @param bookedFor the booking's phone number, or null when it was booked without one
     */
    public Optional<Contact> contactOf(String citizenId, String bookedFor) {
        Recipient learnt = addressed(mongo.findById(citizenId, Recipient.class));
        if (bookedFor == null) {
            return contact(citizenId, learnt);
        }
        return contact(citizenId, (learnt == null ? new Recipient(citizenId, null, null, null) : learnt).withPhone(bookedFor));
    }

    /**
     * How to reach someone known by a phone number only (booked by the hotline or a chat bot): its
     * channels in the usual order; there are no preferences and no inbox.
     */
    public Contact contactAtPhone(String recipientId, String phone) {
        return new Contact(null, PhoneNumbers.international(phone), Preferences.defaults(recipientId), offered);
    }

    /** {@link #contactOf(String)} from the citizen's document as a write has just returned it: only the preferences are read. */
    public Optional<Contact> contactOf(Recipient stored) {
        return contact(stored.citizenId(), addressed(stored));
    }

    /** A document that only lists notifications waiting says nothing of how to reach the citizen. */
    private static Recipient addressed(Recipient stored) {
        return stored == null || !stored.known() ? null : stored;
    }

    /**
     * How to reach a citizen with the message about the dossier they just submitted: the addresses
     * stated on it, with their own choices. One read, where {@link #contactOf(String)} reads the addresses
     * stored too, which a submission has just written.
     */
    public Contact contactStated(Recipient stated) {
        return contact(stated.citizenId(), stated).orElseThrow();
    }

    private Optional<Contact> contact(String citizenId, Recipient learnt) {
        Preferences chosen = mongo.findById(citizenId, Preferences.class);
        if (learnt == null && (chosen == null || (chosen.email() == null && chosen.phone() == null))) {
            return Optional.empty();
        }
        Preferences preferences = chosen == null ? Preferences.defaults(citizenId) : chosen;
        String email = preferences.email() != null ? preferences.email() : learnt == null ? null : blankToNull(learnt.email());
        String phone = PhoneNumbers.international(preferences.phone() != null ? preferences.phone() : learnt == null ? null : learnt.phone());
        return Optional.of(new Contact(email, phone, preferences, offered));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
