package vn.motcua.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.motcua.events.Topics;

/**
 * Kills the platform's components one after another under a steady load of submissions, starts
 * each again, and then checks from the outside and in the databases that every acknowledged
 * submission had each of its effects exactly once (issue 16; docs/reliability.md). Run by
 * {@code ./motcua faults}; a short version runs in CI (system-tests' FaultsIT).
 */
public final class FaultHarness {
    /** Every component that can fail here, in the order they are killed within a cycle. */
    public static final List<String> EVERY_COMPONENT = List.of("dossier-service", "payment-service", "notification-service",
            "postal-service", "appointment-service", "gateway", "kafka", MongoWireServer.NAME);
    private static final Duration LAG_RECOVERY_LIMIT = Duration.ofMinutes(2);
    /** The services that consume events: each replays every topic from offset 0 in a fresh group at the end. */
    private static final List<String> CONSUMERS = List.of("dossier-service", "payment-service", "notification-service",
            "postal-service", "appointment-service");
    private static final String REPLAY_GROUP = "-replay";
    /** Real dossiers that get an obligation cut short on the topic, for ops to correct and re-drive under load. */
    private static final int CORRECTED_OBLIGATIONS = 3;
    /** More than the bookings of the longest run (a third of the submissions' rate): the ticker stops when they run out. */
    private static final int FREE_PLACES = 2_000;

    /**
     * @param perSecond submissions a second, steadily, through the gateway
     * @param settle how long the load runs between two faults (and before the first)
     */
    public record Settings(int cycles, List<String> components, double perSecond, Duration settle, boolean replay) {
    }

    /** One kill and restart: how long to ready, the lag ten seconds after, how long until every group was at zero. */
    public record Recovery(int cycle, String component, Duration toReady, long lagTenSecondsAfter, Duration lagZeroAfter) {
    }

    /**
     * @param afterReplay the same audit after every consumer re-read every topic from offset 0 in a fresh group (empty: not replayed)
     * @param replayDrain how long the fresh groups took to read everything (null: still lagging, or not replayed)
     * @param poisonPlanted unreadable records planted on the dossier topic during the load
     * @param poisonParked of those, how many each service that reads them parked as dead letters
     * @param correctedPoison obligations planted cut short for real dossiers, and what ops' correction and re-drive did
     * @param leases each job's cluster lease as watched during the run
     */
    public record Report(List<Recovery> recoveries, List<EffectAudit.Row> effects, Map<String, Long> answers, int unanswered,
            List<String> refused, Duration finalDrain, List<EffectAudit.Row> afterReplay, Duration replayDrain, int poisonPlanted,
            Map<String, Long> poisonParked, CorrectedPoison.Fix correctedPoison, Map<String, LeaseWatch.Held> leases) {
        /** Nothing lost, nothing duplicated, no submission refused or left unanswered, every consumer caught up. */
        public boolean clean() {
            return effects.stream().allMatch(EffectAudit.Row::clean) && afterReplay.stream().allMatch(EffectAudit.Row::clean)
                    && unanswered == 0 && refused.isEmpty() && finalDrain != null
                    && recoveries.stream().allMatch(r -> r.lagZeroAfter() != null) && (afterReplay.isEmpty() || replayDrain != null)
                    && poisonParked.values().stream().allMatch(parked -> parked == poisonPlanted)
                    && correctedPoison.planted() > 0 && correctedPoison.complete();
        }
    }

    private final LocalStack stack;
    private final Settings settings;
    private final PrintStream out;

    public FaultHarness(LocalStack stack, Settings settings, PrintStream out) {
        this.stack = stack;
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("motcua.project.dir", ".")).toAbsolutePath().normalize();
        Path data = project.resolve(".motcua").resolve("faults").resolve("data");
        WorkFiles.deleteRecursively(data);
        int instances = Integer.getInteger("faults.instances", 1);
        Settings settings = new Settings(Integer.getInteger("faults.cycles", 3),
                Arrays.asList(System.getProperty("faults.components", String.join(",", everyComponent(instances))).split(",")),
                Double.parseDouble(System.getProperty("faults.rate", "4")),
                Duration.ofSeconds(Integer.getInteger("faults.settle-seconds", 15)),
                Boolean.parseBoolean(System.getProperty("faults.replay", "true")));
        Report report;
        try (LocalStack stack = LocalStack.start(forFaults(project, data).withInstances(instances))) {
            System.out.printf("Fault harness: stack ready in %.1f s, %d instance(s) of each service (logs in %s)%n",
                    stack.startedIn().toMillis() / 1000.0, instances, stack.config().logDir());
            report = new FaultHarness(stack, settings, System.out).run();
        }
        System.exit(report.clean() ? 0 : 1);
    }

    /** Every component, each service's second instance right after its first when every service runs twice. */
    public static List<String> everyComponent(int instances) {
        List<String> components = new ArrayList<>();
        for (String component : EVERY_COMPONENT) {
            components.add(component);
            if (instances == 2 && component.endsWith("-service")) {
                components.add(component + "-2");
            }
        }
        return List.copyOf(components);
    }

    /** The stack the harness needs: every component a process that can be killed, messages to phones at any hour. */
    public static StackConfig forFaults(Path project, Path dataDir) {
        return StackConfig.forFaults(project, dataDir).withoutQuietHours();
    }

    public Report run() throws Exception {
        EffectAudit audit = new EffectAudit(stack.config());
        List<Recovery> recoveries = new ArrayList<>();
        Report report;
        try (SteadyLoad load = new SteadyLoad(stack.config()); ConsumerLag lag = new ConsumerLag(stack.config());
                LeaseWatch leases = new LeaseWatch(stack.config())) {
            EffectAudit.Expected expected = calmBaseline(load, audit, lag);
            out.printf("A calm submission causes: %s; %d messages accepted by Zalo%n", expected.templates(), expected.zaloMessages());
            out.printf("Steady load: %.1f submissions/s through the gateway; %d cycle(s) of %s%n", settings.perSecond(), settings.cycles(),
                    settings.components());
            load.start(settings.perSecond());
            List<String> places = new Bookings(stack.config(), FREE_PLACES).freePlaces();
            load.startBookings(settings.perSecond() / 3, places);
            out.printf("Bookings beside it: %.1f/s on %d free places of %s%n", settings.perSecond() / 3, places.size(), Demo.OFFICE);
            Thread.sleep(settings.settle().toMillis());
            PoisonEvents poison = new PoisonEvents(stack.config());
            poison.plant();
            out.printf("Planted %d unreadable DossierFeesPriced records on %s, every partition%n", poison.planted(), Topics.DOSSIER);
            CorrectedPoison obligations = new CorrectedPoison(stack.config());
            obligations.plant(load.acknowledged().stream().limit(CORRECTED_OBLIGATIONS).toList());
            CorrectedPoison.Fix fix = obligations.fix(new GatewayClient(stack.config()));
            out.printf("Planted %d obligations cut short for real dossiers; ops parked %s, corrected %s, re-drove %s%n", fix.planted(),
                    fix.parked(), fix.corrected(), fix.applied());
            for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
                for (String component : settings.components()) {
                    Recovery recovery = fault(cycle, component, lag);
                    recoveries.add(recovery);
                    out.printf("cycle %d  kill -9 %-21s ready again in %5.1f s  lag 10 s after: %6d  every group at 0 after %s%n", cycle,
                            component, seconds(recovery.toReady()), recovery.lagTenSecondsAfter(), describe(recovery.lagZeroAfter()));
                    Thread.sleep(settings.settle().toMillis());
                }
            }
            load.stop();
            Duration drained = lag.awaitZero(Duration.ofMinutes(5));
            Load acked = new Load(load.acknowledged(), load.booked());
            List<EffectAudit.Row> effects = settledAudit(audit, acked, expected, obligations.dossiers());
            List<EffectAudit.Row> afterReplay = List.of();
            Duration replayDrain = null;
            if (settings.replay()) {
                replayDrain = replayEverything(lag);
                afterReplay = settledAudit(audit, acked, expected, obligations.dossiers());
            }
            report = new Report(recoveries, effects, load.answers(), load.unanswered().size(), load.refused(), drained, afterReplay,
                    replayDrain, poison.planted(), poison.parked(new GatewayClient(stack.config())), fix, leases.held());
        }
        print(report);
        return report;
    }

    /**
     * One submission with nothing failing: what every acknowledged submission should cause. It is
     * taken once two readings 5 s apart agree and none of its messages is still to be tried: a
     * message waiting for its retry (a provider that was not listening yet) would otherwise be
     * missing from the baseline and counted as a duplicate in every later dossier.
     */
    private EffectAudit.Expected calmBaseline(SteadyLoad load, EffectAudit audit, ConsumerLag lag) throws InterruptedException {
        SteadyLoad.Acknowledged calm = load.submitOne();
        if (calm == null) {
            throw new IllegalStateException("The calm submission before the faults was not accepted: " + load.answers());
        }
        lag.awaitZero(Duration.ofMinutes(1));
        EffectAudit.Expected last = null;
        Instant giveUp = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(giveUp)) {
            Thread.sleep(5_000);
            EffectAudit.Expected now = audit.expectedFrom(calm);
            if (now.equals(last) && now.zaloMessages() > 0 && audit.stillToSend(calm) == 0) {
                return now;
            }
            last = now;
        }
        throw new IllegalStateException("The calm submission's messages did not settle within 120 s: " + last + ", "
                + audit.stillToSend(calm) + " still to be tried");
    }

    private Recovery fault(int cycle, String component, ConsumerLag lag) throws InterruptedException {
        Duration toReady = stack.killAndRestart(component);
        Thread.sleep(10_000);
        long behind = -1;
        try {
            Map<String, Map<String, Long>> lagging = lagging(lag);
            behind = lagging.values().stream().flatMap(partitions -> partitions.values().stream()).mapToLong(Long::longValue).sum();
            if (behind > 0) {
                out.printf("  10 s after %s: lagging %s%n", component, lagging);
            }
        } catch (IllegalStateException brokerNotYetBack) {
            out.printf("  10 s after %s: the lag cannot be read yet%n", component);
        }
        Duration zeroAfter = lag.awaitZero(LAG_RECOVERY_LIMIT);
        return new Recovery(cycle, component, toReady, behind, zeroAfter == null ? null : zeroAfter.plusSeconds(10));
    }

    /**
     * Every consuming service started again in a fresh consumer group, which reads every topic from
     * offset 0 (auto-offset-reset earliest): each event arrives a second time, and must change nothing.
     *
     * @return how long the fresh groups took to read everything, or null if they still lagged after five minutes
     */
    private Duration replayEverything(ConsumerLag lag) throws InterruptedException {
        out.println("Replay: every consumer reads every topic again from offset 0, in a fresh consumer group");
        Instant begin = Instant.now();
        for (String service : CONSUMERS) {
            for (String instance : List.of(service, service + "-2")) {
                if (stack.restartable().contains(instance)) {
                    stack.killAndRestart(instance, List.of("--spring.kafka.consumer.group-id=" + service + REPLAY_GROUP));
                }
            }
        }
        // No fresh group at all would sum to zero lag: wait until each has committed something first.
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (!lag.byGroup().keySet().containsAll(CONSUMERS.stream().map(service -> service + REPLAY_GROUP).toList())) {
            if (Instant.now().isAfter(giveUp)) {
                return null;
            }
            Thread.sleep(500);
        }
        Duration drained = lag.awaitZero(group -> group.endsWith(REPLAY_GROUP), Duration.ofMinutes(5));
        return drained == null ? null : Duration.between(begin, Instant.now());
    }

    /** The partitions not caught up, by group, to tell a slow group from a stuck partition (one read of the broker). */
    private static Map<String, Map<String, Long>> lagging(ConsumerLag lag) {
        Map<String, Map<String, Long>> behind = new TreeMap<>();
        lag.byPartition().forEach((group, partitions) -> partitions.forEach((partition, records) -> {
            if (records > 0) {
                behind.computeIfAbsent(group, g -> new TreeMap<>()).put(partition.toString(), records);
            }
        }));
        return behind;
    }

    /**
     * Audits until two audits 10 s apart agree and no notification is still being sent: messages
     * held for a retry (a provider that was unreachable while a component restarted, a send that
     * failed while the database was away) still arrive after the consumers caught up.
     */
    private List<EffectAudit.Row> settledAudit(EffectAudit audit, Load acked, EffectAudit.Expected expected,
            List<String> obligations) throws InterruptedException {
        List<EffectAudit.Row> previous = auditWith(audit, acked, expected, obligations);
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(giveUp) && !previous.stream().allMatch(EffectAudit.Row::clean)) {
            Thread.sleep(10_000);
            List<EffectAudit.Row> now = auditWith(audit, acked, expected, obligations);
            if (now.equals(previous) && audit.notificationsBeingSent() == 0) {
                break;
            }
            previous = now;
        }
        return previous;
    }

    /** What the portal was answered 201 for: the submissions, and the bookings beside them. */
    private record Load(List<SteadyLoad.Acknowledged> submissions, List<SteadyLoad.Booked> bookings) {
    }

    private static List<EffectAudit.Row> auditWith(EffectAudit audit, Load acked, EffectAudit.Expected expected, List<String> obligations) {
        List<EffectAudit.Row> rows = new ArrayList<>(audit.audit(acked.submissions(), expected, Set.copyOf(obligations)));
        rows.add(audit.obligations(obligations));
        rows.addAll(audit.bookings(acked.bookings()));
        return List.copyOf(rows);
    }

    private void print(Report report) throws IOException {
        StringBuilder table = new StringBuilder(String.format("%nComponent%15s cycle  ready again  lag 10 s after  every group at 0 after%n", ""));
        for (Recovery recovery : report.recoveries()) {
            table.append(String.format("%-24s %5d  %9.1f s  %14d  %s%n", recovery.component(), recovery.cycle(), seconds(recovery.toReady()),
                    recovery.lagTenSecondsAfter(), describe(recovery.lagZeroAfter())));
        }
        table.append(String.format("%n%-52s %12s %8s %11s %6s%n", "Effect", "acknowledged", "found",
                "duplicated", "lost"));
        report.effects().forEach(row -> appendRow(table, row));
        if (!report.afterReplay().isEmpty()) {
            table.append(String.format("%nAfter every consumer re-read every topic from offset 0 in a fresh group (read in %s):%n",
                    describe(report.replayDrain())));
            report.afterReplay().forEach(row -> appendRow(table, row));
        }
        table.append(String.format("Poison: %d unreadable records planted during the load; parked as dead letters: %s%n",
                report.poisonPlanted(), report.poisonParked()));
        CorrectedPoison.Fix fix = report.correctedPoison();
        table.append(String.format("Corrected poison: %d obligations cut short for real dossiers; parked %s, corrected %s, applied by re-drive %s%n",
                fix.planted(), fix.parked(), fix.corrected(), fix.applied()));
        if (!report.leases().isEmpty()) {
            table.append(String.format("%nJobs under cluster leases (sampled every second): holders, hand-overs, samples held / taken%n"));
            report.leases().forEach((lease, held) -> table.append(String.format("%-52s %3d holder(s) %3d hand-over(s) %5d / %d%n",
                    lease, held.holders(), held.handOvers(), held.samplesHeld(), held.samples())));
        }
        table.append(String.format("Answers the portal got (retries included): %s; never answered 201: %d; refused: %s%n",
                report.answers(), report.unanswered(), report.refused()));
        table.append(String.format("Every consumer group at zero lag %s after the load stopped%n", describe(report.finalDrain())));
        table.append(report.clean() ? "CLEAN: nothing lost, nothing duplicated\n" : "FAULTS FOUND: see the rows above\n");
        out.print(table);
        Path summary = stack.config().dataDir().resolveSibling("summary.txt");
        Files.writeString(summary, table.toString());
    }

    private static void appendRow(StringBuilder table, EffectAudit.Row row) {
        table.append(String.format("%-52s %12d %8d %11d %6d%s%n", row.kind(), row.acknowledged(), row.found(), row.duplicated(),
                row.lost(), row.atLeastOnce() && row.duplicated() > 0 ? "  (repeats on Kafka are the outbox's at-least-once)" : ""));
    }

    private static String describe(Duration duration) {
        return duration == null ? "NEVER (still lagging)" : String.format("%.1f s", seconds(duration));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
