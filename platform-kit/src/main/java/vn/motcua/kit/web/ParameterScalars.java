package vn.motcua.kit.web;

import java.beans.PropertyEditorSupport;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Whole numbers and yes/no in query and path parameters are read as they are written, as in a
 * body (RequestBodies). Spring's own editors strip every space inside the digits and read hex and
 * other scripts' digits: {@code ?size=1%202} was a page of 12, {@code ?limit=0x10} and
 * {@code ?limit=%2310} a limit of 16; a yes/no took {@code yes}, {@code on}, {@code 1} and their
 * opposites. Now a whole number is an optional sign and the digits 0–9, a yes/no is {@code true} or
 * {@code false} (in any case), either with space around it or not; anything else is 400
 * {@code bad-parameter} naming the parameter. An empty or blank value is nothing, as before, so an
 * endpoint's default applies and a blank choice in a list filters nothing.
 *
 * <p>They are editors, not converters: the binder falls back to its lenient default editors when a
 * converter refuses a value, but takes a custom editor's refusal as final.
 */
@ControllerAdvice
public class ParameterScalars {
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]{1,19}");

    @InitBinder
    void readAsWritten(WebDataBinder binder) {
        register(binder);
    }

    /** Puts the strict editors on a binder. */
    public static void register(WebDataBinder binder) {
        for (Class<?> type : new Class<?>[] {int.class, Integer.class}) {
            binder.registerCustomEditor(type, editor(text -> Integer.valueOf(wholeNumber(text))));
        }
        for (Class<?> type : new Class<?>[] {long.class, Long.class}) {
            binder.registerCustomEditor(type, editor(text -> Long.valueOf(wholeNumber(text))));
        }
        for (Class<?> type : new Class<?>[] {boolean.class, Boolean.class}) {
            binder.registerCustomEditor(type, editor(ParameterScalars::yesOrNo));
        }
    }

    private static PropertyEditorSupport editor(Function<String, Object> read) {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                // A blank choice in a form is no choice, and a space around the value is the form's, not the caller's meaning.
                String value = text == null ? "" : text.strip();
                setValue(value.isEmpty() ? null : read.apply(value));
            }
        };
    }

    private static String wholeNumber(String text) {
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("not a whole number written with the digits 0 to 9");
        }
        return text;
    }

    private static Boolean yesOrNo(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not true or false");
        };
    }
}
