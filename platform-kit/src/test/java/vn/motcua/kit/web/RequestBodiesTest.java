package vn.motcua.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

class RequestBodiesTest {
    private final JsonMapper requests = RequestBodies.readerFrom(JsonMapper.builder().build());

    /** A payment at the counter, as a body carries one: every kind of scalar a request here holds. */
    record Payment(Long amount, int copies, Boolean urgent, BigDecimal rate, LocalDate day, Instant at, LocalTime start) {
    }

    @Test
    void valuesWrittenAsJsonWritesThemAreReadAsBefore() {
        Payment payment = requests.readValue("{\"amount\": 1200000, \"copies\": 2, \"urgent\": false, \"rate\": 1.5, \"day\": \"2026-12-07\","
                + " \"at\": \"2026-12-07T01:00:00Z\", \"start\": \"08:00\"}", Payment.class);

        assertThat(payment).isEqualTo(new Payment(1_200_000L, 2, false, new BigDecimal("1.5"), LocalDate.of(2026, 12, 7),
                Instant.parse("2026-12-07T01:00:00Z"), LocalTime.of(8, 0)));
    }

    @Test
    void aLookAlikeOfANumberAYesNoOrADateIsRefusedAtItsFieldRatherThanConverted() {
        Map<String, String> fieldOf = Map.ofEntries(
                Map.entry("{\"amount\": \"1200000\"}", "amount"),
                Map.entry("{\"amount\": \"1200000\\u0000\"}", "amount"),
                Map.entry("{\"amount\": \" 12 \"}", "amount"),
                Map.entry("{\"amount\": \"\"}", "amount"),
                Map.entry("{\"amount\": 1200000.9}", "amount"),
                Map.entry("{\"amount\": 1.0}", "amount"),
                Map.entry("{\"amount\": 1e6}", "amount"),
                Map.entry("{\"copies\": \"2\"}", "copies"),
                Map.entry("{\"copies\": 2.5}", "copies"),
                Map.entry("{\"urgent\": \"false\"}", "urgent"),
                Map.entry("{\"urgent\": 0}", "urgent"),
                Map.entry("{\"urgent\": \"\"}", "urgent"),
                Map.entry("{\"rate\": \"1.5\"}", "rate"),
                Map.entry("{\"day\": 20261207}", "day"),
                Map.entry("{\"day\": [2026, 12, 7]}", "day"),
                Map.entry("{\"day\": \"\"}", "day"),
                Map.entry("{\"at\": 1796605200}", "at"),
                Map.entry("{\"at\": 1.7966052E9}", "at"),
                Map.entry("{\"start\": [8, 0]}", "start"));

        fieldOf.forEach((body, field) -> {
            MismatchedInputException refused = catchThrowableOfType(MismatchedInputException.class,
                    () -> requests.readValue(body, Payment.class));

            assertThat(refused).as(body).isNotNull();
            assertThat(refused.getPath()).as(body).extracting(reference -> reference.getPropertyName()).containsExactly(field);
        });
    }

    @Test
    void theTextDateAndNameChecksStillApply() {
        record Named(String name, List<LocalDate> days) {
        }

        assertThat(catchThrowableOfType(RuntimeException.class, () -> requests.readValue("{\"name\": \"a\\u0000\"}", Named.class)))
                .hasMessageContaining("U+0000");
        assertThat(catchThrowableOfType(RuntimeException.class, () -> requests.readValue("{\"days\": [\"+10000-01-01\"]}", Named.class)))
                .hasMessageContaining("outside the years");
        assertThat(catchThrowableOfType(RuntimeException.class, () -> requests.readValue("{\"name\": 1}", Named.class))).isNotNull();
        assertThat(catchThrowableOfType(RuntimeException.class, () -> requests.readValue("{\"name\": \"a\", \"name\": \"b\"}",
                Named.class))).isNotNull();
    }
}
