package vn.motcua.notification.benchmark;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.dossier.DossierReceived;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.notification.MessagingSimulators;
import vn.motcua.notification.NotificationServiceApplication;
import vn.motcua.notification.inbox.Delivery;
import vn.motcua.notification.inbox.Notification;
import vn.motcua.notification.recipients.Recipient;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.Latencies;
import vn.motcua.testinfra.ServiceInstance;
import vn.motcua.testinfra.TestInfrastructure;

/**
 * From a dossier event on Kafka to the first delivery attempt of its notification: -Dbench.rate
 * events a second (open model: sent on a timer, whatever the service's pace) for -Dbench.seconds,
 * each for another citizen whose addresses are known, so each goes to Zalo first (the simulator
 * process, with its receipts coming back over HTTP meanwhile). The latency is the notification's
 * first attempt time minus the moment the event was handed to the producer. The service, the
 * Mongo wire server and the broker share this JVM, which runs with the services' Serial GC when started as below
 * (under G1, Maven's default on this machine, the same run measured G1's overhead). Prints figures; asserts nothing.
 *
 * <pre>./motcua bench notifications</pre>
 */
public final class FirstAttemptBenchmark {
    private FirstAttemptBenchmark() {
    }

    private static double receipts(MeterRegistry meters, String copy) {
        return meters.get("motcua.notification.receipts").tag("copy", copy).counter().count();
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("bench.rate", 200);
        int seconds = Integer.getInteger("bench.seconds", 20);
        int count = rate * seconds;
        MessagingSimulators.start();
        try (ConfigurableApplicationContext service = ServiceInstance.startOnPort(NotificationServiceApplication.class,
                MessagingSimulators.SERVICE_PORT, "--spring.mongodb.database=motcua-notification-bench",
                "--motcua.notification.quiet-hours-rules=file:" + noQuietHours(),
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestInfrastructure.get().smtpPort(),
                "--motcua.notification.channels.sms.url=" + MessagingSimulators.sms(),
                "--motcua.notification.channels.sms.secret=" + MessagingSimulators.SMS_SECRET,
                "--motcua.notification.channels.zalo.url=" + MessagingSimulators.zalo(),
                "--motcua.notification.channels.zalo.access-token=" + MessagingSimulators.ZALO_TOKEN,
                "--motcua.notification.channels.zalo.oa-secret=" + MessagingSimulators.ZALO_SECRET,
                "--motcua.notification.channels.zalo.app-id=" + MessagingSimulators.ZALO_APP,
                "--motcua.notification.channels.zalo.rate-per-second=" + (rate * 2))) {
            MongoTemplate mongo = service.getBean(MongoTemplate.class);
            long run = System.nanoTime();
            List<ProducerRecord<String, String>> events = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String citizen = String.format("0019%08d", i);
                mongo.save(new Recipient(citizen, "Người thử " + i, null, String.format("09%08d", i)));
                events.add(EventMother.record(new DossierReceived(EventMother.snapshot("BENCH-" + run + "-" + i, citizen, ResultDelivery.ONLINE),
                        LocalDate.parse("2026-12-31"), "officer-1", Instant.now())));
            }
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            double restingShare;
            double cpuPerEvent;
            double simulatorsPerEvent;
            MeterRegistry meters = service.getBean(MeterRegistry.class);
            double keptAtStart;
            double readAtStart;
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class, ProducerConfig.LINGER_MS_CONFIG, 0))) {
                // A warm-up: the first thousands of events pay for the JIT (on two cores, with the broker and the database in the
                // same JVM), the consumer's first fetches and the first connections.
                restingShare = warmUp(producer, mongo, run);
                System.out.printf("Warmed up; sending %,d events at %d a second%n", count, rate);
                long cpuAtStart = cpuTime();
                long simulatorsAtStart = simulatorsCpuTime();
                keptAtStart = receipts(meters, "kept");
                readAtStart = receipts(meters, "read");
                ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
                long periodNanos = 1_000_000_000L / rate;
                int[] next = {0};
                timer.scheduleAtFixedRate(() -> {
                    if (next[0] >= count) {
                        return;
                    }
                    ProducerRecord<String, String> record = events.get(next[0]++);
                    sentAt.put(new String(record.headers().lastHeader(CloudEventHeaders.ID).value()), System.currentTimeMillis());
                    producer.send(record);
                }, 0, periodNanos, TimeUnit.NANOSECONDS);
                Instant deadline = Instant.now().plusSeconds(seconds + 60L);
                // Counting scans the collection in this JVM: not while the events are being sent.
                Thread.sleep(seconds * 1_000L);
                Query attempted = new Query(where("dossierCode").regex("^BENCH-" + run + "-").and("deliveries.0.firstAttemptAt").exists(true));
                while (mongo.count(attempted, Notification.class) < count && Instant.now().isBefore(deadline)) {
                    Thread.sleep(1_000);
                }
                timer.shutdownNow();
                // The receipts of the last attempts come a moment later; their cost belongs to the run.
                Thread.sleep(2_000);
                cpuPerEvent = (cpuTime() - cpuAtStart) / 1e6 / count;
                simulatorsPerEvent = (simulatorsCpuTime() - simulatorsAtStart) / 1e6 / count;
            }
            Latencies latencies = new Latencies();
            Latencies consumed = new Latencies();
            Latencies lastHalf = new Latencies();
            long midpoint = sentAt.values().stream().mapToLong(Long::longValue).min().orElse(0) + seconds * 500L;
            Map<Delivery.Status, Integer> outcomes = new ConcurrentHashMap<>();
            List<Notification> stored = mongo.find(new Query(where("dossierCode").regex("^BENCH-" + run + "-")), Notification.class);
            for (Notification n : stored) {
                Delivery first = n.deliveries().isEmpty() ? null : n.deliveries().getFirst();
                if (first != null && first.firstAttemptAt() != null && sentAt.containsKey(n.id())) {
                    latencies.record(Duration.ofMillis(first.firstAttemptAt().toEpochMilli() - sentAt.get(n.id())).toNanos());
                    consumed.record(Duration.ofMillis(n.createdAt().toEpochMilli() - sentAt.get(n.id())).toNanos());
                    if (sentAt.get(n.id()) >= midpoint) {
                        lastHalf.record(Duration.ofMillis(first.firstAttemptAt().toEpochMilli() - sentAt.get(n.id())).toNanos());
                    }
                    outcomes.merge(first.status(), 1, Integer::sum);
                }
            }
            List<Long> sorted = latencies.sorted();
            System.out.printf("dossier event on Kafka -> first delivery attempt (Zalo simulator process), %d events/s for %d s:"
                            + " %,d stored, %,d of %,d attempted; p50 %.1f ms, p99 %.1f ms, max %.1f ms; Zalo outcomes %s%n", rate, seconds,
                    stored.size(), sorted.size(), count, Latencies.percentileMillis(sorted, 50), Latencies.percentileMillis(sorted, 99),
                    Latencies.maxMillis(sorted), outcomes);
            System.out.printf("  this JVM's garbage collectors: %s (the services run with Serial GC: ./motcua bench notifications sets it)%n",
                    ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
            System.out.printf("  CPU per event, receipts included: %.1f ms in this JVM (service, broker, wire server; %.0f %% of a core"
                    + " at rest before the run), %.1f ms in the simulator processes%n", cpuPerEvent, restingShare * 100, simulatorsPerEvent);
            System.out.printf("  receipts: %.2f an event applied to the copy the sender kept, %.2f read from storage (ADR 0034)%n",
                    (receipts(meters, "kept") - keptAtStart) / count, (receipts(meters, "read") - readAtStart) / count);
            List<Long> storedAfter = consumed.sorted();
            List<Long> settled = lastHalf.sorted();
            System.out.printf("  of which event -> notification stored: p50 %.1f ms, p99 %.1f ms; events of the second half alone: p50 %.1f ms,"
                    + " p99 %.1f ms%n", Latencies.percentileMillis(storedAfter, 50), Latencies.percentileMillis(storedAfter, 99),
                    Latencies.percentileMillis(settled, 50), Latencies.percentileMillis(settled, 99));
        }
        System.exit(0);
    }

    /**
     * The figure must not depend on the hour it is taken at: the platform's quiet hours (21:00–07:00 in
     * Hà Nội) would hold every message to a phone until morning, and no attempt would be made.
     */
    private static Path noQuietHours() throws IOException {
        Path rules = Files.createTempFile("quiet-hours-none", ".json");
        rules.toFile().deleteOnExit();
        Files.writeString(rules, """
                {"note": "Written by the benchmark: no window, messages to phones go at any hour.", "windows": []}
                """);
        return rules;
    }

    private static long cpuTime() {
        return cpuTime(ProcessHandle.current());
    }

    private static long cpuTime(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** The providers' simulators run as processes of their own, children of this one: on the same two cores. */
    private static long simulatorsCpuTime() {
        return ProcessHandle.current().descendants().mapToLong(FirstAttemptBenchmark::cpuTime).sum();
    }

    /** @return the share of a core this JVM used at rest after the warm-up */
    private static double warmUp(KafkaProducer<String, String> producer, MongoTemplate mongo, long run) throws InterruptedException {
        // After 3,000 events the JIT was still compiling at a third of a core during the measured run: its figures were the JIT's.
        int warmUp = Integer.getInteger("bench.warm-up", 12_000);
        for (int i = 0; i < warmUp; i++) {
            String citizen = String.format("0018%08d", i);
            mongo.save(new Recipient(citizen, "Khởi động " + i, null, String.format("08%08d", i)));
            producer.send(EventMother.record(new DossierReceived(EventMother.snapshot("WARM-" + run + "-" + i, citizen, ResultDelivery.ONLINE),
                    LocalDate.parse("2026-12-31"), "officer-1", Instant.now())));
            Thread.sleep(i < warmUp / 2 ? 10 : 6);
        }
        Thread.sleep(5_000);
        long restStart = cpuTime();
        long restNanos = System.nanoTime();
        Thread.sleep(5_000);
        return (double) (cpuTime() - restStart) / (System.nanoTime() - restNanos);
    }
}
