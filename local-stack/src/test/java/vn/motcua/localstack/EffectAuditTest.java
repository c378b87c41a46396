package vn.motcua.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class EffectAuditTest {
    private static final List<String> ACKNOWLEDGED = List.of("LHAAAA2222", "LHBBBB3333");

    @Test
    void everyAcknowledgedBookingHeldWhereItShouldBeIsClean() {
        List<List<String>> slots = List.of(holding("LHAAAA2222", "LHBBBB3333"));

        EffectAudit.Row row = EffectAudit.heldBy("place", ACKNOWLEDGED, code -> 1L, slots);

        assertThat(row).isEqualTo(new EffectAudit.Row("place", 2, 2, 0, 0, false));
        assertThat(row.clean()).isTrue();
    }

    @Test
    void aPlaceKeptForABookingThatDoesNotExistIsCountedAgainstTheAudit() {
        // An attempt that took a place and failed before storing its booking, and never gave the place back.
        List<List<String>> slots = List.of(holding("LHAAAA2222", "LHDEAD9999"), holding("LHBBBB3333"));

        EffectAudit.Row row = EffectAudit.heldBy("place", ACKNOWLEDGED, code -> 1L, slots);

        assertThat(row.duplicated()).isEqualTo(1);
        assertThat(row.lost()).isZero();
        assertThat(row.clean()).isFalse();
    }

    @Test
    void aBookingMissingFromOneOfItsHoldersIsLost() {
        // Shares under the citizen and the phone: the second booking's phone share is missing.
        List<List<String>> holders = List.of(holding("LHAAAA2222"), holding("LHAAAA2222"), holding("LHBBBB3333"));

        EffectAudit.Row row = EffectAudit.heldBy("shares", ACKNOWLEDGED, code -> 2L, holders);

        assertThat(row.found()).isEqualTo(1);
        assertThat(row.lost()).isEqualTo(1);
        assertThat(row.clean()).isFalse();
    }

    @Test
    void aPlaceStillHeldForABookingTheCitizenCancelledIsCountedAgainstTheAudit() {
        List<List<String>> slots = List.of(holding("LHAAAA2222", "LHBBBB3333"));

        EffectAudit.Row row = EffectAudit.heldBy("place", ACKNOWLEDGED, code -> code.equals("LHBBBB3333") ? 0L : 1L, slots);

        assertThat(row.duplicated()).isEqualTo(1);
        assertThat(row.clean()).isFalse();
    }

    @Test
    void aHoldersSharesAreTheBookingCodesItKeepsADayForAndAConfirmedBookingsOnlyOnItsOwnDay() {
        Document holder = new Document("_id", "citizen:001234567890").append("active", 3).append("held",
                new Document("LHAAAA2222", "TT-HUYEN|2026-12-07").append("LHBBBB3333", "TT-HUYEN|2026-12-08")
                        .append("LHDEAD9999", "TT-HUYEN|2026-12-09"));
        // LHBBBB3333 was moved to the 10th, and its share stayed on the 8th.
        Map<String, String> confirmedDayOf = Map.of("LHAAAA2222", "TT-HUYEN|2026-12-07", "LHBBBB3333", "TT-HUYEN|2026-12-10");

        assertThat(EffectAudit.sharesOf(holder, confirmedDayOf)).as("the moved booking's share is on the wrong day; the dead"
                + " attempt's is kept for nobody").containsExactlyInAnyOrder("LHAAAA2222", "LHDEAD9999");
        assertThat(EffectAudit.sharesOf(new Document("_id", "phone:0970000000"), confirmedDayOf)).isEmpty();
    }

    private static List<String> holding(String... bookings) {
        return List.of(bookings);
    }
}
