package vn.motcua.appointment.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import vn.motcua.appointment.offices.Office;
import vn.motcua.events.appointment.BookingChannel;
import vn.motcua.events.appointment.VisitPurpose;
import vn.motcua.kit.outbox.AggregateStore;

/**
 * Confirmed bookings for today's first slot, stored as booking would store them, for tests of the
 * day at the office that may run at any hour (booking itself refuses a slot that has begun).
 */
public final class TodayBookings {
    private TodayBookings() {
    }

    public static String confirmed(AggregateStore store, Office office, LocalDate today, String citizenId, String phone,
            Clock clock) {
        Office.Slot slot = office.slotsOn(today, true).getFirst();
        String code = "LT" + Long.toString(System.nanoTime(), 32).toUpperCase();
        Booking.Visit visit = new Booking.Visit(office.id(), office.name(), office.agency(), today, slot.start(), slot.end(),
                today.atTime(LocalTime.of(7, 30)).atZone(clock.getZone()).toInstant(), VisitPurpose.GUIDANCE, null, null);
        store.insert(Booking.book(code, visit, new BookingHolder(citizenId, phone, BookingChannel.PORTAL, "test"),
                clock.instant(), false));
        return code;
    }
}
