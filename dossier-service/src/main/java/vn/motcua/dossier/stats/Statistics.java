package vn.motcua.dossier.stats;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.deadlines.DeadlinePolicy;
import vn.motcua.dossier.stats.internal.ReportingProjection;
import vn.motcua.events.dossier.Channel;

/**
 * The figures provinces report per agency and period: dossiers received by channel, resolved
 * early / on time / late, still in hand within time or overdue, results returned by post, the
 * share of online submissions, citizens' feedback received, answered and overdue, and the drafts
 * leaders sent back. Each is counted under the day of the event being counted (reception,
 * resolution, return, send-back), read from the
 * {@link ReportingProjection}: per-day counters, and the dossiers and feedback still open.
 */
@Service
public class Statistics {
    private final MongoTemplate mongo;
    private final DeadlinePolicy deadlines;
    private final Clock clock;

    Statistics(MongoTemplate mongo, DeadlinePolicy deadlines, Clock clock) {
        this.mongo = mongo;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * @param onlineShare online receptions / all receptions, 0 when nothing was received
     * @param inHandWithinTime received, not yet resolved, not past the due date (paused dossiers count here)
     * @param feedbackReceived citizens' feedback filed in the period
     * @param feedbackAnswered feedback answered in the period
     * @param feedbackOverdue feedback answered in the period after its due day, or unanswered past it at the period's end
     * @param sentBackForRevision times a leader sent a draft result back to its specialist in the period (ADR 0052): the
     *     agency's own measure of drafts right the first time, which no national form asks for
     */
    public record AgencyReport(String agencyCode, LocalDate from, LocalDate to, long received, long receivedOnline,
            long receivedAtCounter, long receivedByPost, long resolved, long resolvedEarly, long resolvedOnTime,
            long resolvedOverdue, long inHandWithinTime, long inHandOverdue, long returnedByPost, long notAccepted,
            double onlineShare, long feedbackReceived, long feedbackAnswered, long feedbackOverdue, long sentBackForRevision) {
    }

    /** Reports for the given agencies, or every agency with figures when the list is empty. */
    public List<AgencyReport> report(List<String> agencyCodes, LocalDate from, LocalDate to) {
        Instant end = to.plusDays(1).atStartOfDay(deadlines.zone()).toInstant();
        LocalDate today = deadlines.today(clock.instant());
        LocalDate asOf = to.isBefore(today) ? to : today;
        Map<String, Tally> tallies = new TreeMap<>();
        agencyCodes.forEach(code -> tallies.put(code, new Tally()));

        Query days = new Query(of(agencyCodes, where("day").gte(from).lte(to)));
        days.fields().exclude("appliedEventIds");
        for (Document day : mongo.find(days, Document.class, ReportingProjection.DAYS)) {
            tallies.computeIfAbsent(day.getString("agencyCode"), code -> new Tally()).addDay(day);
        }
        for (Document open : mongo.find(new Query(of(agencyCodes, where("receivedAt").lt(end))), Document.class,
                ReportingProjection.OPEN_DOSSIERS)) {
            Tally tally = tallies.computeIfAbsent(open.getString("agencyCode"), code -> new Tally());
            LocalDate due = localDate(open.get("dueDate"));
            if (!open.getBoolean("paused", false) && due != null && deadlines.isOverdue(due, asOf)) {
                tally.inHandOverdue++;
            } else {
                tally.inHandWithinTime++;
            }
        }
        for (Document open : mongo.find(new Query(of(agencyCodes, where("filedAt").lt(end))), Document.class,
                ReportingProjection.OPEN_FEEDBACK)) {
            if (asOf.isAfter(localDate(open.get("answerDue")))) {
                tallies.computeIfAbsent(open.getString("agencyCode"), code -> new Tally()).feedbackOverdue++;
            }
        }
        return tallies.entrySet().stream().map(e -> e.getValue().report(e.getKey(), from, to)).toList();
    }

    /** The report of an agency with nothing in the period: each figure a zero. */
    public static AgencyReport quiet(String agencyCode, LocalDate from, LocalDate to) {
        return new Tally().report(agencyCode, from, to);
    }

    private static Criteria of(List<String> agencyCodes, Criteria criteria) {
        return agencyCodes.isEmpty() ? criteria : criteria.and("agencyCode").in(agencyCodes);
    }

    /** Dates are stored by the driver's codecs as midnight UTC. */
    private static LocalDate localDate(Object stored) {
        return stored == null ? null : LocalDate.ofInstant(((Date) stored).toInstant(), ZoneOffset.UTC);
    }

    private static final class Tally {
        final Map<String, Long> counters = new TreeMap<>();
        long inHandWithinTime;
        long inHandOverdue;
        long feedbackOverdue;

        void addDay(Document day) {
            day.forEach((field, value) -> {
                if (value instanceof Number number) {
                    counters.merge(field, number.longValue(), Long::sum);
                }
            });
        }

        long get(String counter) {
            return counters.getOrDefault(counter, 0L);
        }

        AgencyReport report(String agency, LocalDate from, LocalDate to) {
            long online = get("received_" + Channel.ONLINE.name());
            long counter = get("received_" + Channel.IN_PERSON.name());
            long post = get("received_" + Channel.POSTAL.name());
            long all = online + counter + post;
            double share = all == 0 ? 0 : Math.round(1000.0 * online / all) / 1000.0;
            long early = get("resolvedEarly");
            long onTime = get("resolvedOnTime");
            long late = get("resolvedLate");
            return new AgencyReport(agency, from, to, all, online, counter, post, early + onTime + late, early, onTime,
                    late, inHandWithinTime, inHandOverdue, get("returnedByPost"), get("notAccepted"), share,
                    get("feedbackReceived"), get("feedbackAnswered"), get("feedbackAnsweredLate") + feedbackOverdue,
                    get("sentBackForRevision"));
        }
    }
}
