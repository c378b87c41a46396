package vn.motcua.simulators.postal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CourierTest {
    private static final Settings SETTINGS = Settings.parse("--secret=s", "--token-url=http://127.0.0.1:1/token", "--fail-every=3");

    private static List<String> stages(Shipment shipment, long number) {
        try (Courier courier = new Courier(SETTINGS, null, null)) {
            return courier.plan(shipment, number).stream().map(Courier.Step::progress).toList();
        }
    }

    @Test
    void aResultIsCarriedToTheDoorAndItsCashCollected() {
        Shipment result = new Shipment("RET-1", "RR100000003VN", false, "000.10.20.30.H29", "Nguyễn Văn An", "0912345678", 28_000);
        assertThat(stages(result, 1)).containsExactly("ACCEPTED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED",
                "CASH_COLLECTED");
        try (Courier courier = new Courier(SETTINGS, null, null)) {
            assertThat(courier.plan(result, 1).get(4).detail()).isEqualTo("Nguyễn Văn An");
            assertThat(courier.plan(result, 1).get(5).amount()).isEqualTo(28_000L);
        }
    }

    @Test
    void theAmountToCollectIsTheOneThePlatformLastGave() {
        Shipment result = new Shipment("RET-4", "RR100000042VN", false, "000.10.20.30.H29", "Nguyễn Văn An", "0912345678", 78_000);
        try (Courier courier = new Courier(SETTINGS, null, null)) {
            Courier.Step collection = courier.plan(result, 1).getLast();

            assertThat(courier.asCollectedNow(result, collection).amount()).isEqualTo(78_000L);
            courier.recollect(result.itemId(), 28_000);
            assertThat(courier.asCollectedNow(result, collection).amount()).as("postage only").isEqualTo(28_000L);
            courier.recollect(result.itemId(), 0);
            assertThat(courier.asCollectedNow(result, collection)).as("nothing left to collect").isNull();
        }
    }

    @Test
    void aRecipientNeverAtHomeOrEveryNthShipmentFailsThreeAttempts() {
        Shipment away = new Shipment("RET-2", "RR100000017VN", false, "000.10.20.30.H29", "Nguyễn Văn An", Settings.NEVER_AT_HOME, 0);
        assertThat(stages(away, 1)).endsWith("DELIVERY_FAILED", "DELIVERY_FAILED", "DELIVERY_FAILED").doesNotContain("DELIVERED");
        Shipment third = new Shipment("RET-3", "RR100000025VN", false, "000.10.20.30.H29", "Nguyễn Văn An", "0912345678", 0);
        assertThat(stages(third, 3)).contains("DELIVERY_FAILED").doesNotContain("DELIVERED");
        assertThat(stages(third, 4)).contains("DELIVERED").doesNotContain("CASH_COLLECTED");
    }

    @Test
    void aRecipientOutAtTheFirstAttemptIsServedOnTheNextRound() {
        Shipment result = new Shipment("RET-5", "RR100000056VN", false, "000.10.20.30.H29", "Nguyễn Văn An",
                Settings.HOME_ON_THE_SECOND_ROUND, 78_000);
        try (Courier courier = new Courier(SETTINGS, null, null)) {
            List<Courier.Step> plan = courier.plan(result, 1);

            assertThat(plan).extracting(Courier.Step::progress).containsExactly("ACCEPTED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY",
                    "DELIVERY_FAILED", "DELIVERED", "CASH_COLLECTED");
            assertThat(plan).extracting(Courier.Step::pause).containsExactly(1, 1, 1, 1, 1, Courier.NEXT_ROUND, 1);
        }
    }

    @Test
    void aPostmanTheAmendmentReachesTooLateCollectsTheAmountHeSetOutWith() {
        Shipment result = new Shipment("RET-6", "RR100000060VN", false, "000.10.20.30.H29", "Nguyễn Văn An", Settings.AMENDMENT_TOO_LATE,
                78_000);
        try (Courier courier = new Courier(SETTINGS, null, null)) {
            List<Courier.Step> plan = courier.plan(result, 1);
            assertThat(plan).extracting(Courier.Step::progress).contains("DELIVERY_FAILED", "DELIVERED", "CASH_COLLECTED");

            courier.recollect(result.itemId(), 28_000);
            assertThat(courier.asCollectedNow(result, plan.getLast()).amount()).isEqualTo(78_000L);
        }
    }

    @Test
    void aCollectedDossierIsSignedForByTheAgencysDesk() {
        Shipment pickup = new Shipment("PIC-1", "RR100000039VN", true, "000.10.20.30.H29", "Nguyễn Văn An", "0912345678", 0);
        try (Courier courier = new Courier(SETTINGS, null, null)) {
            List<Courier.Step> plan = courier.plan(pickup, 3);
            assertThat(plan).extracting(Courier.Step::progress).as("the postman says when he comes")
                    .startsWith("ACCEPTED", "PICKUP_SCHEDULED", "PICKED_UP");
            Instant at = Instant.parse("2026-12-08T00:20:00Z");
            assertThat(plan.get(1).window(at)).as("07:20 in Hà Nội: from 08:00 to 11:00 the same day")
                    .isEqualTo(new Courier.Window(Instant.parse("2026-12-08T01:00:00Z"), Instant.parse("2026-12-08T04:00:00Z")));
            assertThat(plan.get(2).window(at)).as("no window on other steps").isNull();
            assertThat(plan.getLast().progress()).as("every third fails a delivery to a door, not a collection").isEqualTo("DELIVERED");
            assertThat(plan.getLast().detail()).isEqualTo("Bộ phận một cửa 000.10.20.30.H29");
        }
    }

    @Test
    void aSenderNeverAtHomeIsCalledOnThreeTimesAndNothingIsCollected() {
        Shipment pickup = new Shipment("PIC-2", "RR100000047VN", true, "000.10.20.30.H29", "Nguyễn Văn An", Settings.NEVER_AT_HOME, 0);
        try (Courier courier = new Courier(SETTINGS, null, null)) {
            List<Courier.Step> plan = courier.plan(pickup, 1);
            assertThat(plan).extracting(Courier.Step::progress).containsExactly("ACCEPTED", "PICKUP_SCHEDULED", "PICKUP_FAILED",
                    "PICKUP_SCHEDULED", "PICKUP_FAILED", "PICKUP_SCHEDULED", "PICKUP_FAILED");
            assertThat(plan.get(6).detail()).isEqualTo("Không gặp người gửi (lần 3)");
            Instant at = Instant.parse("2026-12-08T00:20:00Z");
            assertThat(plan.get(5).window(at).from()).as("the third time, two days on").isEqualTo(Instant.parse("2026-12-10T01:00:00Z"));
        }
    }

    @Test
    void settingsSayWhatIsWrong() {
        assertThatThrownBy(() -> Settings.parse("--token-url=http://x")).hasMessageContaining("--secret=");
        assertThatThrownBy(() -> Settings.parse("--secret=s", "--token-url=http://x", "--duplicate-rate=2"))
                .hasMessageContaining("duplicate-rate");
        assertThatThrownBy(() -> Settings.parse("--secret=s", "--token-url=http://x", "--kafka-auth=plain"))
                .hasMessageContaining("kafka-auth");
        assertThat(Settings.parse("--secret=s", "--token-url=http://x").topic()).isEqualTo("postal.operator.postal-vnpost");
    }
}
