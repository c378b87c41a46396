package vn.motcua.payment.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.events.payment.PaymentRequested;
import vn.motcua.kit.outbox.Changed;

class PaymentOrderTest {
    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
    private static final Instant PAY_BY = Instant.parse("2026-12-01T03:00:00Z");

    @Test
    void anOrderIsOpenedForTheStageOfADossierAndAnnouncedOnce() {
        Changed<PaymentOrder> opened = PaymentOrder.open("000.10.20.H29-261124-0001", "001090000001", FeeStage.INTAKE,
                1_200_000, NOW, PAY_BY, "event-1");

        PaymentOrder order = opened.aggregate();
        assertThat(order.id()).isEqualTo("PAY-000.10.20.H29-261124-0001-INTAKE");
        assertThat(order.status()).isEqualTo(PaymentStatus.REQUESTED);
        assertThat(order.amount()).isEqualTo(1_200_000);
        assertThat(opened.events()).containsExactly(new PaymentRequested(order.id(), "000.10.20.H29-261124-0001",
                "001090000001", FeeStage.INTAKE, 1_200_000, PaymentOrder.CURRENCY, NOW, PAY_BY));
    }

    @Test
    void theIdComesFromTheDossierAndTheStageSoTheSameStageNeverGetsTwoOrders() {
        assertThat(PaymentOrder.open("D-1", "c", FeeStage.INTAKE, 1, NOW, PAY_BY, "e1").aggregate().id())
                .isEqualTo(PaymentOrder.open("D-1", "c", FeeStage.INTAKE, 1, NOW, PAY_BY, "e2").aggregate().id());
        assertThat(PaymentOrder.idFor("D-1", FeeStage.INTAKE)).isNotEqualTo(PaymentOrder.idFor("D-1", FeeStage.OBLIGATION));
    }
}
