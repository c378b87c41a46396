package vn.motcua.appointment.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.appointment.offices.Offices;
import vn.motcua.events.Event;
import vn.motcua.events.appointment.ReminderKind;
import vn.motcua.kit.lease.ClusterLease;
import vn.motcua.kit.outbox.AggregateStore;

/**
 * Raises the reminders of confirmed bookings (the day before, an hour before) and records the
 * bookings nobody came for. One instance runs it at a time (cluster lease), and each reminder is
 * a versioned change of its booking, so even two runs at once raise it once.
 */
@Component
public class Reminders {
    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    static final String LEASE = "appointment-reminders";

    private final BookingRepository bookings;
    private final AggregateStore store;
    private final BookingDesk desk;
    private final Offices offices;
    private final ClusterLease lease;
    private final Clock clock;

    Reminders(BookingRepository bookings, AggregateStore store, BookingDesk desk, Offices offices, ClusterLease lease,
            Clock clock) {
        this.bookings = bookings;
        this.store = store;
        this.desk = desk;
        this.offices = offices;
        this.lease = lease;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${motcua.appointment.reminders-interval:PT1M}", initialDelayString = "PT20S")
    public void runIfLeader() {
        if (lease.tryAcquire(LEASE, Duration.ofMinutes(2))) {
            run();
        }
    }

    /** @return the reminders raised and no-shows recorded in this run */
    public int run() {
        Instant now = clock.instant();
        int raised = 0;
        for (Booking booking : bookings.findByStatusAndStartsAtBefore(BookingStatus.CONFIRMED, now.plus(Duration.ofDays(1)))) {
            if (booking.startsAt().isBefore(now)) {
                raised += noShowIfGraceOver(booking, now);
            } else if (booking.startsAt().isBefore(now.plus(Duration.ofHours(1)))) {
                raised += change(booking, booking.remind(ReminderKind.HOUR_BEFORE));
            } else {
                raised += change(booking, booking.remind(ReminderKind.DAY_BEFORE));
            }
        }
        return raised;
    }

    private int noShowIfGraceOver(Booking booking, Instant now) {
        int grace = offices.byId(booking.officeId()).map(o -> o.noShowGraceMinutes()).orElse(0);
        if (booking.startsAt().plus(Duration.ofMinutes(grace)).isAfter(now)) {
            return 0;
        }
        int recorded = change(booking, booking.noShow(now));
        if (recorded > 0) {
            desk.releaseHolder(booking);
        }
        return recorded;
    }

    private int change(Booking booking, List<Event> events) {
        if (events.isEmpty()) {
            return 0;
        }
        try {
            store.update(booking, events);
            return events.size();
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            log.debug("Booking {} changed during the reminder run; the next run decides again", booking.code());
            return 0;
        }
    }
}
