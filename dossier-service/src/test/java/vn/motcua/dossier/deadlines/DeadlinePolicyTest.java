package vn.motcua.dossier.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DeadlinePolicyTest {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private final WorkingCalendar calendar = CalendarSeed.calendar(JsonMapper.builder().build(), "calendar/working-calendar.json");
    private final DeadlinePolicy policy = new DeadlinePolicy(calendar, HANOI, LocalTime.of(16, 30), 2,
                    new DeadlinePolicy.Reappointment(1, 1));

    private static Instant hanoi(String dateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(dateTime), HANOI).toInstant();
    }

    @Test
    void weekendsHolidaysAndCompensatoryDaysAreNotWorkingDays() {
        // Tuesday; Vietnamese Culture Day, decided as a paid day off in principle but not in the Labour Code yet
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-24"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-28"))).isFalse();  // Saturday
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-17"))).isFalse();  // Tết
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-04-27"))).isFalse();  // Hùng Kings, compensatory Monday
        // New Year 2026 (12729/VPCP-KGVX): Friday 2/1 off, worked on Saturday 10/1 instead; Saturday 3/1 is off
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-02"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-10"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-03"))).isFalse();
    }

    @Test
    void aDossierReceivedBeforeTheCutOffCountsFromThatDay() {
        // Tuesday 24/11 10:00 + 5 working days = Tuesday 1/12
        assertThat(policy.dueDate(hanoi("2026-11-24T10:00"), 5)).isEqualTo(LocalDate.parse("2026-12-01"));
    }

    @Test
    void aDossierReceivedAfterTheCutOffCountsFromTheNextWorkingDay() {
        assertThat(policy.countingDay(hanoi("2026-11-24T16:45"))).isEqualTo(LocalDate.parse("2026-11-25"));
        assertThat(policy.dueDate(hanoi("2026-11-24T16:45"), 5)).isEqualTo(LocalDate.parse("2026-12-02"));
        // Friday afternoon and Saturday count from Monday
        assertThat(policy.countingDay(hanoi("2026-11-27T17:00"))).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(policy.countingDay(hanoi("2026-11-28T09:00"))).isEqualTo(LocalDate.parse("2026-11-30"));
    }

    @Test
    void holidaysStretchTheDueDate() {
        // Received Thursday 23/4/2026; 27/4 (compensatory), 30/4 and 1/5 are off, plus the weekends.
        assertThat(policy.dueDate(hanoi("2026-04-23T09:00"), 5)).isEqualTo(LocalDate.parse("2026-05-05"));
    }

    @Test
    void aPauseGivesBackTheWorkingDaysLeft() {
        LocalDate due = LocalDate.parse("2026-12-01");
        int left = policy.workingDaysLeft(hanoi("2026-11-26T09:00"), due); // Thursday: Fri, Mon, Tue left
        assertThat(left).isEqualTo(3);
        // resumed Wednesday 2/12 morning: Thu, Fri, Mon
        assertThat(policy.resumedDueDate(hanoi("2026-12-02T09:00"), left)).isEqualTo(LocalDate.parse("2026-12-07"));
    }

    @Test
    void atRiskAndOverdueAreCountedInWorkingDays() {
        LocalDate due = LocalDate.parse("2026-11-30"); // Monday
        assertThat(policy.isAtRisk(due, LocalDate.parse("2026-11-26"))).isTrue();  // Fri, Mon left
        assertThat(policy.isAtRisk(due, LocalDate.parse("2026-11-25"))).isFalse(); // Thu, Fri, Mon left
        assertThat(policy.isOverdue(due, LocalDate.parse("2026-11-30"))).isFalse();
        assertThat(policy.isOverdue(due, LocalDate.parse("2026-12-01"))).isTrue();
    }

    @Test
    void aYearWithoutDataIsAClearError() {
        assertThatThrownBy(() -> policy.dueDate(hanoi("2031-03-03T09:00"), 3))
                .isInstanceOf(CalendarYearMissing.class)
                .hasMessageContaining("2031");
    }
}
