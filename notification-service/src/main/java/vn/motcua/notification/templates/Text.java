package vn.motcua.notification.templates;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message's text with {@code {placeholders}}: its subject line, its full text (inbox and email)
 * and, optionally, the short text of an SMS or a Zalo message (else the subject line).
 */
public record Text(String title, String body, String shortText) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    public Text(String title, String body) {
        this(title, body, null);
    }

    /** Every placeholder the text uses. */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        for (String part : new String[] {title, body, shortText}) {
            if (part != null) {
                Matcher matcher = PLACEHOLDER.matcher(part);
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }

    Text fill(Map<String, String> values) {
        return new Text(fill(title, values), fill(body, values), shortText == null ? null : fill(shortText, values));
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
