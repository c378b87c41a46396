package vn.motcua.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * The whole stack measured as a newcomer runs it (issue "Platform v2, part 2"), printing figures:
 * start time and memory per process, fresh and restarted with data; CPU per process at rest,
 * fresh and with {@code bench.dossiers} dossiers stored (default 100,000); and a catalog read
 * sent directly to the dossier service and through the gateway, same token, same run, with the
 * ratio of the two rates. It runs a stack of its own on free ports with its data in
 * {@code .motcua/bench}, so a developer's stack and data are not touched.
 */
public final class StackBenchmark {
    private static final String CATALOG = "/api/v1/procedures";
    private static final int ROUNDS = 5;

    private StackBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("motcua.project.dir", ".")).toAbsolutePath().normalize();
        int dossiers = Integer.getInteger("bench.dossiers", 100_000);
        Duration rest = Duration.ofSeconds(Integer.getInteger("bench.rest-seconds", 60));
        Duration load = Duration.ofSeconds(Integer.getInteger("bench.load-seconds", 20));
        int connections = Integer.getInteger("bench.connections", 32);
        Path data = project.resolve(".motcua").resolve("bench");
        WorkFiles.deleteRecursively(data);
        // The demo client's own limit is raised for this run only: the figure is the gateway's
        // cost, not its rate limit (which stays on, and is counted if it answers 429).
        StackConfig config = StackConfig.forBenchmark(project, data).withArguments("gateway", List.of(
                "--motcua.gateway.rate-limits.clients.motcua-demo.capacity=1000000",
                "--motcua.gateway.rate-limits.clients.motcua-demo.per-second=1000000"));
        System.out.printf("Stack benchmark: %,d dossiers, %d s at rest, %d s of load per round on %d connections, %d cores;"
                + " services' JVM: %s%n", dossiers, rest.toSeconds(), load.toSeconds(), connections,
                Runtime.getRuntime().availableProcessors(), Services.jvmFlags());
        try (LocalStack stack = LocalStack.start(config)) {
            started("fresh start", stack);
            atRest("at rest, fresh", stack, rest);
            gatewayRatio(stack, connections, load);
            seed(stack, dossiers);
            atRest("at rest, %,d dossiers stored".formatted(dossiers), stack, rest);
        }
        try (LocalStack stack = LocalStack.start(config)) {
            started("restart with %,d dossiers stored".formatted(dossiers), stack);
            atRest("at rest after the restart", stack, rest);
        }
    }

    private static void started(String what, LocalStack stack) {
        System.out.printf("%n== %s: ready in %.1f s, %,d MiB in all%n", what, stack.startedIn().toMillis() / 1000.0,
                stack.memoryMiB());
        stack.memoryByProcessMiB().forEach((name, mib) -> System.out.printf("   %-22s %,6d MiB%n", name, mib));
    }

    private static void atRest(String what, LocalStack stack, Duration window) throws InterruptedException {
        Thread.sleep(Duration.ofSeconds(10)); // let start-up work and the first safety-net round settle
        Map<String, Duration> before = stack.cpuTimes();
        Thread.sleep(window);
        Map<String, Duration> after = stack.cpuTimes();
        System.out.printf("%n== CPU %s, %% of one core over %d s%n", what, window.toSeconds());
        double total = 0;
        for (var entry : after.entrySet()) {
            double share = 100.0 * (entry.getValue().toNanos() - before.get(entry.getKey()).toNanos()) / window.toNanos();
            total += share;
            System.out.printf("   %-22s %6.1f %%%n", entry.getKey(), share);
        }
        System.out.printf("   %-22s %6.1f %%   (launcher = MongoDB wire server and SMTP)%n", "all", total);
    }

    private static void gatewayRatio(LocalStack stack, int connections, Duration duration) throws Exception {
        String token = new GatewayClient(stack.config()).userToken("citizen1");
        String direct = "http://127.0.0.1:" + stack.config().ports().service("dossier") + CATALOG;
        String gateway = stack.config().gatewayUrl() + CATALOG;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // Warm-up: both paths' code compiled and connections open before anything is counted.
        for (int i = 0; i < 2; i++) {
            load(http, direct, token, connections, Duration.ofSeconds(10));
            load(http, gateway, token, connections, Duration.ofSeconds(10));
        }
        System.out.printf("%n== Catalog read (GET %s), %d connections, closed loop%n", CATALOG, connections);
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            Load viaDirect = load(http, direct, token, connections, duration);
            Load viaGateway = load(http, gateway, token, connections, duration);
            System.out.printf("   round %d direct  %s%n", round, viaDirect);
            System.out.printf("   round %d gateway %s%n", round, viaGateway);
            ratios.add(viaGateway.perSecond() / viaDirect.perSecond());
        }
        // One round is at the mercy of whatever else the two cores did in its 20 s; the median of the
        // rounds is the figure to compare with the target.
        List<Double> sorted = ratios.stream().sorted().toList();
        System.out.printf("   gateway/direct ratio: %s, median %.2f (target >= 0.55)%n",
                ratios.stream().map("%.2f"::formatted).toList(), sorted.get(sorted.size() / 2));
    }

    record Load(long ok, long refused, long failed, double perSecond, double p50Millis, double p99Millis) {
        @Override
        public String toString() {
            return "%,8.0f req/s  p50 %6.1f ms  p99 %6.1f ms  (200: %,d, 429: %,d, other: %,d)"
                    .formatted(perSecond, p50Millis, p99Millis, ok, refused, failed);
        }
    }

    private static Load load(HttpClient http, String url, String token, int connections, Duration duration)
            throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build();
        AtomicLong ok = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            clients.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == 200 ? ok : status == 429 ? refused : failed).incrementAndGet();
                        latencies.add(System.nanoTime() - start);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double perSecond = ok.get() / (duration.toNanos() / 1e9);
        return new Load(ok.get(), refused.get(), failed.get(), perSecond, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    /**
     * One real submission through the gateway, then its stored document copied under new codes:
     * the services' periodic work sees as many dossiers as a province keeps, without waiting for
     * them to be submitted one by one.
     */
    private static void seed(LocalStack stack, int count) {
        GatewayClient client = new GatewayClient(stack.config());
        String token = client.userToken("citizen1");
        // The walk-through's procedure and agency: a district's licence for retail sale of alcohol.
        String procedure = client.get(CATALOG + "?name=r%C6%B0%E1%BB%A3u", token).json().get(0).get("code").asString();
        GatewayClient.Response submitted = client.post("/api/v1/dossiers", token, """
                {"procedureCode": "%s", "agencyCode": "%s", "resultDelivery": "COUNTER",
                 "applicant": {"fullName": "Nguyễn Văn An", "idNumber": "001090000001", "phone": "0912345678",
                               "email": "citizen1@example.com", "address": "Số 5 phố Lê Lợi, Hà Nội"}}
                """.formatted(procedure, Demo.AGENCY), UUID.randomUUID().toString());
        if (submitted.status() != 201) {
            throw new IllegalStateException("The seed submission failed: " + submitted.status() + " " + submitted.body());
        }
        String code = submitted.json().get("code").asString();
        long begin = System.nanoTime();
        try (MongoClient mongo = MongoClients.create(stack.config().mongoUri())) {
            MongoCollection<Document> dossiers = mongo.getDatabase("motcua-dossier").getCollection("dossiers");
            Document template = dossiers.find(Filters.eq("_id", code)).first();
            if (template == null) {
                throw new IllegalStateException("The submitted dossier " + code + " is not stored");
            }
            List.of("pendingEvents", "outboxSince", "appliedEventIds").forEach(template::remove);
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Document copy = new Document(template);
                copy.put("_id", code + "-" + i);
                batch.add(copy);
                if (batch.size() == 5_000 || i == count - 1) {
                    dossiers.insertMany(batch);
                    batch.clear();
                }
            }
        }
        System.out.printf("%n== seeded %,d copies of dossier %s in %.1f s%n", count, code, (System.nanoTime() - begin) / 1e9);
    }
}
