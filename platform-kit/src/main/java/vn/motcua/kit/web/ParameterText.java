package vn.motcua.kit.web;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Text in query, form and path parameters and in request headers read by a controller, checked as
 * body text is: a control or direction-override character is refused with 400
 * {@code character-not-accepted} naming the parameter, and what passes is kept canonical
 * (composed, nothing invisible). An agency code holding U+202E was answered 422 "no agency with
 * code ...", the character echoed back. A map of all parameters (a provider's signed callback) is
 * left as sent: its signature covers the bytes.
 */
@ControllerAdvice
public class ParameterText {

    @InitBinder
    void checkText(WebDataBinder binder) {
        // A parameter's binder is named after the parameter.
        String parameter = binder.getObjectName();
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null ? null : RequestText.accepted(parameter, text));
            }
        });
    }
}
