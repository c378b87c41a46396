package vn.motcua.testinfra;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An outside provider's simulator as a process of its own, started from the test classpath: the
 * tests' providers speak their protocol over the wire, never as objects in the test's memory.
 */
public final class SimulatorProcess {
    private static final Random RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SimulatorProcess() {
    }

    /**
     * Starts {@code mainClass} with the arguments and environment and waits until its
     * {@code /health} on {@code port} answers 200; the process ends with the test JVM.
     */
    public static Process start(String mainClass, int port, List<String> arguments, Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-XX:TieredStopAtLevel=1", "-cp", classpath(), mainClass, "--port=" + port));
        command.addAll(arguments);
        try {
            Path log = Files.createTempFile(mainClass.substring(mainClass.lastIndexOf('.') + 1), ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            URI health = URI.create("http://127.0.0.1:" + port + "/health");
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(mainClass + " stopped: " + Files.readString(log));
                }
                try {
                    if (HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return process;
                    }
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            throw new IllegalStateException(mainClass + " did not answer within 30 s");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Cannot start " + mainClass, e);
        }
    }

    /**
     * The caller's classpath: the JVM's, or under {@code mvn exec:java} (a benchmark) the project's
     * class loader's, which the JVM's classpath does not show.
     */
    private static String classpath() {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    /** A free port below the kernel's ephemeral range, where a port bind(0) handed out could be taken by an outgoing connection. */
    public static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20_000 + RANDOM.nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return candidate;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("No free port between 20000 and 32000");
    }
}
