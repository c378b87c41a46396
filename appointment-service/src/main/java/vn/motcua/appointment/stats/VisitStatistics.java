package vn.motcua.appointment.stats;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.motcua.appointment.booking.Booking;
import vn.motcua.appointment.booking.BookingDesk;
import vn.motcua.appointment.booking.BookingStatus;
import vn.motcua.appointment.capacity.Capacities;
import vn.motcua.appointment.offices.Office;
import vn.motcua.appointment.queue.DayCounts;
import vn.motcua.appointment.queue.QueueDesk;
import vn.motcua.appointment.queue.Ticket;
import vn.motcua.events.appointment.BookingChannel;

/** An office's figures over a period, read from its bookings, tickets and day counters. */
@Service
class VisitStatistics {
    private final BookingDesk bookings;
    private final QueueDesk queue;
    private final Capacities capacities;

    VisitStatistics(BookingDesk bookings, QueueDesk queue, Capacities capacities) {
        this.bookings = bookings;
        this.queue = queue;
        this.capacities = capacities;
    }

    /**
     * @param noShowRate no-shows over the bookings whose day has come (checked in, used or no-show)
     * @param waitP50Seconds from check-in to call, median; null when nobody was called
     */
    record Figures(String officeId, LocalDate from, LocalDate until, Map<BookingChannel, Long> bookingsByChannel,
            long cancelled, long noShows, double noShowRate, Long waitP50Seconds, Long waitP90Seconds, List<Day> days) {
    }

    /** One day's peaks against the caps in force that day, and its walk-ins. */
    record Day(LocalDate date, int peakInRoom, int citizensInRoomCap, int peakWaiting, int waitingAreaCap,
            int walkInsSeated, int walkInsToVirtualQueue) {
    }

    Figures of(Office office, LocalDate from, LocalDate until) {
        List<Booking> booked = bookings.between(office.id(), from, until).stream()
                .filter(b -> !b.date().isBefore(from) && !b.date().isAfter(until)).toList();
        Map<BookingChannel, Long> byChannel = new EnumMap<>(BookingChannel.class);
        for (BookingChannel channel : BookingChannel.values()) {
            byChannel.put(channel, booked.stream().filter(b -> b.channel() == channel).count());
        }
        long noShows = booked.stream().filter(b -> b.status() == BookingStatus.NO_SHOW).count();
        long came = booked.stream().filter(b -> b.status() == BookingStatus.CHECKED_IN || b.status() == BookingStatus.USED)
                .count();
        long cancelled = booked.stream().filter(b -> b.status() == BookingStatus.CANCELLED).count();
        List<Long> waits = queue.ticketsBetween(office, from, until).stream()
                .filter(t -> !t.date().isBefore(from) && !t.date().isAfter(until) && t.calledAt() != null)
                .map((Ticket t) -> Duration.between(t.checkedInAt(), t.calledAt()).toSeconds()).sorted().toList();
        List<Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(until); day = day.plusDays(1)) {
            DayCounts counts = queue.counts(office, day);
            if (counts.peakRoom() > 0 || counts.peakWaiting() > 0 || counts.walkInsSeated() + counts.walkInsToVirtualQueue() > 0) {
                Capacities.Capacity capacity = capacities.of(office, day);
                days.add(new Day(day, counts.peakRoom(), capacity.citizensInRoom(), counts.peakWaiting(),
                        capacity.waitingArea(), counts.walkInsSeated(), counts.walkInsToVirtualQueue()));
            }
        }
        return new Figures(office.id(), from, until, byChannel, cancelled, noShows,
                noShows + came == 0 ? 0 : (double) noShows / (noShows + came), percentile(waits, 50),
                percentile(waits, 90), days);
    }

    private static Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
