package vn.motcua.notification.channels.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ZNS checks each value against the length its template's parameter was registered with and
 * refuses the whole message when one is longer: a long reason for a rejection or a long procedure
 * name would send the citizen an SMS instead, at a higher price. A value is cut to its length
 * instead, ending in "…"; the whole text stays in the inbox, and in the email.
 */
final class ZnsParameters {
    private static final String DEFAULT = "default";
    private static final String CUT = "…";

    private ZnsParameters() {
    }

    static Map<String, String> fitted(Map<String, String> parameters, Map<String, Integer> lengths) {
        Map<String, String> fitted = new LinkedHashMap<>();
        parameters.forEach((name, value) -> fitted.put(name, fit(value, lengths.getOrDefault(name, lengths.get(DEFAULT)))));
        return fitted;
    }

    /** At most {@code length} characters (code points, so that no pair is split), the last one "…" when cut. */
    static String fit(String value, Integer length) {
        if (length == null || value.codePointCount(0, value.length()) <= length) {
            return value;
        }
        int end = value.offsetByCodePoints(0, Math.max(0, length - 1));
        return value.substring(0, end).stripTrailing() + CUT;
    }
}
