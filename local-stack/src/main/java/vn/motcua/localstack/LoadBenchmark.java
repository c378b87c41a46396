package vn.motcua.localstack;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A province's load on the whole stack, run by Gatling simulations in a JVM of their own (issue
 * "Load"), printing the tables of docs/performance.md and keeping Gatling's HTML reports in
 * {@code .motcua/load/reports}: the wire server's write ceiling and a submission's write budget;
 * intake through the gateway, directly to the service and through nginx; catalog reads on the same
 * three paths; submission to the citizen's first provider-accepted message; a client over its rate
 * limit; a province's peak hour. Every scenario waits for every consumer group to be back to zero lag
 * and for the services to hold no work in memory ({@link HeldWork}).
 */
public final class LoadBenchmark {
    private static final String PORTAL = "portal-hanoi";
    /** The client whose limit the rate-limit scenario meets: Hà Nội's Zalo chat bot. */
    private static final String LIMITED = "zalo-oa-hanoi";
    private static final int CONTENDERS = 500;
    private static final int LIMITED_CAPACITY = 20;
    private static final int LIMITED_PER_SECOND = 20;
    private static final Duration LAG_WITHIN = Duration.ofSeconds(10);
    private static final int CATALOG_ROUNDS = 3;
    private static final int MAX_COMPILING_ROUNDS = 8;
    private static final double COMPILED_ENOUGH = 0.10;
    private static final Duration DRAIN_WITHIN = Duration.ofMinutes(10);
    /** The booking request's name in the simulations' reports (load-tests' Journeys.booking). */
    private static final String BOOKING = "portal books a visit";

    private final LocalStack stack;
    private final Path reports;
    private final List<String> rows = new ArrayList<>();
    private final PrintStream out = System.out;

    private LoadBenchmark(LocalStack stack, Path reports) {
        this.stack = stack;
        this.reports = reports;
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("motcua.project.dir", ".")).toAbsolutePath().normalize();
        Path data = project.resolve(".motcua").resolve("load");
        WorkFiles.deleteRecursively(data.resolve("data"));
        // The harness's clients get limits of their own for the run, in configuration (rate limits stay on).
        StackConfig config = StackConfig.forBenchmark(project, data.resolve("data")).withArguments("gateway", List.of(
                "--motcua.gateway.rate-limits.clients.motcua-demo.capacity=100000",
                "--motcua.gateway.rate-limits.clients.motcua-demo.per-second=100000",
                "--motcua.gateway.rate-limits.public-reads.capacity=100000",
                "--motcua.gateway.rate-limits.public-reads.per-second=100000",
                "--motcua.gateway.rate-limits.clients." + PORTAL + ".capacity=100000",
                "--motcua.gateway.rate-limits.clients." + PORTAL + ".per-second=100000",
                "--motcua.gateway.rate-limits.clients." + LIMITED + ".capacity=" + LIMITED_CAPACITY,
                "--motcua.gateway.rate-limits.clients." + LIMITED + ".per-second=" + LIMITED_PER_SECOND))
                // The simulators have no commercial quota: the providers' rates are raised for the run.
                .withArguments("notification-service", List.of(
                        "--motcua.notification.channels.zalo.rate-per-second=2000",
                        "--motcua.notification.channels.sms.rate-per-second=2000",
                        "--motcua.notification.channels.email.rate-per-second=2000"))
                // First-message latency measures the platform, not Hà Nội's clock: an evening run would wait for morning.
                .withoutQuietHours();
        String mongo = System.getProperty("bench.mongo-uri", "");
        if (!mongo.isBlank()) {
            config = config.withExternalMongo(mongo);
        }
        // Throughput is measured with production's JIT (tiered), not the local stack's quick-start C1 (ADR 0010).
        if (System.getProperty("motcua.stack.jit") == null) {
            System.setProperty("motcua.stack.jit", "tiered");
        }
        System.out.printf("Load benchmark on %d cores; services' JVM: %s%n", Runtime.getRuntime().availableProcessors(),
                Services.jvmFlags());
        int nginxPort = StackPorts.freePort();
        try (LocalStack stack = LocalStack.start(config);
                ChildProcess nginx = Nginx.start(config, nginxPort, config.ports().service("dossier"))) {
            // Stopped half-way (Ctrl-C): no child process may outlive the benchmark.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                nginx.close();
                stack.close();
            }, "motcua-load-stop"));
            System.out.printf("Stack ready in %.1f s; nginx on %d in front of the dossier service%n",
                    stack.startedIn().toMillis() / 1000.0, nginxPort);
            new LoadBenchmark(stack, data.resolve("reports")).runAll("http://127.0.0.1:" + nginxPort);
        }
        System.exit(0);
    }

    private void runAll(String nginx) throws Exception {
        StackConfig config = stack.config();
        String gateway = config.gatewayUrl();
        String direct = "http://127.0.0.1:" + config.ports().service("dossier");
        int rate = Integer.getInteger("bench.rate", 25);
        int seconds = Integer.getInteger("bench.seconds", 30);

        out.println("\n== Warm-up (start-up work settled, then the JIT of every path; not counted)");
        out.println("   " + lagAfter(Duration.ofMinutes(2)));
        out.println("   the machine at rest: " + MachineSpeed.probe().describe());
        Thread.sleep(15_000);
        intake("warm-up", gateway, rate, 20, 30);
        intake("warm-up", direct, rate, 10, 10);
        intake("warm-up", nginx, rate, 10, 10);
        catalog("warm-up", gateway, 10);
        catalog("warm-up", direct, 10);
        catalog("warm-up", nginx, 10);
        warmUntilCompiled(gateway, rate);
        rows.clear();
        if (wanted("intake")) {
            storageAndIntake(gateway, direct, nginx, rate, seconds);
        }
        if (wanted("catalog")) {
            catalogRatios(direct, gateway, nginx);
            catalogLatency(direct, gateway, nginx);
        }
        if (wanted("bookings")) {
            bookings(gateway);
        }
        if (wanted("limit")) {
            out.printf("%n== Rate limit: client %s limited to a burst of %d then %d/s, sending 60/s for 20 s%n", LIMITED,
                    LIMITED_CAPACITY, LIMITED_PER_SECOND);
            rateLimit(gateway);
        }
        if (wanted("day")) {
            provinceDay(gateway);
        }
        if (wanted("first")) {
            notified(gateway, rate, seconds);
            notified(gateway, Integer.getInteger("bench.notify-rate", 200), seconds);
        }
        out.println("\nReports: " + reports);
        Files.writeString(reports.resolve("summary.txt"), String.join("\n", rows) + "\n");
    }

    /** The storage's ceiling, then intake on the three paths, with a submission's write budget and CPU cost. */
    private void storageAndIntake(String gateway, String direct, String nginx, int rate, int seconds) throws Exception {
        StackConfig config = stack.config();
        WriteBudget.ceiling(config, 16, Duration.ofSeconds(5)); // the wire server's insert path compiled first
        double ceiling = WriteBudget.ceiling(config, 16, Duration.ofSeconds(15));
        out.printf("%n== %s: %,.0f single-document inserts/s from 16 clients (its ceiling, the stack idle)%n",
                config.storage() == StackConfig.Storage.EXTERNAL ? "MongoDB server " + config.mongoUri() : "MongoDB wire server",
                ceiling);

        Map<String, Long> idleBefore = stack.mongoWrites();
        Thread.sleep(10_000);
        double idleWritesPerSecond = WriteBudget.total(WriteBudget.between(idleBefore, stack.mongoWrites())) / 10.0;

        out.printf("%n== (a, b) Intake, %d submissions/s for %d s, open model%n", rate, seconds);
        Map<String, Long> before = stack.mongoWrites();
        Map<String, CountingBackend.Usage> storageBefore = stack.mongoUsage();
        Cpu cpuBefore = Cpu.of(stack);
        Instant start = Instant.now();
        GatlingRun.Figures viaGateway = intake("gateway", gateway, rate, seconds);
        Map<String, Long> written = WriteBudget.between(before, stack.mongoWrites());
        cpuBudget(cpuBefore, Cpu.of(stack), viaGateway.ok());
        storageProfile(storageBefore, stack.mongoUsage(), viaGateway.ok());
        double elapsed = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        GatlingRun.Figures viaDirect = intake("direct", direct, rate, seconds);
        GatlingRun.Figures viaNginx = intake("nginx", nginx, rate, seconds);
        writeBudget(written, viaGateway.ok(), idleWritesPerSecond * elapsed, ceiling);
        out.printf("   p50 added: gateway %+d ms, nginx %+d ms over direct%n", viaGateway.p50() - viaDirect.p50(),
                viaNginx.p50() - viaDirect.p50());
    }

    /** Catalog reads as fast as the clients go, on the three paths in turn: the throughput ratios. */
    private void catalogRatios(String direct, String gateway, String nginx) throws Exception {
        int connections = Integer.getInteger("bench.connections", 32);
        out.printf("%n== (b) Catalog read, %d clients one request after another (closed model), %d s each%n", connections, 20);
        // Three rounds in turn, compared by their medians: one 20 s round is at the mercy of whatever else
        // the two cores did meanwhile (ratios from 0.40 to 0.69 over single rounds before).
        List<Double> gatewayRatios = new ArrayList<>();
        List<Double> nginxRatios = new ArrayList<>();
        List<Long> gatewayAdded = new ArrayList<>();
        List<Long> nginxAdded = new ArrayList<>();
        for (int round = 1; round <= CATALOG_ROUNDS; round++) {
            GatlingRun.Figures readDirect = catalog("direct", direct, 20);
            GatlingRun.Figures readGateway = catalog("gateway", gateway, 20);
            GatlingRun.Figures readNginx = catalog("nginx", nginx, 20);
            gatewayRatios.add(rateOf(readGateway, 20) / rateOf(readDirect, 20));
            nginxRatios.add(rateOf(readNginx, 20) / rateOf(readDirect, 20));
            gatewayAdded.add(readGateway.p50() - readDirect.p50());
            nginxAdded.add(readNginx.p50() - readDirect.p50());
        }
        out.printf("   gateway/direct %s median %.2f (target >= 0.55), nginx/direct %s median %.2f;"
                + " p50 added (median): gateway %+d ms, nginx %+d ms%n", twoDigits(gatewayRatios), median(gatewayRatios),
                twoDigits(nginxRatios), median(nginxRatios), median(gatewayAdded), median(nginxAdded));
    }

    /** (d) Uncontended bookings, then contention on one slot, through the gateway. */
    private void bookings(String gateway) throws Exception {
        out.printf("%n== (d) Bookings: %d requests at once, each on a place of its own, then %d at once on one slot%n",
                CONTENDERS, CONTENDERS);
        new Bookings(stack.config(), CONTENDERS).run((slots, label) -> {
            Map<String, String> properties = properties(gateway, 0, 0, citizen(), officer());
            properties.put("load.slots", String.join(",", slots));
            properties.put("load.bookings", Integer.toString(CONTENDERS));
            GatlingRun.Figures figures = GatlingRun.run(stack.config(), "BookingSimulation", properties, Duration.ofSeconds(30),
                    reports).request(BOOKING);
            out.println("   " + line("bookings " + label, figures, lagAfter()));
            return figures;
        });
    }

    /** {@code bench.scenarios} picks some of the tables (intake, catalog, bookings, limit, day, first); all by default. */
    private static boolean wanted(String scenario) {
        String chosen = System.getProperty("bench.scenarios", "");
        return chosen.isBlank() || List.of(chosen.split(",")).contains(scenario);
    }

    private GatlingRun.Figures intake(String label, String url, int rate, int seconds) throws Exception {
        return intake(label, url, rate, seconds, 0);
    }

    /**
     * (e) The peak hour's mix, every kind of caller at once: the operator's reports and the payment
     * provider's callbacks come from the simulators' processes, moved by what the day's users do.
     */
    private void provinceDay(String gateway) throws Exception {
        int dayRate = Integer.getInteger("bench.day-rate", 25);
        int seconds = 60;
        out.printf("%n== (e) A province's peak hour, %d arrivals/s for %d s: the portal: 15 %% submit and"
                + " read back, 5 %% submit and upload two papers, 5 %% book a counter visit; citizen1: 12 %% inbox, 8 %% own dossiers,"
                + " 4 %% submit and pay the fee at the provider (its callback completes it), 3 %% a pick-up by post followed until"
                + " the operator's reports deliver it; officer1: 8 %% work queue, 5 %% receive a dossier just submitted, 4 %% number a"
                + " walk-in at the desk, call the next to a counter and serve them; 31 %% public catalog%n", dayRate,
                seconds);
        int bookings = (int) Math.ceil(dayRate * seconds * 0.05 * 1.5);
        List<String> places = new Bookings(stack.config(), bookings).freePlaces();
        Map<String, String> properties = properties(gateway, dayRate, seconds, citizen(), officer());
        properties.put("load.slots", String.join(",", places));
        Instant dayFrom = Instant.now();
        MachineCpu machineBefore = MachineCpu.now();
        Cpu cpuBefore = Cpu.of(stack);
        GatlingRun.Result day = GatlingRun.run(stack.config(), "ProvinceDaySimulation", properties, Duration.ofSeconds(seconds),
                reports);
        String dayLag = lagAfter();
        // Read once the consumers caught up: the hour's work is what its requests caused, drained or not by its end.
        Cpu cpuAfter = Cpu.of(stack);
        MachineCpu machineAfter = MachineCpu.now();
        Thread.sleep(5_000); // messages still being handed to providers once the consumers have caught up
        FirstNotifications.Told bookingsTold = FirstNotifications.told(stack.config(), "appointment-booked", dayFrom, Instant.now());
        day.requests().forEach(figures -> out.println("   " + line(figures.request(), figures, dayLag)));
        out.printf("   fees paid at the provider and completed by its callback: %d of %d; pick-ups delivered by the operator's"
                + " reports: %d of %d; bookings confirmed: %d of %d (free places offered: %d)%n",
                day.tried("payment completed").ok(), day.tried("checkout").total(), day.tried("shipment delivered").ok(),
                day.tried("citizen asks for a pick-up").total(), day.tried(BOOKING).ok(),
                day.tried(BOOKING).total(), places.size());
        GatlingRun.Figures calls = day.tried("counter calls the next");
        out.printf("   walk-ins numbered: %d of %d; calls to the counter: %d answered, %d of them with a number (the rest 409:"
                + " nobody waiting for it, or the room at its cap); served: %d of those%n", day.tried("officer numbers a walk-in").ok(),
                day.tried("officer numbers a walk-in").total(), calls.ok(), day.tried("counter serves the called").total(),
                day.tried("counter serves the called").ok());
        // The portal's citizens have no dossier to give an address: the booking's phone is where they hear of it (ADR 0036).
        out.printf("   bookings told at the phone they were made for: %d of %d messages accepted by Zalo or SMS (the rest wait"
                + " for quiet hours to end or for a retry)%n", bookingsTold.acceptedByProvider(), bookingsTold.messages());
        coresUsed(machineAfter.busySince(machineBefore), cpuBefore, cpuAfter, day.all().ok(),
                "answered request (the consumers' catching up after the hour included)");
    }

    /** (c) Submissions through the gateway, then, once every consumer has caught up, each one's first message out. */
    private void notified(String gateway, int rate, int seconds) throws Exception {
        out.printf("%n== (c) Submission to the citizen's first provider-accepted message, %d submissions/s for %d s%n",
                rate, seconds);
        // The machine's own speed varies between runs as much as a change moves the figures: measured first, the stack idle.
        out.println("   the machine before it: " + MachineSpeed.probe().describe());
        Instant from = Instant.now();
        OperatorMetrics metrics = new OperatorMetrics(stack.config());
        int notification = stack.config().ports().service("notification");
        ListenerTimes.Snapshot consumersBefore = ListenerTimes.of(metrics, notification);
        ReceiptCopies receiptsBefore = ReceiptCopies.of(metrics, notification);
        Map<String, CountingBackend.Usage> storageBefore = stack.mongoUsage();
        LauncherGc launcherBefore = LauncherGc.now();
        MachineCpu machineBefore = MachineCpu.now();
        Cpu cpuBefore = Cpu.of(stack);
        intake("notified at " + rate + "/s", gateway, rate, seconds);
        Cpu cpuAfter = Cpu.of(stack);
        MachineCpu machineAfter = MachineCpu.now();
        LauncherGc launcherAfter = LauncherGc.now();
        ListenerTimes.Snapshot consumersAfter = ListenerTimes.of(metrics, notification);
        Map<String, CountingBackend.Usage> storageAfter = stack.mongoUsage();
        Thread.sleep(5_000); // messages still being handed to providers once the consumers have caught up
        FirstNotifications.Latencies first = FirstNotifications.since(stack.config(), from, Instant.now());
        out.printf("   %,d dossiers, %,d reached by Zalo/SMS/email: p50 %,d ms, p99 %,d ms, max %,d ms (target p99 < 250 ms)%n",
                first.dossiers(), first.reached(), first.percentile(0.50), first.percentile(0.99), first.percentile(1.0));
        // Where the time went: before the notification service stored the message, or in sending it.
        out.printf("   of it, until the notification was stored: p50 %,d ms, p99 %,d ms, max %,d ms%n", first.storedPercentile(0.50),
                first.storedPercentile(0.99), first.storedPercentile(1.0));
        out.printf("   of that, until DossierSubmitted was on Kafka: p50 %,d ms, p99 %,d ms, max %,d ms%n",
                first.onKafkaPercentile(0.50), first.onKafkaPercentile(0.99), first.onKafkaPercentile(1.0));
        // Whether the wait after Kafka is the consumers' own queue (a thread near 100 %) or the shared cores and storage.
        out.printf("   the notification service's consumer threads over the round and its drain: %s%n",
                String.join("; ", ListenerTimes.between(consumersBefore, consumersAfter)));
        out.printf("   the providers' receipts by the end of it: %s%n",
                ReceiptCopies.of(metrics, notification).since(receiptsBefore, first.dossiers()));
        busiestCollections(storageBefore, storageAfter, Duration.between(consumersBefore.at(), consumersAfter.at()));
        out.printf("   the launcher's collector meanwhile (the wire server lives in it): %s%n", launcherAfter.since(launcherBefore));
        coresUsed(machineAfter.busySince(machineBefore), cpuBefore, cpuAfter, first.dossiers(),
                "submission (work still queued at its end not counted)");
        if (first.dossiers() > 0 && !storageAfter.isEmpty()) {
            storageProfile(storageBefore, storageAfter, first.dossiers());
        }
        rows.add("first message at %d/s | %d of %d | p50 %d ms | p99 %d ms".formatted(rate, first.reached(), first.dossiers(),
                first.percentile(0.50), first.percentile(0.99)));
    }

    private GatlingRun.Figures intake(String label, String url, int rate, int seconds, int rampSeconds) throws Exception {
        Map<String, String> properties = properties(url, rate, seconds, citizen(), officer());
        properties.put("load.ramp-seconds", Integer.toString(rampSeconds));
        GatlingRun.Result result = GatlingRun.run(stack.config(), "IntakeSimulation", properties,
                Duration.ofSeconds(seconds + rampSeconds), reports);
        String lag = lagAfter();
        GatlingRun.Figures figures = result.request("submit");
        out.println("   " + line("intake " + label, figures, lag));
        return figures;
    }

    /**
     * The latency each proxy adds to a catalog read at a light open-model rate, where no request
     * waits for a core: the proxy's own work, which the saturated rounds cannot separate from queueing.
     */
    private void catalogLatency(String direct, String gateway, String nginx) throws Exception {
        int rate = Integer.getInteger("bench.light-rate", 50);
        int seconds = 20;
        out.printf("%n== (b) Catalog read at %d/s (open model, the cores far from full), %d s per path%n", rate, seconds);
        GatlingRun.Figures viaDirect = catalog("direct at " + rate + "/s", direct, seconds, rate);
        GatlingRun.Figures viaGateway = catalog("gateway at " + rate + "/s", gateway, seconds, rate);
        GatlingRun.Figures viaNginx = catalog("nginx at " + rate + "/s", nginx, seconds, rate);
        out.printf("   p50 added at %d/s: gateway %+d ms, nginx %+d ms (target: gateway <= +2 ms)%n", rate,
                viaGateway.p50() - viaDirect.p50(), viaNginx.p50() - viaDirect.p50());
    }

    private GatlingRun.Figures catalog(String label, String url, int seconds) throws Exception {
        return catalog(label, url, seconds, 0);
    }

    /** Closed model ({@code rate} 0: as fast as the clients go) or open ({@code rate} reads a second). */
    private GatlingRun.Figures catalog(String label, String url, int seconds, int rate) throws Exception {
        Map<String, String> properties = properties(url, rate, seconds, citizen(), officer());
        properties.put("load.connections", Integer.getInteger("bench.connections", 32).toString());
        GatlingRun.Result result = GatlingRun.run(stack.config(), "CatalogReadSimulation", properties,
                Duration.ofSeconds(seconds), reports);
        GatlingRun.Figures figures = result.request("catalog read");
        out.println("   " + line("catalog " + label, figures, "-") + String.format("  %,.0f ok/s", rateOf(figures, seconds)));
        return figures;
    }

    private void rateLimit(String gateway) throws Exception {
        String limited = new GatewayClient(stack.config()).clientToken(LIMITED, LIMITED + "-local-secret");
        int seconds = 20;
        Map<String, String> properties = properties(gateway, 60, seconds, citizen(), officer());
        properties.put("load.limited-token", limited);
        GatlingRun.Result result = GatlingRun.run(stack.config(), "RateLimitSimulation", properties, Duration.ofSeconds(seconds), reports);
        GatlingRun.Figures figures = result.request("limited client's read");
        double expected = (LIMITED_CAPACITY + LIMITED_PER_SECOND * (double) seconds) / seconds;
        out.printf("   answered 200: %,d (%.1f/s over %d s; the limit allows %.1f/s), refused 429: %,d%n", figures.ok(),
                figures.ok() / (double) seconds, seconds, expected, figures.ko());
        GatewayClient client = new GatewayClient(stack.config());
        GatewayClient.Response refused = client.get("/api/v1/procedures", limited);
        for (int i = 0; i < 100 && refused.status() != 429; i++) {
            refused = client.get("/api/v1/procedures", limited);
        }
        out.printf("   a request right after: %d, Retry-After %s, RateLimit %s%n", refused.status(),
                refused.raw().headers().firstValue("Retry-After").orElse("none"),
                refused.raw().headers().firstValue("RateLimit").orElse(refused.raw().headers().firstValue("RateLimit-Remaining")
                        .map(r -> "remaining " + r).orElse("none")));
        rows.add("rate limit | %d ok (%.1f/s, limit %.1f/s) | %d refused".formatted(figures.ok(), figures.ok() / (double) seconds,
                expected, figures.ko()));
    }

    /**
     * More intake rounds until the JIT compilers spend under a tenth of the stack's CPU: after the
     * first warm-up they still took 28 % of it (30 of 108 ms per submission), a cost of the JVMs'
     * start that a service running for days no longer pays, and not what the figures are about.
     */
    private void warmUntilCompiled(String gateway, int rate) throws Exception {
        for (int round = 1; round <= MAX_COMPILING_ROUNDS; round++) {
            Cpu before = Cpu.of(stack);
            intake("warm-up", gateway, rate, 20);
            double share = Cpu.of(stack).compilerShare(before);
            out.printf("   JIT compilers: %.0f %% of the stack's CPU in that round%n", share * 100);
            if (share < COMPILED_ENOUGH) {
                return;
            }
        }
    }

    /** CPU the processes spent so far, and of it what their JIT compilers spent, read at {@code at}. */
    private record Cpu(Map<String, Duration> all, Map<String, Duration> compilers, Instant at) {
        static Cpu of(LocalStack stack) {
            return new Cpu(stack.cpuTimes(), stack.compilerCpuTimes(), Instant.now());
        }

        double millisPer(String process, long submissions, Cpu before) {
            return spentSince(all, before.all, process) / 1e6 / submissions;
        }

        double compilerMillisPer(String process, long submissions, Cpu before) {
            return spentSince(compilers, before.compilers, process) / 1e6 / submissions;
        }

        /** Cores each process kept busy on average between {@code before} and this reading. */
        Map<String, Double> coresSince(Cpu before) {
            double nanos = Duration.between(before.at, at).toNanos();
            Map<String, Double> cores = new LinkedHashMap<>();
            all.keySet().forEach(process -> cores.put(process, spentSince(all, before.all, process) / nanos));
            return cores;
        }

        private static long spentSince(Map<String, Duration> now, Map<String, Duration> then, String process) {
            return now.get(process).toNanos() - then.getOrDefault(process, Duration.ZERO).toNanos();
        }

        /** Of the CPU every process spent since {@code before}, the part their JIT compilers spent. */
        double compilerShare(Cpu before) {
            return spentSince(compilers, before.compilers) / (double) spentSince(all, before.all);
        }

        private static long spentSince(Map<String, Duration> now, Map<String, Duration> then) {
            return now.keySet().stream().mapToLong(process -> spentSince(now, then, process)).sum();
        }
    }

    /**
     * CPU each process spent per submission, the load generator's own JVM aside (it is not a child of
     * the stack), and of it the JIT compilers' share: still compiling after the warm-up is a cost of the
     * run's length, not of a submission.
     */
    private void cpuBudget(Cpu before, Cpu after, long submissions) {
        out.printf("   CPU per submission through the gateway (ms, every process, consumers included; of it, JIT compilers):%n");
        double total = 0;
        double compilers = 0;
        for (String process : after.all().keySet()) {
            double millis = after.millisPer(process, submissions, before);
            double compiling = after.compilerMillisPer(process, submissions, before);
            total += millis;
            compilers += compiling;
            out.printf("      %-28s %6.1f  %5.1f%n", process, millis, compiling);
        }
        out.printf("      %-28s %6.1f  %5.1f   (2 cores give %,.0f submissions/s at this cost, %,.0f without the compilers)%n", "all",
                total, compilers, 2000 / total, 2000 / (total - compilers));
        rows.add("cpu per submission | %.1f ms (JIT compilers %.1f) | %,.0f/s on 2 cores".formatted(total, compilers, 2000 / total));
    }

    /** The command shapes the wire server spent most time on during the gateway intake, per submission. */
    private void storageProfile(Map<String, CountingBackend.Usage> before, Map<String, CountingBackend.Usage> after,
            long submissions) {
        out.printf("   wire server time per submission, by command shape (the twelve costliest):%n");
        after.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue().minus(
                        before.getOrDefault(entry.getKey(), CountingBackend.Usage.NONE))))
                .sorted((a, b) -> Long.compare(b.getValue().nanos(), a.getValue().nanos()))
                .limit(12)
                .forEach(entry -> out.printf("      %7.3f ms %6.2f calls  %s%n", entry.getValue().nanos() / 1e6 / submissions,
                        entry.getValue().calls() / (double) submissions, entry.getKey()));
    }

    /** The launcher's garbage collections so far: when it pauses, every service's storage call waits. */
    private record LauncherGc(long count, long millis) {
        static LauncherGc now() {
            long count = 0;
            long millis = 0;
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, collector.getCollectionCount());
                millis += Math.max(0, collector.getCollectionTime());
            }
            return new LauncherGc(count, millis);
        }

        String since(LauncherGc before) {
            return "%d collections, %,d ms".formatted(count - before.count, millis - before.millis);
        }
    }

    /**
     * Whether the round had cores to spare: near all of them busy, every thread of every process
     * (a consumer, a wire server holding a collection) waits for a core as well as for what it asked.
     * Then the busiest processes' CPU per unit of work, the figure to set beside another run's.
     */
    private void coresUsed(double machineBusy, Cpu before, Cpu after, long units, String unit) {
        Map<String, Double> cores = after.coresSince(before);
        List<String> busiest = cores.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(8).map(Map.Entry::getKey).toList();
        out.printf("   the machine's %d cores meanwhile: %s busy; cores used by the stack's busiest processes: %s"
                + " (the load generator's JVM is not among them)%n", Runtime.getRuntime().availableProcessors(),
                machineBusy < 0 ? "unknown share" : "%.0f %%".formatted(machineBusy * 100),
                busiest.stream().map(process -> "%s %.2f".formatted(process, cores.get(process))).collect(Collectors.joining(", ")));
        if (units > 0) {
            // Per unit of work, a fast and a slow run can be set side by side: which process's work grew.
            out.printf("   CPU per %s over it, ms: %s; all processes %.1f%n", unit, busiest.stream()
                    .map(process -> "%s %.1f".formatted(process, after.millisPer(process, units, before)))
                    .collect(Collectors.joining(", ")), cores.keySet().stream()
                    .mapToDouble(process -> after.millisPer(process, units, before)).sum());
        }
    }

    /** The collections the wire server spent most time on, as seconds a second: above 1, their commands queued. */
    private void busiestCollections(Map<String, CountingBackend.Usage> before, Map<String, CountingBackend.Usage> after,
            Duration elapsed) {
        if (after.isEmpty()) {
            return; // a MongoDB server: its time is its own
        }
        double seconds = elapsed.toMillis() / 1000.0;
        out.printf("   the wire server's busiest collections over it (seconds spent a second, waits included): %s%n",
                CountingBackend.byCollection(before, after).entrySet().stream()
                        .sorted((a, b) -> Long.compare(b.getValue().nanos(), a.getValue().nanos()))
                        .limit(4)
                        .map(entry -> "%s %.2f (%,d calls, %.1f ms each)".formatted(entry.getKey(),
                                entry.getValue().nanos() / 1e9 / seconds, entry.getValue().calls(),
                                entry.getValue().nanos() / 1e6 / Math.max(1, entry.getValue().calls())))
                        .collect(Collectors.joining("; ")));
    }

    private void writeBudget(Map<String, Long> written, long submissions, double background, double ceiling) {
        long total = WriteBudget.total(written);
        if (total == 0) {
            out.println("   write budget: not counted (the storage keeps no count of its writes)");
            return;
        }
        double perSubmission = (total - background) / submissions;
        out.printf("   write budget of a submission (all services, %,d submissions, %,.0f background writes taken off):"
                + " %.1f writes%n", submissions, background, perSubmission);
        written.forEach((key, count) -> out.printf("      %-40s %6.2f per submission%n", key, count / (double) submissions));
        double ceilingRate = ceiling / perSubmission;
        out.printf("   storage ceiling for intake: %,.0f inserts/s / %.1f writes = %,.0f submissions/s; target 0.7 x = %,.0f/s%n",
                ceiling, perSubmission, ceilingRate, 0.7 * ceilingRate);
        rows.add("write budget | %.1f writes per submission | ceiling %,.0f inserts/s | %,.0f submissions/s".formatted(
                perSubmission, ceiling, ceilingRate));
    }

    private Map<String, String> properties(String url, int rate, int seconds, String citizen, String officer) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("load.url", url);
        properties.put("load.rate", Integer.toString(rate));
        properties.put("load.seconds", Integer.toString(seconds));
        properties.put("load.citizen-token", citizen);
        properties.put("load.officer-token", officer);
        properties.put("load.portal-token", new GatewayClient(stack.config()).clientToken(PORTAL, PORTAL + "-local-secret"));
        properties.put("load.procedure", Demo.PROCEDURE);
        properties.put("load.agency", Demo.AGENCY);
        return properties;
    }

    /** Tokens are taken fresh for each simulation: they live five minutes. */
    private String citizen() {
        return new GatewayClient(stack.config()).userToken("citizen1");
    }

    private String officer() {
        return new GatewayClient(stack.config()).userToken("officer1");
    }

    private String lagAfter() throws InterruptedException {
        return lagAfter(LAG_WITHIN);
    }

    /**
     * Waits until every consumer group is back to zero lag and no service holds work in memory (sends
     * under way, events not yet handed to Kafka), both seen in the same look: a consumer commits once
     * it has handled a record, and lag cannot show what the handling left running.
     */
    private String lagAfter(Duration within) throws InterruptedException {
        try (ConsumerLag lag = new ConsumerLag(stack.config())) {
            HeldWork held = new HeldWork(stack.config());
            Settled settled = awaitSettled(lag, held, within);
            if (settled.at() != null) {
                return settled.describe();
            }
            Map<String, Long> behind = new TreeMap<>(lag.byGroup());
            behind.values().removeIf(records -> records == 0);
            Map<String, Long> holding = behind.isEmpty() ? held.byInstance() : Map.of();
            // The next scenario is measured on a stack that has caught up, not on this one's backlog.
            Settled drained = awaitSettled(lag, held, DRAIN_WITHIN);
            return "%s after %d s (settled %s)".formatted(behind.isEmpty() ? "HOLDING " + holding : "LAGGING " + behind,
                    within.toSeconds(), drained.at() == null ? "not within " + DRAIN_WITHIN.toMinutes() + " min"
                            : "after %.0f s more".formatted(drained.at().toMillis() / 1000.0));
        }
    }

    /** When the lag was first zero, and when lag and held work were zero together (null: not within the time). */
    private record Settled(Duration lagZero, Duration at) {
        String describe() {
            return at.equals(lagZero) ? "lag 0 after %.1f s".formatted(at.toMillis() / 1000.0)
                    : "lag 0 after %.1f s, nothing held after %.1f s".formatted(lagZero.toMillis() / 1000.0, at.toMillis() / 1000.0);
        }
    }

    private static Settled awaitSettled(ConsumerLag lag, HeldWork held, Duration within) throws InterruptedException {
        long begin = System.nanoTime();
        Duration lagZero = null;
        while (true) {
            Duration waited = Duration.ofNanos(System.nanoTime() - begin);
            boolean caughtUp = lag.total() == 0;
            if (caughtUp && lagZero == null) {
                lagZero = waited;
            }
            // Held work is read only once the consumers have caught up: each read is five scrapes.
            if (caughtUp && held.byInstance().isEmpty()) {
                return new Settled(lagZero, waited);
            }
            if (waited.compareTo(within) > 0) {
                return new Settled(lagZero, null);
            }
            Thread.sleep(caughtUp ? 500 : 200);
        }
    }

    private String line(String label, GatlingRun.Figures figures, String lag) {
        String row = "%-28s %,7d ok %,5d ko %,8.1f req/s  p50 %,5d  p95 %,5d  p99 %,5d  max %,6d ms  %s".formatted(label,
                figures.ok(), figures.ko(), figures.perSecond(), figures.p50(), figures.p95(), figures.p99(), figures.max(), lag);
        rows.add(row);
        return row;
    }

    private static <T extends Comparable<T>> T median(List<T> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static List<String> twoDigits(List<Double> ratios) {
        return ratios.stream().map("%.2f"::formatted).toList();
    }

    private static double rateOf(GatlingRun.Figures figures, int seconds) {
        return figures.ok() / (double) seconds;
    }
}
