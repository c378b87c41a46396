package vn.motcua.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.format.support.FormattingConversionService;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.problem.ValueNotAccepted;

class RequestDatesTest {
    private final JsonMapper requests = JsonMapper.builder().addModule(RequestDates.module()).build();

    record Window(LocalDate from, List<LocalDate> daysOff, LocalTime start, Instant at) {
    }

    @Test
    void datesOfTheYearsWrittenHereAreReadAsBefore() {
        Window window = requests.readValue("{\"from\": \"2026-12-07\", \"daysOff\": [\"0001-01-01\", \"9999-12-31\"], \"start\": \"08:00\","
                + " \"at\": \"2026-12-04T03:00:00Z\"}", Window.class);

        assertThat(window).isEqualTo(new Window(LocalDate.of(2026, 12, 7), List.of(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)),
                LocalTime.of(8, 0), Instant.parse("2026-12-04T03:00:00Z")));
    }

    @Test
    void anExpandedYearIsRefusedNamingTheField() {
        ValueNotAccepted far = catchThrowableOfType(ValueNotAccepted.class, () -> requests.readValue(
                "{\"from\": \"2026-12-07\", \"daysOff\": [\"2027-01-01\", \"+10000-01-01\"]}", Window.class));
        ValueNotAccepted before = catchThrowableOfType(ValueNotAccepted.class, () -> requests.readValue(
                "{\"from\": \"-999999999-01-01\"}", Window.class));
        ValueNotAccepted instant = catchThrowableOfType(ValueNotAccepted.class, () -> requests.readValue(
                "{\"at\": \"+20000-01-01T00:00:00Z\"}", Window.class));

        assertThat(far.problem().toProblemDetail().getType()).isEqualTo(ApiProblem.typeOf("date-out-of-range"));
        assertThat(far.problem().toProblemDetail().getProperties()).containsEntry("field", "daysOff[1]");
        assertThat(before.problem().toProblemDetail().getProperties()).containsEntry("field", "from");
        assertThat(instant.problem().toProblemDetail().getProperties()).containsEntry("field", "at");
    }

    @Test
    void aParameterIsParsedWithTheSameBound() {
        FormattingConversionService conversions = new FormattingConversionService();
        RequestDates.addFormatters(conversions);

        assertThat(conversions.convert("2026-12-07", LocalDate.class)).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(catchThrowableOfType(ConversionFailedException.class, () -> conversions.convert("-999999999-01-01", LocalDate.class)))
                .rootCause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the years 1 to 9999");
    }
}
