package vn.motcua.appointment.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.motcua.events.Event;
import vn.motcua.events.appointment.Admission;
import vn.motcua.events.appointment.TicketCalled;
import vn.motcua.events.appointment.TicketServed;
import vn.motcua.events.appointment.TurnNear;
import vn.motcua.events.appointment.VisitorCheckedIn;
import vn.motcua.events.appointment.VisitorNoShow;
import vn.motcua.kit.outbox.Aggregate;
import vn.motcua.kit.outbox.Changed;
import vn.motcua.kit.problem.ApiProblem;

/**
 * A queue number of one day at one office (e.g. A012). Its id is office|date|number. The room
 * and waiting-area counters it moves between are kept apart ({@link OfficeDayCounters}); a
 * ticket's own changes are versioned, so two officers calling at once never get the same number.
 */
@Document("tickets")
public class Ticket extends Aggregate {
    @Id
    private final String id;
    private final String officeId;
    private final String date;
    private final String number;
    private final String prefix;
    /** What names the arrival for the day (a walk-in's Idempotency-Key claim, a booking's code): its retry finds the ticket by it. */
    private final String arrivalKey;
    private final String bookingCode;
    private final String citizenId;
    private final String phone;
    /** When the booking's slot starts; null for a walk-in. */
    private final Instant dueAt;
    private final Instant checkedInAt;
    private TicketStatus status;
    private Instant calledAt;
    private String counterId;
    private Instant closedAt;
    private String servedBy;
    private boolean turnNearTold;

    @PersistenceCreator
    Ticket(String id, String officeId, String date, String number, String prefix, String arrivalKey, String bookingCode,
            String citizenId,
            String phone, Instant dueAt, Instant checkedInAt, TicketStatus status, Instant calledAt, String counterId,
            Instant closedAt, String servedBy, boolean turnNearTold) {
        this.id = id;
        this.officeId = officeId;
        this.date = date;
        this.number = number;
        this.prefix = prefix;
        this.arrivalKey = arrivalKey;
        this.bookingCode = bookingCode;
        this.citizenId = citizenId;
        this.phone = phone;
        this.dueAt = dueAt;
        this.checkedInAt = checkedInAt;
        this.status = status;
        this.calledAt = calledAt;
        this.counterId = counterId;
        this.closedAt = closedAt;
        this.servedBy = servedBy;
        this.turnNearTold = turnNearTold;
    }

    static String idOf(String officeId, LocalDate day, String number) {
        return officeId + "|" + day + "|" + number;
    }

    /** @param seated true when a waiting-area seat was taken for the visitor, false for the virtual queue */
    static Changed<Ticket> issue(String officeId, LocalDate day, String prefix, int sequence, String arrivalKey,
            String bookingCode,
            String citizenId, String phone, Instant dueAt, boolean seated, Instant now) {
        String number = prefix + String.format("%03d", sequence);
        String id = idOf(officeId, day, number);
        Ticket ticket = new Ticket(id, officeId, day.toString(), number, prefix, arrivalKey, bookingCode, citizenId, phone, dueAt, now,
                seated ? TicketStatus.WAITING : TicketStatus.VIRTUAL, null, null, null, null, false);
        return Changed.of(ticket, new VisitorCheckedIn(id, officeId, day, number, bookingCode, citizenId, phone,
                seated ? Admission.WAITING_AREA : Admission.VIRTUAL_QUEUE, now));
    }

    /** A waiting-area seat became this virtual visitor's: they are told to come in. */
    List<Event> seat(int peopleBefore, Instant now) {
        require(TicketStatus.VIRTUAL, "seated");
        status = TicketStatus.WAITING;
        return List.of(new TurnNear(id, officeId, number, peopleBefore, true, citizenId, phone, now));
    }

    List<Event> call(String counter, Instant now) {
        require(TicketStatus.WAITING, "called");
        status = TicketStatus.CALLED;
        counterId = counter;
        calledAt = now;
        return List.of(new TicketCalled(id, officeId, date(), number, counter, bookingCode, citizenId, phone, now));
    }

    List<Event> serve(String officer, Instant now) {
        require(TicketStatus.CALLED, "served");
        status = TicketStatus.SERVED;
        servedBy = officer;
        closedAt = now;
        return List.of(new TicketServed(id, officeId, date(), number, counterId, bookingCode, officer,
                Duration.between(checkedInAt, calledAt).toSeconds(), now));
    }

    List<Event> noShow(Duration grace, Instant now) {
        require(TicketStatus.CALLED, "recorded as a no-show");
        if (calledAt.plus(grace).isAfter(now)) {
            throw ApiProblem.conflict("grace-period-running",
                    number + " was called at " + calledAt + "; a no-show is recorded " + grace.toMinutes() + " minutes after")
                    .with("noShowFrom", calledAt.plus(grace).toString());
        }
        status = TicketStatus.NO_SHOW;
        closedAt = now;
        return List.of(new VisitorNoShow(officeId, date(), bookingCode, number, citizenId, phone, now));
    }

    /** @return the status it left: the caller frees that place */
    TicketStatus leave(Instant now) {
        TicketStatus was = status;
        if (was != TicketStatus.WAITING && was != TicketStatus.VIRTUAL) {
            throw ApiProblem.conflict("ticket-not-waiting", number + " is " + status + " and cannot leave the queue");
        }
        status = TicketStatus.LEFT;
        closedAt = now;
        return was;
    }

    List<Event> tellTurnNear(int peopleBefore, Instant now) {
        if (turnNearTold || status != TicketStatus.WAITING) {
            return List.of();
        }
        turnNearTold = true;
        return List.of(new TurnNear(id, officeId, number, peopleBefore, false, citizenId, phone, now));
    }

    private void require(TicketStatus expected, String action) {
        if (status != expected) {
            throw ApiProblem.conflict("ticket-not-" + expected.name().toLowerCase().replace('_', '-'),
                    number + " is " + status + " and cannot be " + action);
        }
    }

    /** Booked visitors whose slot has begun go before walk-ins and early arrivals. */
    boolean dueBy(Instant now) {
        return dueAt != null && !dueAt.isAfter(now);
    }

    @Override
    public String id() {
        return id;
    }

    public String officeId() {
        return officeId;
    }

    public LocalDate date() {
        return LocalDate.parse(date);
    }

    public String number() {
        return number;
    }

    public String prefix() {
        return prefix;
    }

    /** The arrival it was issued for (a walk-in's claim, a booking's code): its retry finds it by it. */
    String arrivalKey() {
        return arrivalKey;
    }

    public String bookingCode() {
        return bookingCode;
    }

    public TicketStatus status() {
        return status;
    }

    public Instant checkedInAt() {
        return checkedInAt;
    }

    public Instant calledAt() {
        return calledAt;
    }

    public String counterId() {
        return counterId;
    }

    public Instant dueAt() {
        return dueAt;
    }
}
