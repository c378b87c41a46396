package vn.motcua.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import vn.motcua.kit.problem.ApiProblem;

class PeriodsTest {
    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);

    @Test
    void aDayAndAYearWithItsLeapDayAreTaken() {
        Periods.check(FIRST, FIRST);
        Periods.check(FIRST, LocalDate.of(2024, 12, 31));
        Periods.check(FIRST, FIRST.plusDays(Periods.MAX_DAYS));
    }

    @Test
    void aPeriodThatRunsBackwardOrPastTheLongestIsOneMistakeWithOneAnswer() {
        for (LocalDate last : new LocalDate[] {FIRST.minusDays(1), FIRST.plusDays(Periods.MAX_DAYS + 1)}) {
            ApiProblem refused = catchThrowableOfType(ApiProblem.class, () -> Periods.check(FIRST, last));

            assertThat(refused).as(last.toString()).isNotNull();
            assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.toProblemDetail().getType()).isEqualTo(ApiProblem.typeOf("period-invalid"));
            assertThat(refused.toProblemDetail().getProperties()).containsEntry("from", "2024-01-01")
                    .containsEntry("to", last.toString()).containsEntry("maxDays", Periods.MAX_DAYS);
        }
    }
}
