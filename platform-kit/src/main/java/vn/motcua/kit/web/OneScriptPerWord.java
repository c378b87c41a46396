package vn.motcua.kit.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.Character.UnicodeScript;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A person's name whose every word is written in one script: "Nguyễn Vаn An" with a Cyrillic "а"
 * reads as the name on the citizen's card and is another string, which no register, search or
 * match against the population database finds. Words of different scripts side by side pass
 * (a foreigner's name in Cyrillic, a Vietnamese one in Latin), and so do the mixes a script's
 * own writing uses: Han with Hiragana and Katakana (Japanese), with Hangul (Korean), with Bopomofo.
 * Marks and digits belong to no script (Unicode's "Common" and "Inherited").
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OneScriptPerWord.Check.class)
public @interface OneScriptPerWord {
    String message() default "mixes letters of different scripts in one word (a letter that looks Latin but is Cyrillic or Greek?)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<OneScriptPerWord, String> {
        private static final List<Set<UnicodeScript>> WRITING_SYSTEMS = List.of(
                EnumSet.of(UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA),
                EnumSet.of(UnicodeScript.HAN, UnicodeScript.HANGUL), EnumSet.of(UnicodeScript.HAN, UnicodeScript.BOPOMOFO));

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            return text == null || wordsOfOneScript(text);
        }

        static boolean wordsOfOneScript(String text) {
            Set<UnicodeScript> word = EnumSet.noneOf(UnicodeScript.class);
            for (int i = 0; i < text.length(); ) {
                int codePoint = text.codePointAt(i);
                i += Character.charCount(codePoint);
                if (!Character.isLetter(codePoint)) {
                    if (!oneWritingSystem(word)) {
                        return false;
                    }
                    word.clear();
                    continue;
                }
                UnicodeScript script = UnicodeScript.of(codePoint);
                if (script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED) {
                    word.add(script);
                }
            }
            return oneWritingSystem(word);
        }

        private static boolean oneWritingSystem(Set<UnicodeScript> scripts) {
            return scripts.size() <= 1 || WRITING_SYSTEMS.stream().anyMatch(system -> system.containsAll(scripts));
        }
    }
}
