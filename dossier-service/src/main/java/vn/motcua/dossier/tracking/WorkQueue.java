package vn.motcua.dossier.tracking;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.core.NationalStatus;
import vn.motcua.dossier.deadlines.DeadlinePolicy;

/**
 * The officers' work queue: an agency's dossiers filtered and paged in the database. At risk
 * and overdue are computed from the due date at query time, so the queue is right even
 * between two runs of the deadline watch.
 */
@Component
public class WorkQueue {
    private static final String REVISION_REASON = "revisionReason";
    private static final String APPROVAL_REQUESTED_AT = "approvalRequestedAt";
    private final MongoTemplate mongo;
    private final DeadlinePolicy deadlines;
    private final Clock clock;

    public WorkQueue(MongoTemplate mongo, DeadlinePolicy deadlines, Clock clock) {
        this.mongo = mongo;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** OPEN: received and not resolved; AT_RISK and OVERDUE: open with the clock running, by due date. */
    public enum Deadline {
        OPEN, AT_RISK, OVERDUE
    }

    /**
     * @param statuses national status codes, any when empty
     * @param submittedFrom first day (inclusive, Vietnamese time) of submission, or null
     * @param submittedTo last day (inclusive), or null
     * @param sentBack true: only drafts in processing a leader sent back and has not approved since (ADR 0052); false:
     *     only the others; null: both
     * @param awaitingApproval true: only drafts in processing a specialist submitted and no leader has decided on yet
     *     (ADR 0055); false: only the others; null: both
     */
    public record Filter(String agencyCode, List<Integer> statuses, Deadline deadline, String assignee,
            String procedureCode, LocalDate submittedFrom, LocalDate submittedTo, Boolean sentBack, Boolean awaitingApproval) {
    }

    /**
     * @param revisionReason why the leader sent the draft result back to its specialist, until approved again (ADR 0052);
     *     in processing only
     * @param approvalRequestedAt when the specialist submitted the draft for approval, until a leader decides (ADR 0055);
     *     in processing only
     */
    public record Item(String code, String procedureCode, String procedureName, String applicantName, String channel,
            int nationalStatus, String status, Instant submittedAt, LocalDate dueDate, String deadline, boolean paused,
            String assignee, String revisionReason, Instant approvalRequestedAt) {
    }

    public record Page(List<Item> items, int page, int size, long total) {
    }

    public Page find(Filter filter, int page, int size) {
        LocalDate today = deadlines.today(clock.instant());
        Query query = new Query(criteria(filter, today))
                .with(Sort.by(Sort.Order.asc("dueDate"), Sort.Order.asc("submittedAt")));
        long total = mongo.count(query, Dossier.class);
        query.skip((long) page * size).limit(size);
        query.fields().include("procedureCode", "procedureName", "applicant.fullName", "channel", "status",
                "submittedAt", "dueDate", "deadlineFlag", "workingDaysLeftWhenPaused", "assignee", REVISION_REASON,
                APPROVAL_REQUESTED_AT, "agencyCode");
        List<Item> items = mongo.find(query, Dossier.class).stream().map(d -> item(d, today)).toList();
        return new Page(items, page, size, total);
    }

    private Criteria criteria(Filter filter, LocalDate today) {
        List<Criteria> all = new ArrayList<>();
        all.add(where("agencyCode").is(filter.agencyCode()));
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            all.add(where("status").in(filter.statuses().stream().map(code -> NationalStatus.ofCode(code).name()).toList()));
        }
        if (filter.deadline() != null) {
            switch (filter.deadline()) {
                case OPEN -> all.add(where("status").in(names(NationalStatus.IN_HAND)));
                case AT_RISK -> all.add(where("status").in(names(NationalStatus.CLOCK_RUNNING))
                        .and("dueDate").gte(today).lte(deadlines.atRiskHorizon(today)));
                case OVERDUE -> all.add(where("status").in(names(NationalStatus.CLOCK_RUNNING))
                        .and("dueDate").lt(today));
            }
        }
        if (filter.assignee() != null) {
            all.add(where("assignee").is(filter.assignee()));
        }
        if (filter.procedureCode() != null) {
            all.add(where("procedureCode").is(filter.procedureCode()));
        }
        if (filter.sentBack() != null) {
            all.add(whileProcessing(REVISION_REASON, filter.sentBack()));
        }
        if (filter.awaitingApproval() != null) {
            all.add(whileProcessing(APPROVAL_REQUESTED_AT, filter.awaitingApproval()));
        }
        if (filter.submittedFrom() != null) {
            all.add(where("submittedAt").gte(filter.submittedFrom().atStartOfDay(deadlines.zone()).toInstant()));
        }
        if (filter.submittedTo() != null) {
            all.add(where("submittedAt").lt(filter.submittedTo().plusDays(1).atStartOfDay(deadlines.zone()).toInstant()));
        }
        return new Criteria().andOperator(all);
    }

    /**
     * Dossiers whose draft the field describes ({@code set}), or the others: a draft sent back or submitted is one only
     * in processing, and a dossier stopped or withdrawn meanwhile has none.
     */
    private static Criteria whileProcessing(String field, boolean set) {
        String processing = NationalStatus.PROCESSING.name();
        return set ? where(field).ne(null).and("status").is(processing)
                : new Criteria().orOperator(where(field).is(null), where("status").ne(processing));
    }

    private static List<String> names(Set<NationalStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }

    private Item item(Dossier d, LocalDate today) {
        boolean processing = d.status() == NationalStatus.PROCESSING;
        String deadline = "-";
        if (d.dueDate() != null && NationalStatus.IN_HAND.contains(d.status())) {
            deadline = d.isPaused() ? "PAUSED"
                    : deadlines.isOverdue(d.dueDate(), today) ? "OVERDUE"
                    : deadlines.isAtRisk(d.dueDate(), today) ? "AT_RISK" : "ON_TRACK";
        }
        return new Item(d.code(), d.procedureCode(), d.procedureName(),
                d.applicant() == null ? null : d.applicant().fullName(), d.channel().name(), d.status().code(),
                d.status().name(), d.submittedAt(), d.dueDate(), deadline, d.isPaused(), d.assignee(),
                processing ? d.revisionReason() : null, processing ? d.approvalRequestedAt() : null);
    }
}
