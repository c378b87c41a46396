package vn.motcua.appointment.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol (a WebSocket of the JDK): open a
 * page, read what its scripts put in the DOM. {@code bin/ensure-chromium.sh} installs the browser
 * (./motcua test runs it); {@code MOTCUA_CHROMIUM} names another binary.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process browser;
    private final Path profile;
    private final WebSocket page;
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private HeadlessChromium(Process browser, Path profile, WebSocket page) {
        this.browser = browser;
        this.profile = profile;
        this.page = page;
    }

    static HeadlessChromium start() throws IOException, InterruptedException {
        String binary = System.getenv().getOrDefault("MOTCUA_CHROMIUM", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(binary))) {
            throw new IllegalStateException("No Chromium at " + binary + ": run bin/ensure-chromium.sh (./motcua test does)");
        }
        Path profile = Files.createTempDirectory("motcua-chromium");
        // Without the background-networking flags Chromium keeps trying hosts a closed network refuses.
        Process browser = new ProcessBuilder(binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--remote-allow-origins=*", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        Instant deadline = Instant.now().plusSeconds(30);
        while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
            if (Instant.now().isAfter(deadline) || !browser.isAlive()) {
                browser.destroyForcibly();
                throw new IllegalStateException("Chromium did not open its DevTools port");
            }
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).getFirst().strip());
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        String pageUrl = null;
        for (JsonNode target : targets) {
            if ("page".equals(target.get("type").asString())) {
                pageUrl = target.get("webSocketDebuggerUrl").asString();
            }
        }
        HeadlessChromium[] self = new HeadlessChromium[1];
        StringBuilder frame = new StringBuilder();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                frame.append(data);
                if (last) {
                    JsonNode message = JSON.readTree(frame.toString());
                    frame.setLength(0);
                    if (message.has("id") && self[0] != null) {
                        CompletableFuture<JsonNode> answer = self[0].answers.remove(message.get("id").asInt());
                        if (answer != null) {
                            answer.complete(message);
                        }
                    }
                }
                webSocket.request(1);
                return null;
            }
        }).join();
        self[0] = new HeadlessChromium(browser, profile, socket);
        return self[0];
    }

    void open(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
    }

    /** The value of a JavaScript expression in the page, as text. */
    String evaluate(String expression) throws Exception {
        JsonNode answer = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        JsonNode value = answer.path("result").path("result").path("value");
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    /** Polls {@code expression} until it equals {@code expected}; returns the last value seen. */
    String awaitValue(String expression, String expected, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String value = evaluate(expression);
        while (!expected.equals(value) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            value = evaluate(expression);
        }
        return value;
    }

    private JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        page.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).join();
        return answer.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        page.abort();
        browser.destroy();
        if (!browser.waitFor(5, TimeUnit.SECONDS)) {
            browser.destroyForcibly();
        }
        try (var files = Files.walk(profile)) {
            for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException leftBehind) {
            // A temporary profile left behind is harmless. Chromium's helper processes may still be writing to it
            // after the browser exits, and a file gone mid-walk is reported unchecked (it failed a fresh run once).
        }
    }
}
