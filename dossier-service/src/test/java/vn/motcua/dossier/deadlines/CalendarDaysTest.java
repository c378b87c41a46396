package vn.motcua.dossier.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.kit.problem.ApiProblem;

class CalendarDaysTest {
    private static final LocalDate FRIDAY = LocalDate.parse("2026-01-02");
    private static final LocalDate SATURDAY = LocalDate.parse("2026-01-10");

    private static String refusal(List<LocalDate> daysOff, List<LocalDate> worked) {
        try {
            CalendarDays.validated(2026, daysOff, worked);
        } catch (ApiProblem problem) {
            return problem.toProblemDetail().getType().toString();
        }
        throw new AssertionError("accepted " + daysOff + " / " + worked);
    }

    @Test
    void aYearOfPossibleDaysIsAcceptedInOrder() {
        CalendarDays days = CalendarDays.validated(2026, List.of(FRIDAY, LocalDate.parse("2026-01-01")), List.of(SATURDAY));
        assertThat(days.daysOff()).containsExactly(LocalDate.parse("2026-01-01"), FRIDAY);
        assertThat(days.toYear().workingWeekendDays()).containsExactly(SATURDAY);
    }

    @Test
    void impossibleDaysAreRefusedNamingTheProblem() {
        assertThat(refusal(List.of(LocalDate.parse("2027-01-01")), List.of())).endsWith(":day-outside-year");
        assertThat(refusal(List.of(), List.of(LocalDate.parse("2025-12-27")))).endsWith(":day-outside-year");
        assertThat(refusal(List.of(SATURDAY), List.of())).endsWith(":day-off-on-weekend");
        assertThat(refusal(List.of(), List.of(FRIDAY))).endsWith(":worked-day-not-on-weekend");
        assertThat(refusal(List.of(FRIDAY, FRIDAY), List.of())).endsWith(":calendar-day-repeated");
        assertThatThrownBy(() -> CalendarDays.validated(2026, null, List.of())).isInstanceOf(ApiProblem.class);
    }

    @Test
    void aCorrectionNamesEveryDayWhoseStatusChanged() {
        CalendarDays published = CalendarDays.validated(2026, List.of(FRIDAY), List.of(LocalDate.parse("2026-01-03")));
        CalendarDays corrected = CalendarDays.validated(2026, List.of(FRIDAY, LocalDate.parse("2026-09-01")), List.of(SATURDAY));

        assertThat(corrected.changedFrom(published)).containsExactly(LocalDate.parse("2026-01-03"), SATURDAY,
                LocalDate.parse("2026-09-01"));
        assertThat(published.changedFrom(published)).isEmpty();
    }
}
