package vn.motcua.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.TypeMismatchException;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.web.bind.WebDataBinder;

/** Through a binder as MVC sets one up: a conversion service, and Spring's default editors behind it. */
class ParameterScalarsTest {
    private final WebDataBinder binder = binder();

    private static WebDataBinder binder() {
        WebDataBinder binder = new WebDataBinder(null, "limit");
        binder.setConversionService(new DefaultFormattingConversionService());
        ParameterScalars.register(binder);
        return binder;
    }

    @Test
    void numbersAndYesNoWrittenPlainlyAreReadAsBefore() {
        assertThat(binder.convertIfNecessary("20", int.class)).isEqualTo(20);
        assertThat(binder.convertIfNecessary("-3", Integer.class)).isEqualTo(-3);
        assertThat(binder.convertIfNecessary("+5", long.class)).isEqualTo(5L);
        assertThat(binder.convertIfNecessary("010", int.class)).isEqualTo(10);
        assertThat(binder.convertIfNecessary("true", boolean.class)).isTrue();
        assertThat(binder.convertIfNecessary("FALSE", Boolean.class)).isFalse();
        assertThat(binder.convertIfNecessary("", Integer.class)).isNull();
        assertThat(binder.convertIfNecessary("", Boolean.class)).isNull();
        assertThat(binder.convertIfNecessary(" ", Integer.class)).as("a blank choice is none").isNull();
        assertThat(binder.convertIfNecessary(" 7\t", int.class)).isEqualTo(7);
        assertThat(binder.convertIfNecessary(" true", Boolean.class)).isTrue();
    }

    @Test
    void spacesInsideDigitsHexOtherDigitsAndOtherWordsForYesAreRefusedRatherThanGuessed() {
        for (String number : List.of("1 2", "1\t2", "0x10", "#10", "1e3", "1.0", "99999999999999999999", "٣")) {
            assertThat(catchThrowableOfType(TypeMismatchException.class, () -> binder.convertIfNecessary(number, int.class)))
                    .as(number).isNotNull();
            assertThat(catchThrowableOfType(TypeMismatchException.class, () -> binder.convertIfNecessary(number, Long.class)))
                    .as(number).isNotNull();
        }
        for (String yesNo : List.of("yes", "on", "1", "off", "no", "0", "t rue")) {
            assertThat(catchThrowableOfType(TypeMismatchException.class, () -> binder.convertIfNecessary(yesNo, Boolean.class)))
                    .as(yesNo).isNotNull();
        }
    }
}
