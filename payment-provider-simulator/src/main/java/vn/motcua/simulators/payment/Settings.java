package vn.motcua.simulators.payment;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How the simulated provider behaves, from {@code --name=value} arguments.
 *
 * @param host the address to listen on (127.0.0.1 locally, 0.0.0.0 in a container)
 * @param tmnCode the merchant's terminal code (8 letters or digits), as the provider issued it
 * @param secret the merchant's hash secret; {@code --secret=} or the environment's
 *     {@code PAYMENT_PROVIDER_HASH_SECRET}, never a default
 * @param ipnUrl where the merchant takes payment notifications (configured at the provider, not sent per payment)
 * @param ipnDelay how long after the payer's decision the first notification leaves
 * @param ipnJitter a random extra delay per notification, so that notifications overtake each other
 * @param ipnDuplicates extra copies of every notification, each with its own jitter
 * @param loseAnswers how many of the merchant's answers to each notification are "lost" in transit:
 *     the merchant processed the call but the provider sends it again
 * @param ipnRetries how often a notification that did not get 00 or 02 is sent again
 * @param retryDelay the time between those retries
 */
record Settings(String host, int port, String tmnCode, String secret, URI ipnUrl, Duration ipnDelay, Duration ipnJitter, int ipnDuplicates,
        int loseAnswers, int ipnRetries, Duration retryDelay, long seed) {

    static final String SECRET_VARIABLE = "PAYMENT_PROVIDER_HASH_SECRET";

    static Settings parse(Map<String, String> environment, String... args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Arguments are --name=value, not " + arg);
            }
            given.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        String secret = given.getOrDefault("secret", environment.get(SECRET_VARIABLE));
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("The hash secret is required: --secret= or " + SECRET_VARIABLE);
        }
        String tmnCode = given.getOrDefault("tmn-code", "MOTCUA01");
        if (!tmnCode.matches("[A-Za-z0-9]{8}")) {
            throw new IllegalArgumentException("--tmn-code is 8 letters or digits");
        }
        String ipnUrl = given.get("ipn-url");
        if (ipnUrl == null || ipnUrl.isBlank()) {
            throw new IllegalArgumentException("--ipn-url= is required: the merchant's IPN endpoint");
        }
        Settings settings = new Settings(given.getOrDefault("host", "127.0.0.1"), Integer.parseInt(given.getOrDefault("port", "8190")), tmnCode, secret,
                URI.create(ipnUrl), millis(given, "ipn-delay-ms", 200), millis(given, "ipn-jitter-ms", 0),
                Integer.parseInt(given.getOrDefault("ipn-duplicates", "0")),
                Integer.parseInt(given.getOrDefault("lose-answers", "0")),
                Integer.parseInt(given.getOrDefault("ipn-retries", "10")), millis(given, "retry-delay-ms", 1000),
                Long.parseLong(given.getOrDefault("seed", "1")));
        if (settings.ipnDuplicates() < 0 || settings.loseAnswers() < 0 || settings.ipnRetries() < 0) {
            throw new IllegalArgumentException("ipn-duplicates, lose-answers and ipn-retries are 0 or more");
        }
        return settings;
    }

    private static Duration millis(Map<String, String> given, String name, long fallback) {
        return Duration.ofMillis(Long.parseLong(given.getOrDefault(name, Long.toString(fallback))));
    }
}
