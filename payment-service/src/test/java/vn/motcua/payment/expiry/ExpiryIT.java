package vn.motcua.payment.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Topics;
import vn.motcua.payment.PaymentSteps;
import vn.motcua.payment.ProviderSimulatorProcess;
import vn.motcua.payment.WithProviderSimulator;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.PaymentOrderRepository;
import vn.motcua.payment.ordering.PaymentStatus;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.KafkaProbe;

class ExpiryIT extends WithProviderSimulator {
    @Autowired
    MockMvc mvc;
    @Autowired
    PaymentOrderRepository orders;
    @Autowired
    ExpiresOrders expiry;
    PaymentSteps steps;

    @BeforeEach
    void steps() {
        steps = new PaymentSteps(mvc, orders);
    }

    @Test
    void anUnpaidOrderExpiresAndIsToldAndAConfirmationArrivingLaterStillCompletesIt() throws Exception {
        String code = EventMother.newDossierCode();
        String id = steps.intakeOrder(code, 55_000);
        PaymentSteps.Checkout checkout = steps.checkout(id, CITIZEN_1);
        // The payer has the provider's page open but has not decided when the order's time runs out.
        ProviderSimulatorProcess.get(checkout.paymentUrl().getPath() + "?" + checkout.paymentUrl().getRawQuery());

        expiry.expireDue(afterPayBy(id));
        assertThat(orders.findById(id).orElseThrow().status()).isEqualTo(PaymentStatus.EXPIRED);
        assertThat(KafkaProbe.await(Topics.PAYMENT, r -> code.equals(r.key()) && "PaymentExpired".equals(KafkaProbe.header(r,
                CloudEventHeaders.TYPE)), Duration.ofSeconds(20)).value()).contains("\"amount\":55000");

        ProviderSimulatorProcess.send("POST", "/paymentv2/decide", "txnRef=" + checkout.reference() + "&outcome=approve");
        PaymentOrder paid = steps.awaitOrder(id, o -> o.status() == PaymentStatus.COMPLETED);
        assertThat(paid.paidAfterExpiry()).isTrue();
    }

    @Test
    void beforeExpiringTheProviderIsAskedAndAPaymentWhoseNotificationWasLostCompletesTheOrder() throws Exception {
        String id = steps.intakeOrder(EventMother.newDossierCode(), 65_000);
        PaymentSteps.Checkout checkout = steps.checkout(id, CITIZEN_1);
        ProviderSimulatorProcess.pay(checkout.paymentUrl(), checkout.reference(), "approve", false);
        Thread.sleep(300);
        assertThat(orders.findById(id).orElseThrow().status()).isEqualTo(PaymentStatus.REQUESTED);

        expiry.expireDue(afterPayBy(id));
        PaymentOrder paid = orders.findById(id).orElseThrow();
        assertThat(paid.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(paid.paidAfterExpiry()).isFalse();
    }

    private Instant afterPayBy(String id) {
        return orders.findById(id).orElseThrow().payBy().plus(Duration.ofMinutes(1));
    }
}
