package vn.motcua.dossier.processing;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.core.NationalStatus;
import vn.motcua.dossier.deadlines.DeadlinePolicy;

/**
 * Whom an officer or leader may give a dossier to, and what each already holds: the agency's specialists from the
 * realm, and anyone still holding its open dossiers who may no longer be given one (left, disabled, moved or no longer
 * a specialist), whose dossiers then need passing on.
 */
@Component
public class SpecialistRoster {
    /** Statuses in which a dossier is held by its specialist: in processing, or paused awaiting the applicant. */
    static final List<String> HELD = List.of(NationalStatus.PROCESSING.name(),
            NationalStatus.SUPPLEMENT_REQUESTED.name(), NationalStatus.FINANCIAL_OBLIGATION_REQUESTED.name());

    private final MongoTemplate mongo;
    private final Specialists specialists;
    private final DeadlinePolicy deadlines;
    private final Clock clock;

    SpecialistRoster(MongoTemplate mongo, Specialists specialists, DeadlinePolicy deadlines, Clock clock) {
        this.mongo = mongo;
        this.specialists = specialists;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * @param name family name then given name, as the realm holds it; null for someone it does not list
     * @param assignable whether a dossier may be assigned to them now
     * @param open the agency's dossiers they hold in processing, or paused awaiting a supplement or a financial
     *     obligation
     * @param overdue of those in processing, the ones past their due date
     */
    public record Entry(String username, String name, boolean assignable, long open, long overdue) {
    }

    /** @param specialists the assignable first, then the others, each by username */
    public record Roster(String agencyCode, List<Entry> specialists) {
    }

    public Roster of(String agencyCode) {
        Map<String, Long> open = openHeldBy(agencyCode);
        Map<String, Long> overdue = heldBy(where("agencyCode").is(agencyCode).and("status").is(NationalStatus.PROCESSING.name())
                .and("dueDate").lt(deadlines.today(clock.instant())));
        Map<String, String> names = new HashMap<>();
        for (Specialists.Specialist specialist : specialists.ofAgency(agencyCode)) {
            names.put(specialist.username(), specialist.name());
        }
        TreeSet<String> everyone = new TreeSet<>(names.keySet());
        everyone.addAll(open.keySet());
        List<Entry> entries = new ArrayList<>();
        for (String username : everyone) {
            boolean assignable = names.containsKey(username) || specialists.specialistOf(username, agencyCode).isPresent();
            entries.add(new Entry(username, names.get(username), assignable, open.getOrDefault(username, 0L),
                    overdue.getOrDefault(username, 0L)));
        }
        entries.sort(Comparator.comparing((Entry entry) -> !entry.assignable()).thenComparing(Entry::username));
        return new Roster(agencyCode, List.copyOf(entries));
    }

    /** @return by assignee, the agency's dossiers each holds in processing or paused awaiting the applicant */
    Map<String, Long> openHeldBy(String agencyCode) {
        return heldBy(where("agencyCode").is(agencyCode).and("status").in(HELD));
    }

    private Map<String, Long> heldBy(Criteria criteria) {
        Map<String, Long> counts = new HashMap<>();
        Aggregation count = Aggregation.newAggregation(Aggregation.match(criteria.and("assignee").ne(null)),
                Aggregation.group("assignee").count().as("dossiers"));
        for (Document group : mongo.aggregate(count, Dossier.class, Document.class)) {
            counts.put(group.getString("_id"), ((Number) group.get("dossiers")).longValue());
        }
        return counts;
    }
}
