package vn.motcua.kit.problem;

import java.util.stream.Collectors;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.InvalidFormatException;

/** A request body's text that holds a character no person's text holds (a control, a direction override). */
public class CharacterNotAccepted extends InvalidFormatException {
    private final int codePoint;

    public CharacterNotAccepted(JsonParser parser, String value, int codePoint) {
        super(parser, "The text holds U+%04X, which is not accepted".formatted(codePoint), value, String.class);
        this.codePoint = codePoint;
    }

    public ApiProblem problem() {
        String field = field();
        String character = "U+%04X".formatted(codePoint);
        return ApiProblem.badRequest("character-not-accepted", "The field " + field + " holds " + character
                + ", a control or direction-override character that no text here may hold").with("field", field)
                .with("character", character);
    }

    /** The field that held it, as a dotted path ({@code applicant.fullName}, {@code items[2]}). */
    private String field() {
        return getPath().stream().map(reference -> reference.getPropertyName() != null ? "." + reference.getPropertyName()
                : "[" + reference.getIndex() + "]").collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
