package vn.motcua.kit.correlation;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** The correlation id of the work in progress on this thread, kept in the logging MDC. */
public final class Correlation {
    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private Correlation() {
    }

    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /** A caller's id is kept when it is safe to log and echo; anything else is replaced. */
    public static String acceptOrCreate(String candidate) {
        return candidate != null && ACCEPTABLE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    public static void set(String correlationId) {
        if (correlationId == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, correlationId);
        }
    }

    public static void clear() {
        MDC.remove(MDC_KEY);
    }
}
