package vn.motcua.dossier.benchmark;

import java.time.Clock;
import java.time.Instant;
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
import vn.motcua.dossier.core.NationalStatus;
import vn.motcua.dossier.deadlines.CalendarSeed;
import vn.motcua.dossier.deadlines.DeadlinePolicy;
import vn.motcua.dossier.deadlines.WorkingCalendar;
import vn.motcua.dossier.storage.DossierIndexes;
import vn.motcua.dossier.tracking.WorkQueue;

/**
 * Times the officers' work queue on 100,000 dossiers (or -Dbench.dossiers=N). Prints figures;
 * asserts nothing. Runs against mongo-java-server in memory, or against a real MongoDB when
 * MOTCUA_BENCH_MONGO_URI is set (the indexes only pay off there: mongo-java-server scans).
 *
 * <pre>./motcua bench</pre>
 */
public final class WorkQueueBenchmark {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String[] AGENCIES = {"000.10.20.H29", "000.00.01.H29", "000.00.02.H29", "000.00.03.H29",
            "000.00.04.H29", "000.10.20.01.H29", "000.10.20.02.H29", "000.00.05.H29"};
    private static final String[] PROCEDURES = {"2.000018", "2.000009", "2.000010", "2.000016", "1.000007"};

    private WorkQueueBenchmark() {
    }

    public static void main(String[] args) {
        int count = Integer.getInteger("bench.dossiers", 100_000);
        try (BenchMongo bench = BenchMongo.open("motcua-bench")) {
            MongoTemplate mongo = bench.mongo();
            Instant now = LocalDate.of(2026, 11, 24).atTime(10, 0).atZone(HANOI).toInstant();
            long started = System.nanoTime();
            seed(mongo, count, now);
            System.out.printf("seeded %,d dossiers in %,d ms (%s)%n", count, (System.nanoTime() - started) / 1_000_000,
                    bench.describe());
            new DossierIndexes(mongo).ensure();

            WorkingCalendar calendar = CalendarSeed.calendar(JsonMapper.builder().build(), "calendar/working-calendar.json");
            WorkQueue queue = new WorkQueue(mongo, new DeadlinePolicy(calendar, HANOI, LocalTime.of(16, 30), 2,
                    new DeadlinePolicy.Reappointment(1, 1)),
                    Clock.fixed(now, HANOI));
            String agency = AGENCIES[0];
            measure("status=4 (processing), page 0", () -> queue.find(filter(agency, List.of(4), null, null), 0, 20));
            measure("deadline=OVERDUE, page 0", () -> queue.find(filter(agency, null, WorkQueue.Deadline.OVERDUE, null), 0, 20));
            measure("deadline=AT_RISK, page 0", () -> queue.find(filter(agency, null, WorkQueue.Deadline.AT_RISK, null), 0, 20));
            measure("deadline=OPEN, assignee, page 0", () -> queue.find(filter(agency, null, WorkQueue.Deadline.OPEN, "specialist3"), 0, 20));
            measure("all of the agency, page 200", () -> queue.find(filter(agency, null, null, null), 200, 20));
        }
    }

    private static WorkQueue.Filter filter(String agency, List<Integer> statuses, WorkQueue.Deadline deadline, String assignee) {
        return new WorkQueue.Filter(agency, statuses, deadline, assignee, null, null, null, null, null);
    }

    private static void measure(String label, Supplier<WorkQueue.Page> query) {
        BenchMongo.measure(label, query, WorkQueue.Page::total);
    }

    /** Dossiers spread over agencies, statuses and due dates, shaped as the service stores them. */
    static void seed(MongoTemplate mongo, int count, Instant now) {
        Random random = new Random(42);
        NationalStatus[] statuses = NationalStatus.values();
        List<Document> batch = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, HANOI);
        for (int i = 0; i < count; i++) {
            String agency = AGENCIES[random.nextInt(3) == 0 ? 0 : random.nextInt(AGENCIES.length)];
            NationalStatus status = statuses[random.nextInt(statuses.length)];
            Instant submitted = now.minusSeconds(random.nextInt(365 * 24 * 3600));
            Document dossier = new Document("_id", "%s-%06d".formatted(agency, i))
                    .append("version", 3L)
                    .append("procedureCode", PROCEDURES[random.nextInt(PROCEDURES.length)])
                    .append("procedureName", "Thủ tục mẫu")
                    .append("agencyCode", agency)
                    .append("ownerCitizenId", "%012d".formatted(1_000_000L + random.nextInt(50_000)))
                    .append("applicant", new Document("fullName", "Nguyễn Văn " + i).append("idNumber", "001090000001"))
                    .append("channel", random.nextInt(4) == 0 ? "IN_PERSON" : "ONLINE")
                    .append("status", status.name())
                    .append("resultDelivery", "COUNTER")
                    .append("submittedAt", Date.from(submitted))
                    .append("deadlineFlag", "ON_TRACK")
                    .append("history", List.of());
            if (status != NationalStatus.NEWLY_REGISTERED) {
                LocalDate due = today.plusDays(random.nextInt(40) - 15);
                dossier.append("receivedAt", Date.from(submitted.plusSeconds(3600)))
                        .append("dueDate", Date.from(due.atStartOfDay().toInstant(ZoneOffset.UTC)))
                        .append("assignee", "specialist" + random.nextInt(10));
            }
            batch.add(dossier);
            if (batch.size() == 5_000) {
                mongo.getCollection("dossiers").insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.getCollection("dossiers").insertMany(batch);
        }
    }
}
