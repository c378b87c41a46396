package vn.motcua.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.testinfra.SimulatorProcess;

/**
 * The SMS gateway and Zalo simulators as processes of their own, started once per test JVM, calling
 * the service under test back over HTTP with signed receipts; and their test desks.
 */
public final class MessagingSimulators {
    public static final int SERVICE_PORT = SimulatorProcess.freePort();
    public static final int SMS_PORT = SimulatorProcess.freePort();
    public static final int ZALO_PORT = SimulatorProcess.freePort();
    public static final String SMS_SECRET = "it-sms-secret-" + Long.toHexString(System.nanoTime());
    public static final String ZALO_TOKEN = "it-zalo-token-" + Long.toHexString(System.nanoTime());
    public static final String ZALO_SECRET = "it-zalo-secret-" + Long.toHexString(System.nanoTime());
    public static final String ZALO_APP = "4433221100";
    /** Every template the service maps but one, which Zalo has "not approved". */
    public static final String NOT_APPROVED = "300303";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static boolean started;

    private MessagingSimulators() {
    }

    public static synchronized void start() {
        if (started) {
            return;
        }
        String callbacks = "http://127.0.0.1:" + SERVICE_PORT + "/api/v1/notifications/provider/";
        SimulatorProcess.start("vn.motcua.simulators.messaging.SmsGatewaySimulator", SMS_PORT,
                List.of("--dlr-url=" + callbacks + "sms-reports", "--dlr-delay-ms=30"), Map.of("SMS_GATEWAY_SECRET", SMS_SECRET));
        StringBuilder approved = new StringBuilder();
        for (int id = 300101; id <= 300116; id++) {
            approved.append(id).append(',');
        }
        approved.append("300201,300202,300203,300204,300205,300206,300207,300208,300301,300302,300304,300305,300401,300402,300403,300404,300405,300406,300407,300408,300409,300410,300411,300412,300413,300414,300415,300416");
        SimulatorProcess.start("vn.motcua.simulators.messaging.ZaloZnsSimulator", ZALO_PORT,
                List.of("--webhook-url=" + callbacks + "zalo-events", "--receipt-delay-ms=30", "--app-id=" + ZALO_APP,
                        "--approved-templates=" + approved),
                Map.of("ZALO_ACCESS_TOKEN", ZALO_TOKEN, "ZALO_OA_SECRET", ZALO_SECRET));
        started = true;
    }

    public static URI sms() {
        return URI.create("http://127.0.0.1:" + SMS_PORT);
    }

    public static URI zalo() {
        return URI.create("http://127.0.0.1:" + ZALO_PORT);
    }

    /** Tells a simulator how a phone number behaves, e.g. {@code zalo=none}, {@code transient-failures=2}, {@code fate=undelivered}. */
    public static void phone(URI simulator, String phone, String behaviour) {
        call("POST", simulator.resolve("/simulator/phones/" + phone + "?" + behaviour));
    }

    /** The messages a simulator accepted for a number. */
    public static JsonNode messages(URI simulator, String phone) {
        return JSON.readTree(call("GET", simulator.resolve("/simulator/messages?phone=" + phone)));
    }

    private static String call(String method, URI uri) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + uri + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
