package vn.motcua.appointment.capacity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.motcua.appointment.offices.Office;
import vn.motcua.kit.problem.ApiProblem;

/** Rosters by office and day; a day without one has every counter open with one officer each. */
@Component
public class Rosters {
    static final String COLLECTION = "rosters";

    private final MongoTemplate mongo;
    private final Clock clock;

    Rosters(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    static String idOf(String officeId, LocalDate day) {
        return officeId + "|" + day;
    }

    public Optional<Roster> of(String officeId, LocalDate day) {
        return Optional.ofNullable(mongo.findById(idOf(officeId, day), Roster.class));
    }

    public Roster set(Office office, LocalDate day, List<Roster.OnDuty> onDuty, String setBy) {
        if (day.isBefore(LocalDate.now(clock.withZone(Capacities.ZONE)))) {
            throw ApiProblem.unprocessable("day-in-past", "A roster for a past day cannot change");
        }
        if (onDuty == null || onDuty.isEmpty()) {
            throw ApiProblem.badRequest("roster-empty", "Name at least one officer on duty (officer, counterId)");
        }
        Set<String> officers = new HashSet<>();
        Set<String> counters = new HashSet<>();
        for (Roster.OnDuty entry : onDuty) {
            if (entry == null || entry.officer() == null || entry.officer().isBlank()) {
                throw ApiProblem.badRequest("roster-officer-missing", "Every entry names its officer");
            }
            if (!officers.add(entry.officer())) {
                throw ApiProblem.unprocessable("roster-officer-twice", entry.officer() + " is on the roster twice");
            }
            if (entry.counterId() != null) {
                if (office.counter(entry.counterId()).isEmpty()) {
                    throw ApiProblem.unprocessable("unknown-counter", "Office " + office.id() + " has no counter " + entry.counterId());
                }
                if (!counters.add(entry.counterId())) {
                    throw ApiProblem.unprocessable("counter-staffed-twice", "Counter " + entry.counterId() + " has two officers");
                }
            }
        }
        Roster roster = new Roster(idOf(office.id(), day), office.id(), day.toString(), onDuty, setBy, clock.instant());
        return mongo.save(roster);
    }
}
