package vn.motcua.dossier.processing;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
 * Passes every open dossier one person holds at an agency to one of its specialists at once: what an officer does when
 * a specialist leaves, rather than one assignment per dossier. Each dossier is reassigned as by hand (ADR 0057, 0060),
 * with its history entry and event; running it again passes what is left, so a dossier that changed meanwhile is
 * retried by calling again.
 */
@Service
public class SpecialistHandOver {
    private static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final AggregateStore dossiers;
    private final Specialists specialists;
    private final Clock clock;

    SpecialistHandOver(MongoTemplate mongo, AggregateStore dossiers, Specialists specialists, Clock clock) {
        this.mongo = mongo;
        this.dossiers = dossiers;
        this.specialists = specialists;
        this.clock = clock;
    }

    /**
     * @param moved the dossiers now held by {@code to}
     * @param failed dossiers that changed while being passed on and are still held by {@code from}; call again
     */
    public record Result(String agencyCode, String from, String to, List<String> moved, List<String> failed) {
    }

    public Result handOver(String agencyCode, String from, String to, Caller caller) {
        Actor actor = Actor.of(caller, Step.ASSIGN.roleOf(caller));
        String assignee = specialists.specialistOrRefuse(to, agencyCode, "to");
        if (assignee.equals(from)) {
            throw ApiProblem.unprocessable("same-specialist", from + " already holds these dossiers").with("to", to);
        }
        List<String> moved = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<Dossier> batch;
        do {
            batch = mongo.find(held(agencyCode, from).addCriteria(where("_id").nin(failed)).with(Sort.by("_id")).limit(BATCH),
                    Dossier.class);
            for (Dossier dossier : batch) {
                try {
                    dossiers.update(dossier, dossier.assign(actor, assignee, clock.instant()));
                    moved.add(dossier.code());
                } catch (OptimisticLockingFailureException changedMeanwhile) {
                    // Passed on by hand, closed or picked up by a run beside this one: only one still held is left over.
                    if (mongo.exists(held(agencyCode, from).addCriteria(where("_id").is(dossier.code())), Dossier.class)) {
                        failed.add(dossier.code());
                    }
                }
            }
        } while (!batch.isEmpty());
        return new Result(agencyCode, from, assignee, moved, failed);
    }

    private static Query held(String agencyCode, String assignee) {
        return new Query(where("agencyCode").is(agencyCode).and("assignee").is(assignee).and("status").in(SpecialistRoster.HELD));
    }
}
