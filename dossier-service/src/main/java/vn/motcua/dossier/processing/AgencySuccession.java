package vn.motcua.dossier.processing;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.catalog.Agency;
import vn.motcua.dossier.catalog.Catalog;
import vn.motcua.dossier.core.Actor;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.core.NationalStatus;
import vn.motcua.dossier.deadlines.DeadlinePolicy;
import vn.motcua.dossier.intake.IntakeService;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.Role;

/**
 * Moves the open dossiers of a dissolved agency to its successor (the 2025 reform of local
 * government), each with a history entry and a {@code DossierTransferred}, and the paper dossiers
 * the post delivered to it that no officer registered or turned away (ADR 0089). Closed dossiers stay
 * where they were decided. Running it again moves what is left, so a failure is retried by
 * calling again; two runs at once move each dossier once, and neither calls the other's moves failed.
 */
@Service
public class AgencySuccession {
    private static final Set<NationalStatus> OPEN = EnumSet.of(NationalStatus.NEWLY_REGISTERED, NationalStatus.RECEIVED,
            NationalStatus.PROCESSING, NationalStatus.SUPPLEMENT_REQUESTED, NationalStatus.FINANCIAL_OBLIGATION_REQUESTED);
    private static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final AggregateStore dossiers;
    private final Catalog catalog;
    private final DeadlinePolicy deadlines;
    private final IntakeService intake;
    private final Clock clock;

    AgencySuccession(MongoTemplate mongo, AggregateStore dossiers, Catalog catalog, DeadlinePolicy deadlines, IntakeService intake,
            Clock clock) {
        this.mongo = mongo;
        this.intake = intake;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * @param failed dossiers that changed while being moved; call again to move them
     * @param envelopesMoved the item ids of the envelopes delivered by post that wait at the successor now
     */
    public record Result(String fromAgencyCode, String toAgencyCode, List<String> moved, List<String> failed,
            List<String> envelopesMoved) {
    }

    public Result transferOpenDossiers(String fromCode, Caller ops) {
        Agency from = catalog.agency(fromCode).orElseThrow(() -> ApiProblem.notFound("Agency", fromCode));
        LocalDate today = deadlines.today(clock.instant());
        if (from.activeOn(today)) {
            throw ApiProblem.unprocessable("agency-still-active", from.name() + " still receives dossiers"
                    + (from.validUntil() == null ? "" : " (until " + from.validUntil() + ")")
                    + "; its dossiers move once it is dissolved");
        }
        if (from.successorCode() == null) {
            throw ApiProblem.unprocessable("agency-has-no-successor", from.name() + " names no successor in the agency data");
        }
        // A successor dissolved in turn passes them on: they go straight to the agency that holds them today (ADR 0090).
        // The successor named is in the agency data, which is checked when it is loaded.
        Agency to = catalog.successorHoldingOn(from, today).orElseThrow(() -> ApiProblem.unprocessable("successor-dissolved",
                "The successor " + from.successorCode() + " of " + from.name() + " was dissolved too, and the agency data names"
                        + " no agency after it that holds its dossiers").with("successorCode", from.successorCode()));
        Actor actor = Actor.of(ops, Role.OPS);
        List<String> moved = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<Dossier> batch;
        do {
            Query open = new Query(where("agencyCode").is(fromCode).and("status").in(openStatuses())
                    .and("_id").nin(failed)).with(Sort.by("_id")).limit(BATCH);
            batch = mongo.find(open, Dossier.class);
            for (Dossier dossier : batch) {
                try {
                    dossiers.update(dossier, dossier.transferTo(to, actor, clock.instant()));
                    moved.add(dossier.code());
                } catch (OptimisticLockingFailureException changedMeanwhile) {
                    // A succession run beside this one moved it, or it was closed: nothing is left to move.
                    if (stillToMove(dossier.code(), fromCode)) {
                        failed.add(dossier.code());
                    }
                }
            }
        } while (!batch.isEmpty());
        return new Result(fromCode, to.code(), moved, failed, intake.passWaitingEnvelopes(fromCode, to));
    }

    private boolean stillToMove(String code, String fromCode) {
        return mongo.exists(new Query(where("_id").is(code).and("agencyCode").is(fromCode).and("status").in(openStatuses())),
                Dossier.class);
    }

    private static List<String> openStatuses() {
        return OPEN.stream().map(Enum::name).toList();
    }
}
