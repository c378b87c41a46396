package vn.motcua.simulators.messaging;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code --name=value} arguments, with secrets taken from the environment when not given. */
final class Arguments {
    private final Map<String, String> given = new HashMap<>();
    private final Map<String, String> environment;

    Arguments(Map<String, String> environment, String... args) {
        this.environment = environment;
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Arguments are --name=value, not " + arg);
            }
            given.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
    }

    String text(String name, String fallback) {
        return given.getOrDefault(name, fallback);
    }

    int number(String name, int fallback) {
        return Integer.parseInt(given.getOrDefault(name, Integer.toString(fallback)));
    }

    Duration millis(String name, long fallback) {
        return Duration.ofMillis(Long.parseLong(given.getOrDefault(name, Long.toString(fallback))));
    }

    URI required(String name) {
        String value = given.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + "= is required");
        }
        return URI.create(value);
    }

    /** A secret is never defaulted: given as {@code --name=} or in the environment variable. */
    String secret(String name, String variable) {
        String value = given.getOrDefault(name, environment.get(variable));
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The secret is required: --" + name + "= or " + variable);
        }
        return value;
    }
}
