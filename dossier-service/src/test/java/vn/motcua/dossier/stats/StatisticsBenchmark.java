package vn.motcua.dossier.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.benchmark.BenchMongo;
import vn.motcua.dossier.deadlines.CalendarSeed;
import vn.motcua.dossier.deadlines.DeadlinePolicy;
import vn.motcua.dossier.deadlines.WorkingCalendar;
import vn.motcua.dossier.stats.internal.ReportingProjection;

/**
 * Times the statistics of a province's year: the reporting projection seeded directly as
 * 1,000,000 dossiers (-Dbench.dossiers=N) would leave it — per agency and day counters, 5 % of the
 * dossiers still in hand, some feedback unanswered — then the report for all agencies and for one,
 * for the whole year. Prints figures; asserts nothing; not part of the test run.
 *
 * <pre>./motcua bench stats</pre>
 */
public final class StatisticsBenchmark {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int AGENCIES = 30;
    private static final LocalDate YEAR_START = LocalDate.of(2025, 1, 1);

    private StatisticsBenchmark() {
    }

    public static void main(String[] args) {
        int dossiers = Integer.getInteger("bench.dossiers", 1_000_000);
        try (BenchMongo bench = BenchMongo.open("motcua-stats-bench")) {
            MongoTemplate mongo = bench.mongo();
            long started = System.nanoTime();
            int[] seeded = seed(mongo, dossiers);
            System.out.printf("projection of %,d dossiers: %,d day documents, %,d open dossiers, %,d open feedback,"
                    + " seeded in %,d ms (%s)%n", dossiers, seeded[0], seeded[1], seeded[2],
                    (System.nanoTime() - started) / 1_000_000,
                    bench.describe());
            WorkingCalendar calendar = CalendarSeed.calendar(JsonMapper.builder().build(), "calendar/working-calendar.json");
            Statistics statistics = new Statistics(mongo, new DeadlinePolicy(calendar, HANOI, LocalTime.of(16, 30), 2,
                    new DeadlinePolicy.Reappointment(1, 1)), Clock.fixed(LocalDate.of(2026, 1, 15).atStartOfDay(HANOI)
                    .toInstant(), HANOI));
            LocalDate from = YEAR_START;
            LocalDate to = YEAR_START.plusYears(1).minusDays(1);
            measure("year, every agency of the province", () -> statistics.report(List.of(), from, to));
            measure("year, one agency", () -> statistics.report(List.of(agency(0)), from, to));
            measure("one month, one agency", () -> statistics.report(List.of(agency(0)), from, from.plusMonths(1).minusDays(1)));
        }
    }

    private static String agency(int i) {
        return "000.%02d.00.H29".formatted(i);
    }

    /** Prints the dossiers received in the reports, and the time they took. */
    private static void measure(String label, Supplier<List<Statistics.AgencyReport>> report) {
        BenchMongo.measure(label, report, reports -> reports.stream().mapToLong(Statistics.AgencyReport::received).sum());
    }

    /** @return day documents, open dossiers, open feedback written */
    private static int[] seed(MongoTemplate mongo, int dossiers) {
        Random random = new Random(42);
        int days = 365;
        int perAgencyDay = Math.max(1, dossiers / (AGENCIES * days));
        List<Document> batch = new ArrayList<>();
        for (int a = 0; a < AGENCIES; a++) {
            for (int d = 0; d < days; d++) {
                LocalDate day = YEAR_START.plusDays(d);
                int online = perAgencyDay * 7 / 10;
                int counter = perAgencyDay / 5;
                int post = perAgencyDay - online - counter;
                batch.add(new Document("_id", agency(a) + "|" + day).append("agencyCode", agency(a))
                        .append("day", date(day)).append("received_ONLINE", online).append("received_IN_PERSON", counter)
                        .append("received_POSTAL", post).append("resolvedEarly", perAgencyDay / 2)
                        .append("resolvedOnTime", perAgencyDay / 3).append("resolvedLate", perAgencyDay / 10)
                        .append("returnedByPost", post / 2).append("notAccepted", random.nextInt(3))
                        .append("feedbackReceived", random.nextInt(2)).append("feedbackAnswered", random.nextInt(2))
                        .append("appliedEventIds", List.of()));
            }
        }
        mongo.getCollection(ReportingProjection.DAYS).insertMany(batch);
        int dayDocuments = batch.size();
        batch.clear();
        int open = dossiers / 20;
        for (int i = 0; i < open; i++) {
            LocalDate received = YEAR_START.plusDays(300 + random.nextInt(65));
            batch.add(new Document("_id", "OPEN-" + i).append("agencyCode", agency(random.nextInt(AGENCIES)))
                    .append("receivedAt", Date.from(received.atTime(9, 0).atZone(HANOI).toInstant()))
                    .append("dueDate", date(received.plusDays(random.nextInt(40)))).append("paused", random.nextInt(10) == 0));
            if (batch.size() == 10_000) {
                mongo.getCollection(ReportingProjection.OPEN_DOSSIERS).insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.getCollection(ReportingProjection.OPEN_DOSSIERS).insertMany(batch);
            batch.clear();
        }
        int feedback = Math.max(1, dossiers / 500);
        for (int i = 0; i < feedback; i++) {
            LocalDate filed = YEAR_START.plusDays(random.nextInt(365));
            batch.add(new Document("_id", "FB-" + i).append("agencyCode", agency(random.nextInt(AGENCIES)))
                    .append("filedAt", Date.from(filed.atTime(9, 0).atZone(HANOI).toInstant()))
                    .append("answerDue", date(filed.plusDays(14))));
        }
        mongo.getCollection(ReportingProjection.OPEN_FEEDBACK).insertMany(batch);
        return new int[] {dayDocuments, open, feedback};
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
