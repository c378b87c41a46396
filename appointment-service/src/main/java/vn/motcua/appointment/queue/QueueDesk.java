package vn.motcua.appointment.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import vn.motcua.appointment.booking.Booking;
import vn.motcua.appointment.booking.BookingDesk;
import vn.motcua.appointment.booking.ContactDetails;
import vn.motcua.appointment.capacity.Capacities;
import vn.motcua.appointment.offices.Office;
import vn.motcua.appointment.reference.Procedures;
import vn.motcua.events.Event;
import vn.motcua.events.appointment.VisitPurpose;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.problem.ApiProblem;

/**
 * The queue of an office day. A visitor takes a seat in the waiting area only under its cap
 * (a walk-in also only among the seats not held for bookings due now), else waits in the virtual
 * queue; a called visitor enters the room only under the room's citizen cap (the room's cap
 * minus the officers on duty). Each place is one conditional update of the day's counters.
 */
@Service
public class QueueDesk {
    private static final int TURN_NEAR_WITHIN = 3;
    /** Longer than any request lives (the gateway gives up after 10 s). */
    private static final Duration ARRIVAL_AT_WORK = Duration.ofSeconds(30);

    private final BookingDesk bookings;
    private final Capacities capacities;
    private final Procedures procedures;
    private final OfficeDayCounters counters;
    private final TicketRepository tickets;
    private final AggregateStore store;
    private final Clock clock;

    QueueDesk(BookingDesk bookings, Capacities capacities, Procedures procedures, OfficeDayCounters counters,
            TicketRepository tickets, AggregateStore store, Clock clock) {
        this.bookings = bookings;
        this.capacities = capacities;
        this.procedures = procedures;
        this.counters = counters;
        this.tickets = tickets;
        this.store = store;
        this.clock = clock;
    }

    public Ticket checkIn(Office office, String bookingCode) {
        LocalDate today = today();
        Ticket[] issued = new Ticket[1];
        bookings.checkIn(bookingCode, office, today, booking -> {
            String prefix = prefixFor(office, booking.purpose(), booking.procedureCode());
            OfficeDayCounters.Arrival arrival = counters.arrive(office.id(), today, prefix,
                    capacities.of(office, today).waitingArea(), booking.code(), false, clock.instant());
            issued[0] = issue(office, today, prefix, arrival, booking.code(), booking, booking.citizenId(), booking.phone());
            return issued[0].id();
        });
        return issued[0];
    }

    /**
     * @param arrivalKey the same for every attempt at this walk-in (its Idempotency-Key claim): an attempt that
     *     died after taking the seat leaves it to its retry, which takes no second one
     */
    public Ticket walkIn(Office office, VisitPurpose purpose, String procedureCode, String citizenId, String phone,
            String arrivalKey) {
        if (purpose == null) {
            throw ApiProblem.badRequest("purpose-required", "Say why the visitor came: HAND_IN, COLLECT_RESULT or GUIDANCE");
        }
        if (procedureCode != null && procedures.byCode(procedureCode).isEmpty()) {
            throw ApiProblem.unprocessable("unknown-procedure", "No procedure " + procedureCode + " in the catalog");
        }
        String visitorId = ContactDetails.citizenId(citizenId);
        String visitorPhone = ContactDetails.phone(phone);
        String prefix = prefixFor(office, purpose, procedureCode);
        LocalDate today = today();
        int seats = capacities.of(office, today).waitingArea();
        int free = (int) Math.max(0, seats - bookings.heldNow(office, LocalDateTime.now(clock.withZone(Capacities.ZONE))));
        OfficeDayCounters.Arrival arrival = counters.arrive(office.id(), today, prefix, free, arrivalKey, true, clock.instant());
        return issue(office, today, prefix, arrival, arrivalKey, null, visitorId, visitorPhone);
    }

    /**
     * Calls the next number of the counter's group: booked visitors whose slot has begun first, then by arrival. The
     * visitors not yet called are read once before the call and once after it, both queues at a time: the second read
     * seats from the virtual queue the seat the call freed and tells those whose turn is near.
     */
    public Ticket callNext(Office office, String counterId) {
        LocalDate today = today();
        Office.Counter counter = office.counter(counterId)
                .orElseThrow(() -> ApiProblem.notFound("Counter", office.id() + "/" + counterId));
        Capacities.Capacity capacity = capacities.of(office, today);
        if (!capacity.countersOpen().contains(counterId)) {
            throw ApiProblem.conflict("counter-closed", "Counter " + counterId + " has no officer on today's roster");
        }
        List<Ticket> notCalled = notCalled(office, today);
        seatFromVirtualQueue(office, today, capacity.waitingArea(), notCalled);
        if (!counters.enter(office.id(), today, OfficeDayCounters.ROOM, capacity.citizensInRoom())) {
            throw ApiProblem.conflict("room-full", "The one-stop room holds " + capacity.citizensInRoom()
                    + " citizens with " + capacity.officersOnDuty() + " officers on duty; serve someone first");
        }
        Instant now = clock.instant();
        for (Ticket candidate : queueOf(notCalled, counter.ticketPrefix(), now)) {
            try {
                store.update(candidate, candidate.call(counterId, now));
            } catch (OptimisticLockingFailureException | ApiProblem calledByAnother) {
                continue;
            }
            counters.leave(office.id(), today, OfficeDayCounters.WAITING);
            List<Ticket> afterTheCall = notCalled(office, today);
            seatFromVirtualQueue(office, today, capacity.waitingArea(), afterTheCall);
            tellTurnNear(queueOf(afterTheCall, counter.ticketPrefix(), clock.instant()));
            return candidate;
        }
        counters.leave(office.id(), today, OfficeDayCounters.ROOM);
        throw ApiProblem.conflict("nobody-waiting", "Nobody waits for counter " + counterId + " (queue " + counter.ticketPrefix() + ")");
    }

    public Ticket serve(Office office, String number, String officer) {
        Ticket ticket = ticket(office, number);
        counters.touch(office.id(), ticket.date());
        store.update(ticket, ticket.serve(officer, clock.instant()));
        counters.leave(office.id(), ticket.date(), OfficeDayCounters.ROOM);
        return ticket;
    }

    public Ticket noShow(Office office, String number) {
        Ticket ticket = ticket(office, number);
        counters.touch(office.id(), ticket.date());
        store.update(ticket, ticket.noShow(Duration.ofMinutes(office.noShowGraceMinutes()), clock.instant()));
        counters.leave(office.id(), ticket.date(), OfficeDayCounters.ROOM);
        return ticket;
    }

    public Ticket leave(Office office, String number) {
        Ticket ticket = ticket(office, number);
        TicketStatus was = ticket.leave(clock.instant());
        counters.touch(office.id(), ticket.date());
        store.update(ticket, List.of());
        if (was == TicketStatus.WAITING) {
            counters.leave(office.id(), ticket.date(), OfficeDayCounters.WAITING);
            seatFromVirtualQueue(office, ticket.date());
        }
        return ticket;
    }

    public List<Ticket> open(Office office, LocalDate day) {
        return tickets.findByOfficeIdAndDateAndStatusInOrderByCheckedInAtAsc(office.id(), day.toString(),
                List.of(TicketStatus.VIRTUAL, TicketStatus.WAITING, TicketStatus.CALLED));
    }

    public List<Ticket> ticketsBetween(Office office, LocalDate from, LocalDate until) {
        return tickets.findByOfficeIdAndDateBetween(office.id(), from.minusDays(1).toString(), until.plusDays(1).toString());
    }

    public DayCounts counts(Office office, LocalDate day) {
        return counters.counts(office.id(), day);
    }

    public Ticket ticket(Office office, String number) {
        return tickets.findByOfficeIdAndDateAndNumber(office.id(), today().toString(), number)
                .orElseThrow(() -> ApiProblem.notFound("Ticket", number));
    }

    /** The arrival's ticket: stored now, or found as the attempt that placed the arrival stored it before it died. */
    private Ticket issue(Office office, LocalDate day, String prefix, OfficeDayCounters.Arrival arrival, String arrivalKey,
            Booking booking, String citizenId, String phone) {
        int sequence = arrival.sequence();
        if (arrival.placedBefore()) {
            Optional<Ticket> stored = tickets.findByOfficeIdAndDateAndArrivalKey(office.id(), day.toString(), arrivalKey);
            if (stored.isPresent()) {
                return stored.get();
            }
            // Placed a moment ago and no ticket yet: another request for the same arrival (a double click at the desk) is
            // storing it. Only an attempt that died leaves an arrival without its ticket for long.
            if (arrival.placedAt().isAfter(clock.instant().minus(ARRIVAL_AT_WORK))) {
                throw ApiProblem.conflict("arrival-in-progress", "This visitor's number is being issued by another request;"
                        + " ask again in a moment").withHeader(HttpHeaders.RETRY_AFTER, "2");
            }
            sequence = counters.nextNumber(office.id(), day, prefix);
        }
        return store.insert(Ticket.issue(office.id(), day, prefix, sequence, arrivalKey, booking == null ? null : booking.code(),
                citizenId, phone, booking == null ? null : booking.startsAt(), arrival.seated(), clock.instant()));
    }

    private String prefixFor(Office office, VisitPurpose purpose, String procedureCode) {
        String field = purpose == VisitPurpose.HAND_IN && procedureCode != null
                ? procedures.byCode(procedureCode).map(Procedures.Procedure::field).orElse(null) : null;
        return office.counterFor(purpose == VisitPurpose.HAND_IN ? procedureCode : null, field).map(Office.Counter::ticketPrefix)
                .orElseThrow(() -> ApiProblem.unprocessable("no-counter-for-procedure",
                        "No counter of " + office.name() + " serves this visit"));
    }

    /** The day's visitors in the virtual queue and in the waiting area, by arrival: one read for both queues. */
    private List<Ticket> notCalled(Office office, LocalDate day) {
        return new ArrayList<>(tickets.findByOfficeIdAndDateAndStatusInOrderByCheckedInAtAsc(office.id(), day.toString(),
                List.of(TicketStatus.VIRTUAL, TicketStatus.WAITING)));
    }

    /** A counter group's queue among those not called: booked visitors whose slot has begun first, then by arrival. */
    private static List<Ticket> queueOf(List<Ticket> notCalled, String prefix, Instant now) {
        return notCalled.stream().filter(t -> t.status() == TicketStatus.WAITING && t.prefix().equals(prefix))
                .sorted(Comparator.comparing((Ticket t) -> !t.dueBy(now)).thenComparing(Ticket::checkedInAt))
                .toList();
    }

    /** Seats from the virtual queue after the counts were settled (seats a dead step had held are free again). */
    void seatFromVirtualQueue(Office office, LocalDate day) {
        seatFromVirtualQueue(office, day, capacities.of(office, day).waitingArea(), notCalled(office, day));
    }

    /**
     * Gives the seats the waiting area has free to the virtual queue, first come first seated. The counts decide; while
     * the tickets read show the area full they would refuse, so no seat is asked for (one a call frees meanwhile is
     * given by that call, which reads the tickets after it). {@code notCalled} is kept as seated here: a ticket another
     * request seated first is dropped from it.
     */
    private void seatFromVirtualQueue(Office office, LocalDate day, int seats, List<Ticket> notCalled) {
        List<Ticket> virtual = notCalled.stream().filter(t -> t.status() == TicketStatus.VIRTUAL).toList();
        for (Ticket ticket : virtual) {
            long seated = notCalled.stream().filter(t -> t.status() == TicketStatus.WAITING).count();
            if (seated >= seats || !counters.enter(office.id(), day, OfficeDayCounters.WAITING, seats)) {
                return;
            }
            try {
                int before = queueOf(notCalled, ticket.prefix(), clock.instant()).size();
                store.update(ticket, ticket.seat(before, clock.instant()));
            } catch (OptimisticLockingFailureException | ApiProblem seatedByAnother) {
                notCalled.remove(ticket);
                counters.leave(office.id(), day, OfficeDayCounters.WAITING);
            }
        }
    }

    private void tellTurnNear(List<Ticket> queue) {
        Instant now = clock.instant();
        for (int i = 0; i < Math.min(TURN_NEAR_WITHIN, queue.size()); i++) {
            Ticket ticket = queue.get(i);
            try {
                List<Event> told = ticket.tellTurnNear(i, now);
                if (!told.isEmpty()) {
                    store.update(ticket, told);
                }
            } catch (OptimisticLockingFailureException calledMeanwhile) {
                // Its turn came already.
            }
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Capacities.ZONE));
    }
}
