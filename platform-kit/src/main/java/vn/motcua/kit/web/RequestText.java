package vn.motcua.kit.web;

import java.text.Normalizer;
import java.util.OptionalInt;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import vn.motcua.kit.problem.ValueNotAccepted;

/**
 * Text in a request body is what a person can read: no control characters but tab and line
 * breaks, no direction overrides that make a name or an address read differently from what is
 * stored (U+202A–U+202E, U+2066–U+2069), no half of a surrogate pair. Such text ends up in
 * official forms, registers, SMS and CSV exports, so it is refused where it comes in. Only request
 * bodies are checked: events and files the services read stay as tolerant as before. A number or a
 * true/false where text belongs is refused too, rather than stored as its digits.
 *
 * <p>Text that passes is kept in its composed form (NFC). Vietnamese keyboards may send "ễ" as one
 * code point or as "e" with two combining marks; stored as it came, one name would be two in a
 * register, a CSV export or a search, and a length limit would count its marks. For the same
 * reason the characters that show nothing and that copy-paste brings along (a zero-width space, a
 * byte-order mark, a soft hyphen, a word joiner, left-to-right and right-to-left marks) are
 * removed: what a person reads is what is stored. The zero-width joiner and non-joiner stay, as
 * emoji and some scripts are built with them.
 */
public final class RequestText {
    private RequestText() {
    }

    /** The module for the mapper that reads request bodies. */
    public static SimpleModule module() {
        return new SimpleModule("request-text").addDeserializer(String.class, new Checked());
    }

    /** The first code point a person's text must not hold, if any. */
    public static OptionalInt firstRefused(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (refused(c)) {
                return OptionalInt.of(c);
            }
        }
        return OptionalInt.empty();
    }

    /** Whether no text here may hold this code point: a control, a direction override, half of a pair. */
    public static boolean notAccepted(int codePoint) {
        return codePoint <= Character.MAX_VALUE && refused((char) codePoint);
    }

    private static boolean refused(char c) {
        boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
        boolean directionOverride = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
        return control || directionOverride || Character.isSurrogate(c);
    }

    /**
     * Text that does not come in a JSON body (a form field, a part of a multipart request) checked as
     * body text is: canonical (composed, nothing invisible), or refused with 400 {@code character-not-accepted} naming the field.
     */
    public static String accepted(String field, String text) {
        OptionalInt refused = firstRefused(text);
        if (refused.isPresent()) {
            throw ValueNotAccepted.character(field, refused.getAsInt());
        }
        return canonical(text);
    }

    /** The text without invisible characters, composed (NFC); the same string when it already is. */
    public static String canonical(String text) {
        String visible = withoutInvisible(text);
        return Normalizer.isNormalized(visible, Normalizer.Form.NFC) ? visible : Normalizer.normalize(visible, Normalizer.Form.NFC);
    }

    /** Every request's text passes here: a plain scan, and a copy only when something is removed. */
    private static String withoutInvisible(String text) {
        int first = 0;
        while (first < text.length() && !invisible(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first + 1; i < text.length(); i++) {
            if (!invisible(text.charAt(i))) {
                kept.append(text.charAt(i));
            }
        }
        return kept.toString();
    }

    private static boolean invisible(char c) {
        return c == '\u00ad' || c == '\u061c' || c == '\u180e' || c == '\u200b' || c == '\u200e' || c == '\u200f'
                || (c >= '\u2060' && c <= '\u2064') || c == '\ufeff';
    }

    private static final class Checked extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken().isNumeric() || parser.currentToken().isBoolean()) {
                // A name of true or an address of 1e308 is a client's mistake, not text to store.
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String value = super.deserialize(parser, context);
            if (value != null) {
                OptionalInt refused = firstRefused(value);
                if (refused.isPresent()) {
                    throw ValueNotAccepted.character(parser, value, refused.getAsInt());
                }
                return canonical(value);
            }
            return null;
        }
    }
}
