package vn.motcua.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Gatling simulation of the load-tests module, run in a JVM of its own (the load generator
 * must not share a heap with the wire server it loads), and the figures of its HTML report.
 */
final class GatlingRun {
    /** The report's js/stats.js holds a JavaScript object literal: unquoted names, trailing commas, code after it. */
    private static final JsonMapper REPORT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** One request kind's figures: counts, rate over the run, latency percentiles in ms (Gatling's 50/75/95/99). */
    record Figures(String request, long ok, long ko, double perSecond, long p50, long p95, long p99, long max) {
        long total() {
            return ok + ko;
        }
    }

    record Result(Path report, List<Figures> requests) {
        Figures all() {
            return requests.getFirst();
        }

        Figures request(String name) {
            return find(name).orElseThrow(() -> new IllegalStateException("No request " + name + " in " + report));
        }

        /** A request kind's figures, or none sent (a journey that failed before reaching it sends nothing of it). */
        Figures tried(String name) {
            return find(name).orElse(new Figures(name, 0, 0, 0, 0, 0, 0, 0));
        }

        private Optional<Figures> find(String name) {
            return requests.stream().filter(f -> f.request().equals(name)).findFirst();
        }
    }

    private GatlingRun() {
    }

    static Result run(StackConfig config, String simulation, Map<String, String> properties, Duration expected, Path results) {
        try {
            Files.createDirectories(results);
            Path target = config.projectDir().resolve("load-tests").resolve("target");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms256m", "-Xmx1g", "-XX:+UseParallelGC", "--enable-native-access=ALL-UNNAMED",
                    "--sun-misc-unsafe-memory-access=allow",
                    // Gatling reads into java.lang reflectively (its launcher passes the same option).
                    "--add-opens=java.base/java.lang=ALL-UNNAMED"));
            properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
            command.addAll(List.of("-cp", target.resolve("load-tests-" + StackConfig.VERSION + ".jar") + File.pathSeparator
                    + target.resolve("lib") + "/*", "io.gatling.app.Gatling", "-s", "vn.motcua.load." + simulation,
                    "-rf", results.toString()));
            Path log = config.logDir().resolve("gatling-" + simulation + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(expected.toSeconds() + 300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(simulation + " did not end; see " + log);
            }
            if (process.exitValue() != 0 && process.exitValue() != 2) { // 2: the run ended, with failed assertions or KOs
                throw new IllegalStateException(simulation + " failed (exit " + process.exitValue() + "); see " + log);
            }
            return read(newestReport(results, simulation));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + simulation, e);
        }
    }

    private static Path newestReport(Path results, String simulation) throws IOException {
        try (Stream<Path> runs = Files.list(results)) {
            return runs.filter(run -> run.getFileName().toString().startsWith(simulation.toLowerCase()))
                    .filter(run -> Files.exists(run.resolve("js").resolve("stats.js")))
                    .max(Comparator.comparing(run -> run.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("Gatling wrote no report for " + simulation + " in " + results));
        }
    }

    private static Result read(Path report) throws IOException {
        String script = Files.readString(report.resolve("js").resolve("stats.js"));
        JsonNode root = REPORT.readTree(script.substring(script.indexOf('=') + 1));
        List<Figures> figures = new ArrayList<>();
        figures.add(figures("all", root.get("stats")));
        for (JsonNode child : root.path("contents")) {
            if ("REQUEST".equals(child.path("type").asString())) {
                figures.add(figures(child.get("name").asString(), child.get("stats")));
            }
        }
        return new Result(report, List.copyOf(figures));
    }

    private static Figures figures(String name, JsonNode stats) {
        return new Figures(name, number(stats, "/numberOfRequests/ok"), number(stats, "/numberOfRequests/ko"),
                Double.parseDouble(stats.at("/meanNumberOfRequestsPerSecond/total").asString()), number(stats, "/percentiles1/total"),
                number(stats, "/percentiles3/total"), number(stats, "/percentiles4/total"), number(stats, "/maxResponseTime/total"));
    }

    /** The report writes numbers as strings, and "-" where there is none (no KO, say). */
    private static long number(JsonNode stats, String pointer) {
        String text = stats.at(pointer).asString();
        return text.matches("\\d+") ? Long.parseLong(text) : 0;
    }
}
