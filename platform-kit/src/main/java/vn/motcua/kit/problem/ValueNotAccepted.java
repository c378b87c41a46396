package vn.motcua.kit.problem;

import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * A value in a request body that no request may carry, whatever the endpoint: text with a control
 * or direction-override character, a date no calendar here uses. Answered 400 naming the field.
 */
public final class ValueNotAccepted extends InvalidFormatException {
    private static final String CHARACTER_NOT_ACCEPTED = "character-not-accepted";
    private final String slug;
    private final String what;
    private final String extraName;
    private final String extraValue;

    private ValueNotAccepted(JsonParser parser, Object value, Class<?> type, String slug, String what, String extraName,
            String extraValue) {
        super(parser, what, value, type);
        this.slug = slug;
        this.what = what;
        this.extraName = extraName;
        this.extraValue = extraValue;
    }

    public static ValueNotAccepted character(JsonParser parser, String value, int codePoint) {
        return new ValueNotAccepted(parser, value, String.class, CHARACTER_NOT_ACCEPTED, holdsCharacter(codePoint), "character",
                character(codePoint));
    }

    /** The same refusal for text that is not in a JSON body: a form field, a part of a multipart request. */
    public static ApiProblem character(String field, int codePoint) {
        return ApiProblem.badRequest(CHARACTER_NOT_ACCEPTED, "The field " + field + " " + holdsCharacter(codePoint)).with("field", field)
                .with("character", character(codePoint));
    }

    private static String character(int codePoint) {
        return "U+%04X".formatted(codePoint);
    }

    private static String holdsCharacter(int codePoint) {
        return "holds " + character(codePoint) + ", a control or direction-override character that no text here may hold";
    }

    public static ValueNotAccepted dateOutOfRange(JsonParser parser, Object value, int firstYear, int lastYear) {
        return new ValueNotAccepted(parser, value, value.getClass(), "date-out-of-range",
                "holds " + value + ", outside the years " + firstYear + " to " + lastYear + " that dates here are written in", "value",
                String.valueOf(value));
    }

    public ApiProblem problem() {
        String field = pathOf(this);
        return ApiProblem.badRequest(slug, "The field " + field + " " + what).with("field", field).with(extraName, extraValue);
    }

    /** The field a request body's value was read for, as a dotted path ({@code applicant.fullName}, {@code items[2]}). */
    static String pathOf(JacksonException reading) {
        return reading.getPath().stream().map(reference -> reference.getPropertyName() != null ? "." + reference.getPropertyName()
                : "[" + reference.getIndex() + "]").collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
