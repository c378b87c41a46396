package vn.motcua.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a service from an ahead-of-time class cache instead of its fat jar: measured on two
 * cores, a service is ready in 6 s instead of 15 s and spends 7 instead of 16 CPU-seconds
 * (ADR 0010). The JVM caches classes only from plain jars on the class path, so the jar is
 * extracted first; one training start, which stops right after the application context is
 * refreshed and needs no broker, records what was loaded and linked. On JDK 25 and later that is
 * an AOT cache (JEP 483 and 514), on older JDKs a dynamic class-data-sharing archive. Everything
 * is keyed by the jar's SHA-256, so a rebuilt jar trains again once; a failed training costs only
 * speed: the service then starts from its jar.
 */
final class StartupCache {
    private static final Logger log = LoggerFactory.getLogger(StartupCache.class);
    private static final Duration TRAINING_WITHIN = Duration.ofMinutes(5);
    private static final boolean AOT_CACHE = Runtime.version().feature() >= 25;

    private StartupCache() {
    }

    /** What to put after the JVM's memory flags: the cache option and the jar to run. */
    record Launch(List<String> arguments) {
        static Launch fromJar(Path jar) {
            return new Launch(List.of("-jar", jar.toString()));
        }
    }

    /**
     * Returns how to start {@code module} fast, extracting and training first when its jar changed.
     *
     * @param jvm the JVM command and flags the service runs with, so training and use match
     * @param applicationArguments the service's own arguments (addresses of the stack)
     */
    static Launch prepare(StackConfig config, String module, List<String> jvm, List<String> applicationArguments) {
        Path jar = config.serviceJar(module);
        try {
            Path folder = config.workDir().resolve("startup-cache").resolve(module);
            Path extracted = folder.resolve(fingerprint(WorkFiles.sha256(jar), jvm));
            Path extractedJar = extracted.resolve(jar.getFileName());
            Path cache = extracted.resolve(AOT_CACHE ? "classes.aot" : "classes.jsa");
            if (!Files.exists(cache)) {
                WorkFiles.deleteRecursively(folder);
                Files.createDirectories(folder);
                ChildProcess.run(module + "-extract", List.of(jvm.getFirst(), "-Djarmode=tools", "-jar", jar.toString(),
                        "extract", "--destination", extracted.toString()), Map.of(), config.logDir(), TRAINING_WITHIN);
                train(config, module, jvm, applicationArguments, extractedJar, cache);
            }
            return new Launch(List.of(use(cache), "-jar", extractedJar.toString()));
        } catch (RuntimeException | IOException e) {
            log.warn("{} starts without its class cache ({}); it only starts slower", module, e.getMessage());
            return Launch.fromJar(jar);
        }
    }

    /** The jar and the JVM's flags: a cache recorded under other flags may be refused or be slower. */
    private static String fingerprint(String jarSha256, List<String> jvm) {
        return Integer.toHexString((jarSha256 + String.join(" ", jvm.subList(1, jvm.size()))).hashCode())
                + "-" + jarSha256.substring(0, 12);
    }

    private static void train(StackConfig config, String module, List<String> jvm, List<String> applicationArguments,
            Path extractedJar, Path cache) {
        List<String> command = new ArrayList<>(jvm);
        command.addAll(List.of(record(cache), "-Dspring.context.exit=onRefresh", "-jar", extractedJar.toString()));
        command.addAll(applicationArguments);
        command.add("--server.port=0");
        log.info("Training {}'s class cache once for this jar (about half a minute)", module);
        ChildProcess.run(module + "-training", command, Map.of(), config.logDir(), TRAINING_WITHIN);
        if (!Files.exists(cache)) {
            throw new IllegalStateException("the training run wrote no cache");
        }
    }

    private static String record(Path cache) {
        return (AOT_CACHE ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + cache;
    }

    private static String use(Path cache) {
        return (AOT_CACHE ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + cache;
    }
}
