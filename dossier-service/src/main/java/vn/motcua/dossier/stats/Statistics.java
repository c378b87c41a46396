package vn.motcua.dossier.stats;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.core.NationalStatus;
import vn.motcua.dossier.deadlines.DeadlinePolicy;
import vn.motcua.dossier.feedback.Feedback;
import vn.motcua.dossier.feedback.FeedbackDesk;
import vn.motcua.events.dossier.Channel;
import vn.motcua.events.dossier.ResultDelivery;

/**
 * The figures provinces report per agency and period: dossiers received by channel, resolved
 * early / on time / late, still in hand within time or overdue, results returned by post and
 * the share of online submissions, and citizens' feedback received, answered and overdue. Each dossier is counted under the period of the event
 * being counted (reception, resolution, return).
 */
@Service
public class Statistics {
    private final MongoTemplate mongo;
    private final DeadlinePolicy deadlines;
    private final Clock clock;
    private final FeedbackDesk feedbackDesk;

    Statistics(MongoTemplate mongo, DeadlinePolicy deadlines, Clock clock, FeedbackDesk feedbackDesk) {
        this.mongo = mongo;
        this.feedbackDesk = feedbackDesk;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * @param onlineShare online receptions / all receptions, 0 when nothing was received
     * @param inHandWithinTime received, not yet resolved, not past the due date (paused dossiers count here)
     * @param feedbackReceived citizens' feedback filed in the period
     * @param feedbackAnswered feedback answered in the period
     * @param feedbackOverdue feedback answered in the period after its due day, or unanswered past it at the period's end
     */
    public record AgencyReport(String agencyCode, LocalDate from, LocalDate to, long received, long receivedOnline,
            long receivedAtCounter, long receivedByPost, long resolved, long resolvedEarly, long resolvedOnTime,
            long resolvedOverdue, long inHandWithinTime, long inHandOverdue, long returnedByPost, long notAccepted,
            double onlineShare, long feedbackReceived, long feedbackAnswered, long feedbackOverdue) {
    }

    /** Reports for the given agencies, or every agency with dossiers when the list is empty. */
    public List<AgencyReport> report(List<String> agencyCodes, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(deadlines.zone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(deadlines.zone()).toInstant();
        Criteria inPeriod = new Criteria().orOperator(
                where("receivedAt").gte(start).lt(end),
                where("resolvedAt").gte(start).lt(end),
                where("closedAt").gte(start).lt(end),
                where("status").in(NationalStatus.IN_HAND.stream().map(Enum::name).toList()));
        Criteria criteria = agencyCodes.isEmpty() ? inPeriod
                : new Criteria().andOperator(where("agencyCode").in(agencyCodes), inPeriod);
        Query query = new Query(criteria);
        query.fields().include("agencyCode", "channel", "status", "receivedAt", "resolvedAt", "closedAt", "dueDate", "dueDateByLaw",
                "returnedVia", "workingDaysLeftWhenPaused", "resultDelivery", "submittedAt");
        Map<String, Tally> tallies = new TreeMap<>();
        agencyCodes.forEach(code -> tallies.put(code, new Tally()));
        LocalDate today = deadlines.today(clock.instant());
        LocalDate asOf = to.isBefore(today) ? to : today;
        for (Dossier dossier : mongo.find(query, Dossier.class)) {
            tallies.computeIfAbsent(dossier.agencyCode(), code -> new Tally()).add(dossier, start, end, asOf);
        }
        for (Feedback feedback : feedbackDesk.forReport(agencyCodes, start, end)) {
            tallies.computeIfAbsent(feedback.agencyCode(), code -> new Tally()).add(feedback, start, end, asOf);
        }
        return tallies.entrySet().stream().map(e -> e.getValue().report(e.getKey(), from, to)).toList();
    }

    private final class Tally {
        final Map<Channel, Long> received = new EnumMap<>(Channel.class);
        long early;
        long onTime;
        long late;
        long inHandWithinTime;
        long inHandOverdue;
        long returnedByPost;
        long notAccepted;
        long feedbackReceived;
        long feedbackAnswered;
        long feedbackOverdue;

        void add(Feedback feedback, Instant start, Instant end, LocalDate asOf) {
            if (within(feedback.filedAt(), start, end)) {
                feedbackReceived++;
            }
            if (within(feedback.answeredAt(), start, end)) {
                feedbackAnswered++;
                if (feedback.overdueOn(asOf, deadlines.today(feedback.answeredAt()))) {
                    feedbackOverdue++;
                }
            } else if (feedback.answeredAt() == null && feedback.filedAt().isBefore(end) && feedback.overdueOn(asOf, null)) {
                feedbackOverdue++;
            }
        }

        void add(Dossier d, Instant start, Instant end, LocalDate asOf) {
            if (within(d.receivedAt(), start, end)) {
                received.merge(d.channel(), 1L, Long::sum);
            }
            // Against the law's due date: a new date of form 04 excuses nothing in the counts.
            if (within(d.resolvedAt(), start, end) && d.dueDateByLaw() != null) {
                LocalDate resolvedOn = deadlines.today(d.resolvedAt());
                if (resolvedOn.isBefore(d.dueDateByLaw())) {
                    early++;
                } else if (resolvedOn.isEqual(d.dueDateByLaw())) {
                    onTime++;
                } else {
                    late++;
                }
            }
            if (NationalStatus.IN_HAND.contains(d.status()) && d.receivedAt() != null && d.receivedAt().isBefore(end)) {
                if (!d.isPaused() && d.dueDate() != null && deadlines.isOverdue(d.dueDate(), asOf)) {
                    inHandOverdue++;
                } else {
                    inHandWithinTime++;
                }
            }
            if (d.status() == NationalStatus.RESULT_RETURNED && ResultDelivery.POST.name().equals(d.returnedVia())
                    && within(d.closedAt(), start, end)) {
                returnedByPost++;
            }
            if (d.status() == NationalStatus.NOT_ACCEPTED && within(d.closedAt(), start, end)) {
                notAccepted++;
            }
        }

        AgencyReport report(String agency, LocalDate from, LocalDate to) {
            long online = received.getOrDefault(Channel.ONLINE, 0L);
            long counter = received.getOrDefault(Channel.IN_PERSON, 0L);
            long post = received.getOrDefault(Channel.POSTAL, 0L);
            long all = online + counter + post;
            double share = all == 0 ? 0 : Math.round(1000.0 * online / all) / 1000.0;
            return new AgencyReport(agency, from, to, all, online, counter, post, early + onTime + late, early, onTime,
                    late, inHandWithinTime, inHandOverdue, returnedByPost, notAccepted, share, feedbackReceived,
                    feedbackAnswered, feedbackOverdue);
        }
    }

    private static boolean within(Instant at, Instant start, Instant end) {
        return at != null && !at.isBefore(start) && at.isBefore(end);
    }
}
