package vn.motcua.notification.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import vn.motcua.events.notification.NotificationChannel;
import vn.motcua.kit.time.CivilTime;

/**
 * When messages to phones wait: the windows in {@code rules/quiet-hours.json} (or the file
 * {@code motcua.notification.quiet-hours-rules} names), each valid between
 * its dates and naming its source. A window may wrap midnight (21:00–07:00).
 */
@Component
class QuietHours {
    record Window(String id, LocalTime from, LocalTime until, Set<NotificationChannel> channels, LocalDate validFrom,
            LocalDate validUntil, String sourceDocument, LocalDate sourceDate) {

        boolean appliesOn(LocalDate day, NotificationChannel channel) {
            return channels.contains(channel) && !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
        }

        /** @return when the window that holds {@code local} ends, if it does */
        Optional<ZonedDateTime> endIfInside(ZonedDateTime local) {
            LocalTime time = local.toLocalTime();
            boolean wraps = from.isAfter(until);
            if (wraps ? (!time.isBefore(from) || time.isBefore(until)) : (!time.isBefore(from) && time.isBefore(until))) {
                ZonedDateTime end = local.with(until).withSecond(0).withNano(0);
                return Optional.of(end.isAfter(local) ? end : end.plusDays(1));
            }
            return Optional.empty();
        }
    }

    record Rules(String note, List<Window> windows) {
    }

    private final List<Window> windows;

    /** @param rules the windows' file: the platform's own unless an operator (or a test stack) names another */
    QuietHours(ObjectMapper json, @Value("${motcua.notification.quiet-hours-rules}") Resource rules) throws IOException {
        try (InputStream in = rules.getInputStream()) {
            windows = json.readValue(in, Rules.class).windows();
        }
    }

    /** @return when a message on this channel may go, if not now */
    Optional<Instant> holdUntil(NotificationChannel channel, boolean urgent, Instant now) {
        if (urgent) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(CivilTime.VIETNAM);
        return windows.stream().filter(w -> w.appliesOn(local.toLocalDate(), channel))
                .map(w -> w.endIfInside(local)).flatMap(Optional::stream)
                .map(ZonedDateTime::toInstant).max(Instant::compareTo);
    }
}
