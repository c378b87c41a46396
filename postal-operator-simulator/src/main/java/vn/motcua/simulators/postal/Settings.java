package vn.motcua.simulators.postal;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How the simulated operator behaves, from {@code --name=value} arguments.
 *
 * @param oauthBearer authenticate to the broker with the operator's client token (SASL/OAUTHBEARER), as outside
 *     operators must; false only for a broker without an operators' listener
 * @param operator the operator's OAuth2 client id; its topic is {@code postal.operator.<operator>}
 * @param api where the operator API is reached (the gateway)
 * @param stepDelay the time between two stages of one shipment
 * @param failEvery every n-th shipment fails three delivery attempts and goes back to the sender (0: none)
 * @param duplicateRate the share of reports sent twice, as operators' systems do after a time-out
 * @param remitEvery how often the cash collected is paid over (a real operator: daily); null: never
 */
record Settings(String bootstrap, boolean oauthBearer, String operator, String secret, URI tokenUrl, URI api, Duration stepDelay,
        int failEvery, double duplicateRate, long seed, Duration remitEvery) {

    /**
     * A recipient with this phone number is never at home: every delivery to it fails (like a payment sandbox's test card),
     * and a sender with it never hands their papers over: every collection fails.
     */
    static final String NEVER_AT_HOME = "0900000000";
    /**
     * A recipient with this phone number is out at the first attempt and at home on the next round, {@link Courier#NEXT_ROUND}
     * steps later: time for the citizen to act between two attempts (pay the fees online, say).
     */
    static final String HOME_ON_THE_SECOND_ROUND = "0900000001";
    /**
     * Like {@link #HOME_ON_THE_SECOND_ROUND}, but the postman set out with the amount the item was handed over with and
     * collects it whatever the platform says since: an amendment that reaches him too late.
     */
    static final String AMENDMENT_TOO_LATE = "0900000002";

    static Settings parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Arguments are --name=value, not " + arg);
            }
            given.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        String auth = given.getOrDefault("kafka-auth", "oauthbearer");
        if (!auth.equals("oauthbearer") && !auth.equals("none")) {
            throw new IllegalArgumentException("--kafka-auth is oauthbearer or none");
        }
        Settings settings = new Settings(given.getOrDefault("bootstrap", "127.0.0.1:9094"), auth.equals("oauthbearer"),
                given.getOrDefault("operator", "postal-vnpost"), required(given, "secret"), URI.create(required(given, "token-url")),
                URI.create(given.getOrDefault("api", "http://127.0.0.1:8080")),
                Duration.ofMillis(Long.parseLong(given.getOrDefault("step-delay-ms", "2000"))),
                Integer.parseInt(given.getOrDefault("fail-every", "0")),
                Double.parseDouble(given.getOrDefault("duplicate-rate", "0.1")),
                Long.parseLong(given.getOrDefault("seed", "1")),
                given.getOrDefault("remit-every-ms", "0").equals("0") ? null
                        : Duration.ofMillis(Long.parseLong(given.get("remit-every-ms"))));
        if (settings.duplicateRate() < 0 || settings.duplicateRate() > 1 || settings.failEvery() < 0) {
            throw new IllegalArgumentException("duplicate-rate is 0..1 and fail-every 0 or more");
        }
        return settings;
    }

    String topic() {
        return "postal.operator." + operator;
    }

    private static String required(Map<String, String> given, String name) {
        String value = given.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + "= is required");
        }
        return value;
    }
}
