package vn.motcua.appointment.queue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.appointment.capacity.Capacities;
import vn.motcua.appointment.offices.Offices;

/**
 * Gives back the places a step that died half done left counted (ADR 0047). Every step changes a
 * ticket and the day's counts in two writes; one that dies between them leaves a seat or a room
 * place held by nobody until the day ends, or a visitor in the room not counted. When an office
 * day's counts have not moved for {@code quiet} (no step has begun since: each raises the
 * revision first), any step still half done is dead, and the tickets say who is where: the counts
 * are set to them, unless anything moved in between, and the arrivals that took a seat but never
 * stored their ticket are forgotten, so that their retries place their visitors afresh. A busy
 * office is settled at its next quiet spell (its lunch break at the latest). Every instance sweeps;
 * the conditional write settles each day once.
 */
@Component
class StrayPlaces {
    private static final Logger log = LoggerFactory.getLogger(StrayPlaces.class);

    private final OfficeDayCounters counters;
    private final TicketRepository tickets;
    private final QueueDesk desk;
    private final Offices offices;
    private final Clock clock;
    private final Duration quiet;
    /** Office days whose counts were set to their tickets: ops alert on it, since each is a step that died. */
    private final Counter settledDays;
    /** Each office day's revision when this instance first saw it, and when; checked: its tickets were counted at it. */
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    private record Seen(int revision, Instant at, boolean checked) {
    }

    StrayPlaces(OfficeDayCounters counters, TicketRepository tickets, QueueDesk desk, Offices offices, Clock clock,
            @Value("${motcua.appointment.queue.stray-places-quiet:PT2M}") Duration quiet, MeterRegistry meters) {
        this.counters = counters;
        this.tickets = tickets;
        this.desk = desk;
        this.offices = offices;
        this.clock = clock;
        this.quiet = quiet;
        this.settledDays = Counter.builder("motcua.queue.stray.places.settled")
                .description("Office days whose counts were set to their tickets after a step died half done").register(meters);
    }

    @Scheduled(fixedDelayString = "${motcua.appointment.queue.stray-places-interval:PT1M}", initialDelayString = "PT30S")
    void sweep() {
        settle(clock.instant());
    }

    /** @return how many office days had their counts set to their tickets */
    int settle(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, Capacities.ZONE);
        seen.keySet().removeIf(id -> !id.endsWith("|" + today));
        int settled = 0;
        for (OfficeDayCounters.Look look : counters.looksAt(today)) {
            Seen before = seen.get(look.id());
            if (before == null || before.revision() != look.revision()) {
                seen.put(look.id(), new Seen(look.revision(), now, false));
                continue;
            }
            if (before.checked() || before.at().plus(quiet).isAfter(now)) {
                continue;
            }
            int waiting = (int) tickets.countByOfficeIdAndDateAndStatus(look.officeId(), today.toString(), TicketStatus.WAITING);
            int room = (int) tickets.countByOfficeIdAndDateAndStatus(look.officeId(), today.toString(), TicketStatus.CALLED);
            if (waiting == look.waiting() && room == look.room()) {
                seen.put(look.id(), new Seen(look.revision(), before.at(), true));
                continue;
            }
            Map<String, Boolean> lostArrivals = lostArrivals(look, today);
            if (counters.settle(look, waiting, room, lostArrivals)) {
                log.warn("Office day {}: counted {} waiting and {} in the room, the tickets say {} and {}; a step died half done."
                        + " Counts set to the tickets, {} arrival(s) without a ticket forgotten", look.id(), look.waiting(), look.room(),
                        waiting, room, lostArrivals.size());
                seen.remove(look.id());
                settledDays.increment();
                settled++;
                offices.byId(look.officeId()).ifPresent(office -> desk.seatFromVirtualQueue(office, today));
            }
        }
        return settled;
    }

    /** Arrivals whose attempt took a seat and died before storing the ticket: the settled counts leave their seats out. */
    private Map<String, Boolean> lostArrivals(OfficeDayCounters.Look look, LocalDate day) {
        Map<String, Boolean> lost = new HashMap<>(counters.seatedArrivals(look));
        if (!lost.isEmpty()) {
            tickets.findByOfficeIdAndDateAndArrivalKeyIn(look.officeId(), day.toString(), lost.keySet())
                    .forEach(ticket -> lost.remove(ticket.arrivalKey()));
        }
        return lost;
    }
}
