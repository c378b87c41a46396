package vn.motcua.appointment.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.motcua.events.Event;
import vn.motcua.events.appointment.AppointmentBooked;
import vn.motcua.events.appointment.AppointmentCancelled;
import vn.motcua.events.appointment.AppointmentReminderDue;
import vn.motcua.events.appointment.AppointmentRescheduled;
import vn.motcua.events.appointment.BookingChannel;
import vn.motcua.events.appointment.ReminderKind;
import vn.motcua.events.appointment.VisitPurpose;
import vn.motcua.events.appointment.VisitorNoShow;
import vn.motcua.kit.outbox.Aggregate;
import vn.motcua.kit.outbox.Changed;
import vn.motcua.kit.problem.ApiProblem;

/**
 * A citizen's place in one slot of an office. Its id is the booking code the citizen shows at
 * check-in. Dates and times are Hà Nội local time, kept as ISO text so that every query compares
 * them as the office reads them; {@code startsAt} is the same moment as an instant, for reminders.
 */
@Document("bookings")
public class Booking extends Aggregate {
    @Id
    private final String id;
    private final String officeId;
    private final String officeName;
    private final String agencyCode;
    private String date;
    private String start;
    private String end;
    private Instant startsAt;
    private final VisitPurpose purpose;
    private final String procedureCode;
    private final String dossierCode;
    private final String citizenId;
    private final String phone;
    private final BookingChannel channel;
    private final String bookedBy;
    private final Instant bookedAt;
    private BookingStatus status;
    private boolean dayBeforeReminded;
    private boolean hourBeforeReminded;
    private String ticketId;
    /**
     * The Idempotency-Key claim it was booked under: a retry that takes over the claim of an attempt
     * that died after storing it finds it by this, instead of booking a second place.
     */
    @Indexed(sparse = true)
    private String createdUnder;
    /**
     * The slot it was last moved out of: stored with the move, so that whoever handles the booking
     * next gives that place back should the move have died before it did (null: never moved).
     */
    private String leftDate;
    private String leftStart;

    @PersistenceCreator
    Booking(String id, String officeId, String officeName, String agencyCode, String date, String start, String end,
            Instant startsAt, VisitPurpose purpose, String procedureCode, String dossierCode, String citizenId, String phone,
            BookingChannel channel, String bookedBy, Instant bookedAt, BookingStatus status, boolean dayBeforeReminded,
            boolean hourBeforeReminded, String ticketId) {
        this.id = id;
        this.officeId = officeId;
        this.officeName = officeName;
        this.agencyCode = agencyCode;
        this.date = date;
        this.start = start;
        this.end = end;
        this.startsAt = startsAt;
        this.purpose = purpose;
        this.procedureCode = procedureCode;
        this.dossierCode = dossierCode;
        this.citizenId = citizenId;
        this.phone = phone;
        this.channel = channel;
        this.bookedBy = bookedBy;
        this.bookedAt = bookedAt;
        this.status = status;
        this.dayBeforeReminded = dayBeforeReminded;
        this.hourBeforeReminded = hourBeforeReminded;
        this.ticketId = ticketId;
    }

    /** Where and when, and for what: the place itself was claimed in the slot before this is stored. */
    record Visit(String officeId, String officeName, String agencyCode, LocalDate date, LocalTime start, LocalTime end,
            Instant startsAt, VisitPurpose purpose, String procedureCode, String dossierCode) {
    }

    /** @param reminderDayBeforeDue false when the slot is less than a day away: only the hour-before reminder is sent */
    static Changed<Booking> book(String code, Visit visit, BookingHolder holder, Instant now, boolean reminderDayBeforeDue) {
        Booking booking = new Booking(code, visit.officeId(), visit.officeName(), visit.agencyCode(), visit.date().toString(),
                visit.start().toString(), visit.end().toString(), visit.startsAt(), visit.purpose(), visit.procedureCode(),
                visit.dossierCode(), holder.citizenId(), holder.phone(), holder.channel(), holder.bookedBy(), now,
                BookingStatus.CONFIRMED, !reminderDayBeforeDue, false, null);
        return Changed.of(booking, new AppointmentBooked(code, visit.officeId(), visit.agencyCode(), visit.date(),
                visit.start(), visit.end(), visit.purpose(), visit.procedureCode(), visit.dossierCode(), holder.citizenId(),
                holder.phone(), holder.channel(), holder.bookedBy(), now));
    }

    void createdUnder(String claimId) {
        this.createdUnder = claimId;
    }

    List<Event> cancel(String reason, Instant now) {
        requireConfirmed("cancelled");
        status = BookingStatus.CANCELLED;
        return List.of(new AppointmentCancelled(id, officeId, date(), start(), citizenId, phone, reason, now));
    }

    List<Event> reschedule(LocalDate newDate, LocalTime newStart, LocalTime newEnd, Instant newStartsAt, Instant now,
            boolean reminderDayBeforeDue) {
        requireConfirmed("rescheduled");
        LocalDate previousDate = date();
        LocalTime previousStart = start();
        leftDate = date;
        leftStart = start;
        date = newDate.toString();
        start = newStart.toString();
        end = newEnd.toString();
        startsAt = newStartsAt;
        dayBeforeReminded = !reminderDayBeforeDue;
        hourBeforeReminded = false;
        return List.of(new AppointmentRescheduled(id, officeId, previousDate, previousStart, newDate, newStart, newEnd,
                citizenId, phone, now));
    }

    /** The citizen came: the booking no longer holds a place, its queue number does. */
    public void checkedIn(String ticket) {
        requireConfirmed("checked in");
        status = BookingStatus.CHECKED_IN;
        ticketId = ticket;
    }

    /** @return true when this changed the booking (it was confirmed or checked in) */
    boolean markUsed() {
        if (status != BookingStatus.CONFIRMED && status != BookingStatus.CHECKED_IN) {
            return false;
        }
        status = BookingStatus.USED;
        return true;
    }

    /** The reminder of this kind, once; an hour-before reminder also stands for a day-before one not yet sent. */
    List<Event> remind(ReminderKind kind) {
        if (status != BookingStatus.CONFIRMED) {
            return List.of();
        }
        if (kind == ReminderKind.HOUR_BEFORE) {
            if (hourBeforeReminded) {
                return List.of();
            }
            hourBeforeReminded = true;
            dayBeforeReminded = true;
        } else {
            if (dayBeforeReminded) {
                return List.of();
            }
            dayBeforeReminded = true;
        }
        return List.of(new AppointmentReminderDue(id, kind, officeId, officeName, date(), start(), purpose, citizenId, phone));
    }

    List<Event> noShow(Instant now) {
        if (status != BookingStatus.CONFIRMED) {
            return List.of();
        }
        status = BookingStatus.NO_SHOW;
        return List.of(new VisitorNoShow(officeId, date(), id, null, citizenId, phone, now));
    }

    private void requireConfirmed(String action) {
        if (status != BookingStatus.CONFIRMED) {
            throw ApiProblem.conflict("booking-not-active",
                    "Booking " + id + " is " + status + " and cannot be " + action);
        }
    }

    @Override
    public String id() {
        return id;
    }

    public String code() {
        return id;
    }

    public String officeId() {
        return officeId;
    }

    public String officeName() {
        return officeName;
    }

    public String agencyCode() {
        return agencyCode;
    }

    public LocalDate date() {
        return LocalDate.parse(date);
    }

    public LocalTime start() {
        return LocalTime.parse(start);
    }

    public LocalTime end() {
        return LocalTime.parse(end);
    }

    public Instant startsAt() {
        return startsAt;
    }

    public VisitPurpose purpose() {
        return purpose;
    }

    public String procedureCode() {
        return procedureCode;
    }

    public String dossierCode() {
        return dossierCode;
    }

    public String citizenId() {
        return citizenId;
    }

    public String phone() {
        return phone;
    }

    public BookingChannel channel() {
        return channel;
    }

    public String bookedBy() {
        return bookedBy;
    }

    public Instant bookedAt() {
        return bookedAt;
    }

    public BookingStatus status() {
        return status;
    }

    public String ticketId() {
        return ticketId;
    }

    String officeDay() {
        return HolderLimits.officeDayOf(officeId, date());
    }

    /** Whether it was moved out of another slot, whose place its move gives back. */
    boolean moved() {
        return leftDate != null && leftStart != null && !(leftDate.equals(date) && leftStart.equals(start));
    }

    /** The slot it was last moved out of; only when {@link #moved()}. */
    LocalDate leftDate() {
        return LocalDate.parse(leftDate);
    }

    LocalTime leftStart() {
        return LocalTime.parse(leftStart);
    }
}
