package vn.motcua.appointment.offices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfficeTest {
    private static final Office OFFICE = new Office("X", "000.10.20.30.H29", "Một cửa", 30,
            Map.of("MON-FRI", List.of("07:30-11:30", "13:30-17:00"), "SAT", List.of("07:30-09:00")), 12, 10, 10,
            List.of(new Office.Counter("Q1", "Hộ tịch", "A", List.of("Hộ tịch"), List.of(), 3),
                    new Office.Counter("Q2", "Đất đai", "B", List.of("Đất đai"), List.of("2.000010"), 3),
                    new Office.Counter("Q3", "Trả kết quả", "C", List.of(), List.of(), 4)));

    @Test
    void aDaysSlotsFollowTheHoursAndSlotLengthAndNeverRunPastClosing() {
        List<Office.Slot> monday = OFFICE.slotsOn(LocalDate.of(2026, 12, 7), false);
        assertThat(monday).hasSize(8 + 7);
        assertThat(monday.getFirst()).isEqualTo(new Office.Slot(LocalTime.of(7, 30), LocalTime.of(8, 0)));
        assertThat(monday.getLast()).isEqualTo(new Office.Slot(LocalTime.of(16, 30), LocalTime.of(17, 0)));
        assertThat(OFFICE.slotsOn(LocalDate.of(2026, 12, 5), false)).extracting(Office.Slot::start)
                .containsExactly(LocalTime.of(7, 30), LocalTime.of(8, 0), LocalTime.of(8, 30));
        assertThat(OFFICE.slotsOn(LocalDate.of(2026, 12, 5), true)).hasSize(15);
        assertThat(OFFICE.slotsOn(LocalDate.of(2026, 12, 6), false)).isEmpty();
    }

    @Test
    void aVisitGoesToTheCounterListingItsProcedureOrFieldBeforeTheCatchAllOne() {
        assertThat(OFFICE.counterFor("1.000001", "Hộ tịch")).map(Office.Counter::id).hasValue("Q1");
        assertThat(OFFICE.counterFor("2.000010", "Hoạt động xây dựng")).map(Office.Counter::id).hasValue("Q2");
        assertThat(OFFICE.counterFor("2.000015", "An toàn thực phẩm")).map(Office.Counter::id).hasValue("Q3");
        assertThat(OFFICE.counterFor(null, null)).map(Office.Counter::id).hasValue("Q3");
    }
}
