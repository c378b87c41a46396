package vn.motcua.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class EffectAuditTest {
    private static final List<String> ACKNOWLEDGED = List.of("LHAAAA2222", "LHBBBB3333");

    @Test
    void everyAcknowledgedBookingHeldWhereItShouldBeIsClean() {
        List<Document> slots = List.of(holding("LHAAAA2222", "LHBBBB3333"));

        EffectAudit.Row row = EffectAudit.heldBy("place", ACKNOWLEDGED, code -> 1L, slots);

        assertThat(row).isEqualTo(new EffectAudit.Row("place", 2, 2, 0, 0, false));
        assertThat(row.clean()).isTrue();
    }

    @Test
    void aPlaceKeptForABookingThatDoesNotExistIsCountedAgainstTheAudit() {
        // An attempt that took a place and failed before storing its booking, and never gave the place back.
        List<Document> slots = List.of(holding("LHAAAA2222", "LHDEAD9999"), holding("LHBBBB3333"));

        EffectAudit.Row row = EffectAudit.heldBy("place", ACKNOWLEDGED, code -> 1L, slots);

        assertThat(row.duplicated()).isEqualTo(1);
        assertThat(row.lost()).isZero();
        assertThat(row.clean()).isFalse();
    }

    @Test
    void aBookingMissingFromOneOfItsHoldersIsLost() {
        // Shares under the citizen and the phone: the second booking's phone share is missing.
        List<Document> holders = List.of(holding("LHAAAA2222"), holding("LHAAAA2222"), holding("LHBBBB3333"));

        EffectAudit.Row row = EffectAudit.heldBy("shares", ACKNOWLEDGED, code -> 2L, holders);

        assertThat(row.found()).isEqualTo(1);
        assertThat(row.lost()).isEqualTo(1);
        assertThat(row.clean()).isFalse();
    }

    @Test
    void aPlaceStillHeldForABookingTheCitizenCancelledIsCountedAgainstTheAudit() {
        List<Document> slots = List.of(holding("LHAAAA2222", "LHBBBB3333"));

        EffectAudit.Row row = EffectAudit.heldBy("place", ACKNOWLEDGED, code -> code.equals("LHBBBB3333") ? 0L : 1L, slots);

        assertThat(row.duplicated()).isEqualTo(1);
        assertThat(row.clean()).isFalse();
    }

    private static Document holding(String... bookings) {
        return new Document("bookings", List.of(bookings));
    }
}
