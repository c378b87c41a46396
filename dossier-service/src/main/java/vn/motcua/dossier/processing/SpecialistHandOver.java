package vn.motcua.dossier.processing;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.core.Actor;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;

/**
 * Passes every open dossier one person holds at an agency on at once, to one of its specialists or spread among several:
 * what an officer does when a specialist leaves, rather than one assignment per dossier. Each dossier is reassigned as
 * by hand (ADR 0057, 0060), with its history entry and event; running it again passes what is left, so a dossier that
 * changed meanwhile is retried by calling again.
 */
@Service
public class SpecialistHandOver {
    private static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final AggregateStore dossiers;
    private final Specialists specialists;
    private final SpecialistRoster roster;
    private final Clock clock;

    SpecialistHandOver(MongoTemplate mongo, AggregateStore dossiers, Specialists specialists, SpecialistRoster roster,
            Clock clock) {
        this.mongo = mongo;
        this.dossiers = dossiers;
        this.specialists = specialists;
        this.roster = roster;
        this.clock = clock;
    }

    /**
     * @param to the one specialist named, in the realm's spelling; absent when several were
     * @param among the specialists named to share the dossiers, in the realm's spelling; absent when one was
     * @param moved the dossiers passed on
     * @param failed dossiers that changed while being passed on and are still held by {@code from}; call again
     * @param given for each specialist named, the dossiers they were given
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String agencyCode, String from, String to, List<String> among, List<String> moved,
            List<String> failed, Map<String, List<String>> given) {
    }

    public Result handOver(String agencyCode, String from, String to, Caller caller) {
        return pass(agencyCode, from, specialists.specialistOrRefuse(to, agencyCode, "to"), null, caller);
    }

    /**
     * Spreads the dossiers so that the specialists end up holding as evenly as they can: each goes to whoever named
     * holds the fewest open dossiers of the agency at that moment, the first named on a tie.
     */
    public Result spread(String agencyCode, String from, List<String> among, Caller caller) {
        SequencedSet<String> recipients = new LinkedHashSet<>();
        for (String named : among) {
            recipients.add(specialists.specialistOrRefuse(named, agencyCode, "among"));
        }
        return pass(agencyCode, from, null, List.copyOf(recipients), caller);
    }

    /** @param to the one recipient, or null when {@code among} names them */
    private Result pass(String agencyCode, String from, String to, List<String> among, Caller caller) {
        Actor actor = Actor.of(caller, Step.ASSIGN.roleOf(caller));
        List<String> recipients = to != null ? List.of(to) : among;
        if (recipients.contains(from)) {
            throw ApiProblem.unprocessable("same-specialist", from + " already holds these dossiers").with(to != null ? "to" : "among",
                    from);
        }
        Map<String, Long> load = new LinkedHashMap<>();
        Map<String, Long> holding = recipients.size() == 1 ? Map.of() : roster.openHeldBy(agencyCode);
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (String recipient : recipients) {
            load.put(recipient, holding.getOrDefault(recipient, 0L));
            given.put(recipient, new ArrayList<>());
        }
        List<String> failed = new ArrayList<>();
        List<Dossier> batch;
        do {
            batch = mongo.find(held(agencyCode, from).addCriteria(where("_id").nin(failed)).with(Sort.by("_id")).limit(BATCH),
                    Dossier.class);
            for (Dossier dossier : batch) {
                String assignee = leastLoaded(load);
                try {
                    dossiers.update(dossier, dossier.assign(actor, assignee, clock.instant()));
                    load.merge(assignee, 1L, Long::sum);
                    given.get(assignee).add(dossier.code());
                } catch (OptimisticLockingFailureException changedMeanwhile) {
                    // Passed on by hand, closed or picked up by a run beside this one: only one still held is left over.
                    if (mongo.exists(held(agencyCode, from).addCriteria(where("_id").is(dossier.code())), Dossier.class)) {
                        failed.add(dossier.code());
                    }
                }
            }
        } while (!batch.isEmpty());
        List<String> moved = given.values().stream().flatMap(List::stream).sorted().toList();
        return new Result(agencyCode, from, to, among, moved, List.copyOf(failed), given);
    }

    private static String leastLoaded(Map<String, Long> load) {
        String least = null;
        for (Map.Entry<String, Long> holder : load.entrySet()) { // in the order named, so the first of equals wins
            if (least == null || holder.getValue() < load.get(least)) {
                least = holder.getKey();
            }
        }
        return least;
    }

    private static Query held(String agencyCode, String assignee) {
        return new Query(where("agencyCode").is(agencyCode).and("assignee").is(assignee).and("status").in(SpecialistRoster.HELD));
    }
}
