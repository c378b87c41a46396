package vn.motcua.dossier.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.dossier.DossierServiceApplication;
import vn.motcua.dossier.intake.IntakeService;
import vn.motcua.dossier.intake.SubmitDossierRequest;
import vn.motcua.events.Topics;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.Role;
import vn.motcua.testinfra.Latencies;
import vn.motcua.testinfra.TestInfrastructure;

/**
 * The outbox's cost and speed, printed, asserting nothing: the CPU the dossier-service uses at
 * rest with 100,000 dossiers stored (-Dbench.dossiers=N), and the time from a submission's
 * registration (where the controller answers 201) to its DossierSubmitted arriving at a Kafka
 * consumer, p50/p99, at rest and during a burst of 2,000 submissions. Everything runs in this JVM
 * (the Kafka broker, mongo-java-server, the service), so the CPU figure is an upper bound for the
 * relay and the consumers together.
 *
 * <pre>./motcua bench outbox</pre>
 */
public final class OutboxBenchmark {
    private static final Caller CITIZEN = new Caller("bench", "citizen1", Set.of(Role.CITIZEN), "001090000001", null,
            "motcua-demo");
    private static final SubmitDossierRequest SUBMISSION = new SubmitDossierRequest("2.000018", "000.10.20.30.H29",
            new SubmitDossierRequest.ApplicantData("Nguyễn Văn An", "001090000001", "0912345678", "an@example.com",
                    "Số 5 phố Lê Lợi, Thường Tín, Hà Nội"), ResultDelivery.COUNTER, 1, null, null);

    private OutboxBenchmark() {
    }

    /** Ends the JVM either way: the in-JVM broker's threads would otherwise keep it, and the script, waiting. */
    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable failed) {
            failed.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run() throws Exception {
        int stored = Integer.getInteger("bench.dossiers", 100_000);
        int burstSize = Integer.getInteger("bench.burst", 2_000);
        var infrastructure = TestInfrastructure.get();
        String database = "motcua-outbox-bench-" + System.nanoTime();
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
            long seeding = System.nanoTime();
            WorkQueueBenchmark.seed(BenchMongo.template(client, database), stored,
                    LocalDate.of(2026, 11, 24).atStartOfDay(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant());
            System.out.printf("seeded %,d dossiers in %,d ms%n", stored, (System.nanoTime() - seeding) / 1_000_000);
        }
        long starting = System.nanoTime();
        // Arguments, which win over the service's application.yml (default properties would not).
        ConfigurableApplicationContext service = new SpringApplicationBuilder(DossierServiceApplication.class)
                .run("--server.port=0", "--spring.mongodb.uri=" + infrastructure.mongoUri(),
                        "--spring.mongodb.database=" + database,
                        "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                        "--motcua.security.issuer=http://127.0.0.1:1/realms/motcua-bench", "--logging.level.root=WARN",
                        // The seeded dossiers were never watched: the deadline watch's first run would
                        // flag hundreds at once, which is catching up, not rest. It runs after the figures.
                        "--motcua.dossier.deadlines.watch-initial-delay=PT1H",
                        System.getProperty("bench.service-args", "--motcua.bench=true"));
        System.out.printf("service started in %,d ms (JVM flags: %s)%n", (System.nanoTime() - starting) / 1_000_000,
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(flag -> flag.startsWith("-XX")).toList()));
        Arrivals arrivals = Arrivals.start(infrastructure.kafkaBootstrapServers());
        try {
            IntakeService intake = service.getBean(IntakeService.class);
            for (int i = 0; i < 1_000; i++) {
                intake.submitOnline(SUBMISSION, CITIZEN);   // warm-up, for the JIT
            }
            // Rest means rest: the JIT has finished compiling what the warm-up made hot.
            Thread.sleep(30_000);
            double busy = cpuShare(Duration.ofSeconds(30));
            System.out.printf("at rest with %,d dossiers: %.1f %% of one core for the whole JVM (broker, database, service)%n",
                    stored, busy * 100);

            List<Long> atRest = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                atRest.add(arrivals.latencyOf(intake.submitOnline(SUBMISSION, CITIZEN).code(), System.nanoTime()));
                Thread.sleep(20);
            }
            print("submission to DossierSubmitted, at rest (300, one every 20 ms)", atRest);

            List<Long> burst = Collections.synchronizedList(new ArrayList<>());
            Map<String, Long> committed = new ConcurrentHashMap<>();
            ExecutorService submitters = Executors.newFixedThreadPool(16);
            long burstStart = System.nanoTime();
            for (int i = 0; i < burstSize; i++) {
                submitters.execute(() -> committed.put(intake.submitOnline(SUBMISSION, CITIZEN).code(), System.nanoTime()));
            }
            submitters.shutdown();
            submitters.awaitTermination(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - burstStart) / 1e9;
            committed.forEach((code, at) -> burst.add(arrivals.latencyOf(code, at)));
            System.out.printf("burst: %,d submissions registered in %.1f s (%.0f/s)%n", burstSize, seconds,
                    burstSize / seconds);
            print("submission to DossierSubmitted, during the burst", burst);
        } finally {
            arrivals.stop();
            service.close();
        }
    }

    private static double cpuShare(Duration window) throws InterruptedException {
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        Thread.sleep(window.toMillis());
        return (double) (os.getProcessCpuTime() - cpuBefore) / (System.nanoTime() - wallBefore);
    }

    private static void print(String label, List<Long> nanos) {
        List<Long> sorted = nanos.stream().filter(n -> n >= 0).sorted().toList();
        long missing = nanos.size() - sorted.size();
        System.out.printf("%-62s p50 %6.1f ms  p99 %7.1f ms  max %7.1f ms%s%n", label, Latencies.percentileMillis(sorted, 50),
                Latencies.percentileMillis(sorted, 99), Latencies.maxMillis(sorted),
                missing == 0 ? "" : "  (" + missing + " not seen within 30 s)");
    }


    /** When each dossier's DossierSubmitted reached a consumer reading the topic from its end. */
    private static final class Arrivals {
        private final Map<String, Long> seen = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread reader;

        static Arrivals start(String bootstrap) throws InterruptedException {
            Arrivals arrivals = new Arrivals();
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "outbox-bench-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
            consumer.subscribe(List.of(Topics.DOSSIER));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            arrivals.reader = Thread.ofPlatform().start(() -> {
                try (consumer) {
                    while (arrivals.running.get()) {
                        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                            arrivals.seen.putIfAbsent(record.key(), System.nanoTime());
                        }
                    }
                }
            });
            return arrivals;
        }

        /** Nanoseconds from {@code committedAt} to the arrival, waiting for it up to 30 s; -1 if it never came. */
        long latencyOf(String code, long committedAt) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!seen.containsKey(code) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            Long arrived = seen.get(code);
            return arrived == null ? -1 : Math.max(0, arrived - committedAt);
        }

        void stop() throws InterruptedException {
            running.set(false);
            reader.join();
        }
    }
}
