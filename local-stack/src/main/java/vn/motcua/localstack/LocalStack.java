package vn.motcua.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.wireserver.IdLookupMemoryBackend;

/**
 * The whole platform on one machine: Kafka and Keycloak as child processes, the MongoDB wire
 * server (in this JVM, or a child process of its own for the fault harness) and the SMTP server in this JVM, the six services as child processes, and the outside
 * world's simulators (the postal operator) as child processes too. Closing it
 * stops everything in reverse order, leaving no process behind.
 */
public final class LocalStack implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration READY_WITHIN = Duration.ofMinutes(5);
    /**
     * H2 keeps 16 MB of pages unless told. Once the stores outgrow that, every query that reads a
     * whole collection (a sweeper's, a relay's) reads its pages from the file and builds its
     * documents anew, and the launcher's collector, which every service's storage call waits on,
     * runs seconds a minute (ADR 0025). Only the in-launcher file store takes it: the fault
     * harness's own-process server stays as it was tested.
     */
    private static final int PAGE_CACHE_MB = Integer.getInteger("motcua.wire-server.cache-mb", 256);

    private final StackConfig config;
    private final Deque<AutoCloseable> running = new ConcurrentLinkedDeque<>();
    private final List<ChildProcess> children = new CopyOnWriteArrayList<>();
    private final Map<String, Restart> restarts = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private GreenMail smtp;
    private CountingBackend mongoBackend;
    private Duration startedIn;

    /** How a component is started again after a fault, and how it is known to be ready. */
    private record Restart(Function<List<String>, ChildProcess> start, BooleanSupplier ready) {
    }

    private LocalStack(StackConfig config) {
        this.config = config;
    }

    public static LocalStack start(StackConfig config) {
        LocalStack stack = new LocalStack(config);
        // Stopped while starting (Ctrl-C, kill): no child process may outlive the launcher.
        Thread stopWhileStarting = new Thread(stack::close, "motcua-stop-while-starting");
        Runtime.getRuntime().addShutdownHook(stopWhileStarting);
        try {
            stack.startAll();
            return stack;
        } catch (Exception e) {
            stack.close();
            throw new IllegalStateException("The stack did not start: " + e.getMessage(), e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopWhileStarting);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already stopping: the hook is running and closes the stack.
            }
        }
    }

    private void startAll() throws Exception {
        Instant begin = Instant.now();
        Files.createDirectories(config.logDir());
        // The wire server's H2 backend rebuilds its in-memory indexes from every stored document
        // when it opens (49 s for 100,000 dossiers, ADR 0010): the broker and Keycloak start meanwhile.
        CompletableFuture<Void> mongo = CompletableFuture.runAsync(this::startMongo);
        startSmtp();
        ChildProcess kafka = child(KafkaBroker.start(config));
        restarts.put("kafka", new Restart(more -> KafkaBroker.start(config), () -> KafkaBroker.ready(config)));
        // Keycloak's one-time build and the services' class caches (trained only after a rebuild)
        // take their turns on the cores while the broker starts.
        Future<ChildProcess> keycloakStarted;
        Map<String, Future<StartupCache.Launch>> launches = new LinkedHashMap<>();
        try (ExecutorService preparing = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
            keycloakStarted = preparing.submit(() -> child(KeycloakServer.start(config)));
            mongo.join();
            for (String module : Services.MODULES) {
                launches.put(module, preparing.submit(() -> Services.prepare(config, module)));
            }
            await("Kafka", kafka, () -> KafkaBroker.ready(config));
            KafkaBroker.createTopics(config);
            KafkaBroker.grantOperators(config);
        }
        ChildProcess keycloak = keycloakStarted.get();
        Map<Services.Instance, ChildProcess> services = new LinkedHashMap<>();
        for (Services.Instance instance : Services.instances(config)) {
            StartupCache.Launch prepared = launches.get(instance.module()).get();
            services.put(instance, child(Services.start(config, instance, prepared)));
            String url = Services.readinessUrl(instance);
            restarts.put(instance.name(), new Restart(more -> Services.start(config.withArguments(instance.module(), more),
                    instance, prepared), () -> answers200(url)));
        }
        // The providers' simulators start beside the services; the stack is ready only when they listen, or the
        // first messages after a start fail and wait for their retry (FaultsIT's calm submission saw one of three).
        List<Listening> providers = List.of(
                new Listening("payment provider simulator", child(Simulators.startPaymentProvider(config)), config.ports().paymentProvider()),
                new Listening("SMS gateway simulator", child(Simulators.startSmsGateway(config)), config.ports().smsGateway()),
                new Listening("Zalo simulator", child(Simulators.startZalo(config)), config.ports().zalo()));
        for (var service : services.entrySet()) {
            String url = Services.readinessUrl(service.getKey());
            await(service.getKey().name(), service.getValue(), () -> answers200(url));
        }
        await("Keycloak", keycloak, () -> answers200(KeycloakServer.readinessUrl(config)));
        for (Listening provider : providers) {
            await(provider.name(), provider.process(), () -> StackPorts.listening(provider.port()));
        }
        // Its operator's client signs in at Keycloak and reads the operators' listener as it starts.
        child(Simulators.startPostalOperator(config));
        startedIn = Duration.between(begin, Instant.now());
    }

    private void startMongo() {
        if (config.storage() == StackConfig.Storage.EXTERNAL) {
            WriteBudget.serverCounts(config.mongoUri()); // reachable, or the start fails here rather than in six services
            log.info("Using the MongoDB server the stack was given");
            return;
        }
        if (config.storage() == StackConfig.Storage.OWN_PROCESS) {
            ChildProcess server = child(MongoWireServer.start(config));
            restarts.put(MongoWireServer.NAME, new Restart(more -> MongoWireServer.start(config),
                    () -> MongoWireServer.ready(config)));
            try {
                await("MongoDB wire server", server, () -> MongoWireServer.ready(config));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the MongoDB wire server started", e);
            }
            return;
        }
        MongoBackend backend;
        if (config.storage() == StackConfig.Storage.FILE) {
            try {
                Files.createDirectories(config.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            backend = new MongoLikeH2Backend(new MVStore.Builder().fileName(config.dataDir().resolve("mongo.mv").toString())
                    .cacheSize(PAGE_CACHE_MB).open());
        } else {
            // The outbox's claim names one _id beside its condition: served by the _id index, as on MongoDB (ADR 0030).
            backend = new IdLookupMemoryBackend();
        }
        mongoBackend = new CountingBackend(backend);
        MongoServer mongo = new MongoServer(mongoBackend);
        mongo.bind("127.0.0.1", config.ports().mongo());
        running.push(mongo::shutdown);
        log.info("MongoDB wire server is ready");
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(config.ports().smtp(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        running.push(smtp::stop);
    }

    private synchronized ChildProcess child(ChildProcess process) {
        children.add(process);
        running.push(process);
        return process;
    }

    private void await(String what, ChildProcess process, BooleanSupplier ready) throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " exited during start; see " + process.log());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " not ready within " + READY_WITHIN + "; see " + process.log());
            }
            Thread.sleep(500);
        }
        log.info("{} is ready", what);
    }

    private record Listening(String name, ChildProcess process, int port) {
    }

    private boolean answers200(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public StackConfig config() {
        return config;
    }

    public Duration startedIn() {
        return startedIn;
    }

    /** Resident memory of every child process plus this JVM, in MiB. */
    public long memoryMiB() {
        return memoryByProcessMiB().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Each child process's CPU time so far, by name, and this JVM's (the wire server and SMTP) as "launcher". */
    public Map<String, Duration> cpuTimes() {
        Map<String, Duration> times = new LinkedHashMap<>();
        children.forEach(child -> times.put(child.name(), child.cpuTime()));
        times.put("launcher", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        return times;
    }

    /** Of {@link #cpuTimes()}, what each process's JIT compilers spent. */
    public Map<String, Duration> compilerCpuTimes() {
        Map<String, Duration> times = new LinkedHashMap<>();
        children.forEach(child -> times.put(child.name(), child.compilerCpuTime()));
        times.put("launcher", CompilerCpu.ofPid(ProcessHandle.current().pid()));
        return times;
    }

    /** Each child process's resident memory in MiB, by name, and this JVM's as "launcher". */
    public Map<String, Long> memoryByProcessMiB() {
        Map<String, Long> memory = new LinkedHashMap<>();
        children.forEach(child -> memory.put(child.name(), child.memoryKiB() / 1024));
        memory.put("launcher", Rss.ofPid(ProcessHandle.current().pid()) / 1024);
        return memory;
    }

    /**
     * Writes the MongoDB wire server received so far, by database and command (the load benchmark's
     * write budget); none counted here when it runs in a process of its own; on a server the stack was
     * given, the documents that server says it wrote.
     */
    public Map<String, Long> mongoWrites() {
        if (config.storage() == StackConfig.Storage.EXTERNAL) {
            return WriteBudget.serverCounts(config.mongoUri());
        }
        return mongoBackend == null ? Map.of() : mongoBackend.writes();
    }

    /** Time the wire server spent per command shape so far (the load benchmark's storage profile). */
    Map<String, CountingBackend.Usage> mongoUsage() {
        return mongoBackend == null ? Map.of() : mongoBackend.usage();
    }

    public List<MimeMessage> receivedMails() {
        return List.of(smtp.getReceivedMessages());
    }

    /** What {@link #killAndRestart} can kill: the services, the broker, and the wire server when it runs apart. */
    public Set<String> restartable() {
        return Set.copyOf(restarts.keySet());
    }

    /**
     * Kills a component as a crash would ({@code kill -9}, nothing flushed, nothing said goodbye),
     * starts it again on the same port and data, and waits until it is ready.
     *
     * @return the time from the kill until it answered ready again
     */
    public Duration killAndRestart(String name) throws InterruptedException {
        return killAndRestart(name, List.of());
    }

    /**
     * Like {@link #killAndRestart(String)}, the service started again with more arguments (e.g. a
     * fresh consumer group, to replay every topic); the broker and the wire server take none.
     */
    public Duration killAndRestart(String name, List<String> moreArguments) throws InterruptedException {
        Restart restart = restarts.get(name);
        if (restart == null) {
            throw new IllegalArgumentException("Cannot restart " + name + "; these can be: " + new TreeSet<>(restarts.keySet()));
        }
        Instant begin = Instant.now();
        for (ChildProcess old : children) {
            if (old.name().equals(name)) {
                old.kill();
                children.remove(old);
                keepLogOfKilled(old);
            }
        }
        ChildProcess fresh = child(restart.start().apply(moreArguments));
        await(name, fresh, restart.ready());
        return Duration.between(begin, Instant.now());
    }

    /** The restarted process writes a log of the same name: the killed one's is kept beside it, numbered by time. */
    private static void keepLogOfKilled(ChildProcess killed) {
        Path log = killed.log();
        try {
            Files.move(log, log.resolveSibling(killed.name() + "-killed-" + System.currentTimeMillis() + ".log"));
        } catch (IOException e) {
            LocalStack.log.warn("Cannot keep the log of the killed {}: {}", killed.name(), e.toString());
        }
    }

    /** Stops one child process by name, e.g. to see the gateway's circuit breaker at work. */
    public void stop(String module) {
        children.stream().filter(c -> c.name().equals(module)).forEach(ChildProcess::close);
    }

    @Override
    public void close() {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                log.warn("While stopping: {}", e.toString());
            }
        }
    }
}
