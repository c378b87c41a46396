package vn.motcua.payment.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.CITIZEN_2;
import static vn.motcua.testinfra.CallerMother.citizen;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Topics;
import vn.motcua.payment.PaymentSteps;
import vn.motcua.payment.ProviderSimulatorProcess;
import vn.motcua.payment.WithProviderSimulator;
import vn.motcua.payment.ordering.Attempt;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.PaymentOrderMother;
import vn.motcua.payment.ordering.PaymentStatus;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.KafkaProbe;

class ExpiryIT extends WithProviderSimulator {
    @Autowired
    ExpiresOrders expiry;
    @Autowired
    LapsedAttempts lapsedAttempts;

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
    void anOrderWhosePageIsStillOpenAtItsPayByTimeExpiresOnlyOnceThePageHasClosed() {
        Instant now = Instant.now();
        // Due a week less a minute ago: its pay-by time is a minute away, and a page begun now stays open fifteen.
        PaymentOrder order = PaymentOrderMother.intakeFeeOf(CITIZEN_1, EventMother.newDossierCode(), true,
                now.minus(Duration.ofDays(7)).plus(Duration.ofMinutes(1)));
        Attempt page = order.begin("MCOPEN" + System.nanoTime() % 1_000_000_000L, now, now.plus(Duration.ofMinutes(15)));
        orders.insert(order);

        expiry.expireDue(now.plus(Duration.ofMinutes(2)));
        assertThat(orders.findById(order.id()).orElseThrow().status()).as("the citizen may be paying on it").isEqualTo(
                PaymentStatus.REQUESTED);
        expiry.expireDue(page.expiresAt().plusSeconds(1));
        assertThat(orders.findById(order.id()).orElseThrow().status()).as("closed, and unknown to the provider")
                .isEqualTo(PaymentStatus.EXPIRED);
    }

    @Test
    void anExpiredOrderIsStillPaidOnlineByItsOwnerAndNobodyElse() throws Exception {
        String id = steps.intakeOrder(EventMother.newDossierCode(), 58_000);
        expiry.expireDue(afterPayBy(id));
        assertThat(orders.findById(id).orElseThrow().status()).isEqualTo(PaymentStatus.EXPIRED);

        mvc.perform(post("/api/v1/payments/{id}/checkout", id).with(citizen(CITIZEN_2)).header("Idempotency-Key", UUID.randomUUID()))
                .andExpect(status().isNotFound());
        PaymentSteps.Checkout late = steps.checkout(id, CITIZEN_1);
        ProviderSimulatorProcess.pay(late.paymentUrl(), late.reference(), "approve", true);

        PaymentOrder paid = steps.awaitOrder(id, o -> o.status() == PaymentStatus.COMPLETED);
        assertThat(paid.paidAfterExpiry()).isTrue();
        assertThat(paid.paidAttempt().orElseThrow().reference()).isEqualTo(late.reference());
    }

    @Test
    void beforeExpiringTheProviderIsAskedAndAPaymentWhoseNotificationWasLostCompletesTheOrder() throws Exception {
        String id = steps.intakeOrder(EventMother.newDossierCode(), 65_000);
        PaymentSteps.Checkout checkout = steps.checkout(id, CITIZEN_1);
        var redirect = ProviderSimulatorProcess.pay(checkout.paymentUrl(), checkout.reference(), "approve", false);
        // The browser comes back saying "paid", but only the provider's IPN or its query API change an order.
        String returned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + ProviderSimulatorProcess.SERVICE_PORT + "/api/v1/payments/provider/return?"
                + redirect.headers().firstValue("Location").orElseThrow().split("\\?", 2)[1])).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(returned).contains("\"providerCode\":\"00\"").contains("\"orderStatus\":\"REQUESTED\"");
        Thread.sleep(300);
        assertThat(orders.findById(id).orElseThrow().status()).isEqualTo(PaymentStatus.REQUESTED);

        expiry.expireDue(afterPayBy(id));
        PaymentOrder paid = orders.findById(id).orElseThrow();
        assertThat(paid.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(paid.paidAfterExpiry()).isFalse();
    }

    @Test
    void aPaymentWhoseNotificationWasLostCompletesTheOrderMinutesAfterItsPageClosedNotAtThePayByTime() throws Exception {
        String id = steps.intakeOrder(EventMother.newDossierCode(), 75_000);
        PaymentSteps.Checkout checkout = steps.checkout(id, CITIZEN_1);
        ProviderSimulatorProcess.pay(checkout.paymentUrl(), checkout.reference(), "approve", false);
        Instant closed = attemptOf(id, checkout.reference()).expiresAt();

        settleLapsedAttempts(closed.plus(Duration.ofMinutes(4)));
        assertThat(orders.findById(id).orElseThrow().status()).as("within the grace the notification may yet come")
                .isEqualTo(PaymentStatus.REQUESTED);

        settleLapsedAttempts(closed.plus(Duration.ofMinutes(6)));
        PaymentOrder paid = orders.findById(id).orElseThrow();
        assertThat(paid.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(paid.attempt(checkout.reference()).orElseThrow().state()).isEqualTo(Attempt.State.SUCCEEDED);
        assertThat(paid.payBy()).isAfter(closed.plus(Duration.ofDays(1)));
    }

    @Test
    void anAttemptTheProviderKnowsNoAnswerToLapsesIsNotAskedAboutAgainAndItsLateAnswerStillCounts() throws Exception {
        String code = EventMother.newDossierCode();
        String id = steps.intakeOrder(code, 85_000);
        PaymentSteps.Checkout abandoned = steps.checkout(id, CITIZEN_1);
        PaymentSteps.Checkout late = steps.checkout(id, CITIZEN_1);
        // One page closed without a decision; the other is still open at the provider when its time (here, the test's clock) is up.
        ProviderSimulatorProcess.get(late.paymentUrl().getPath() + "?" + late.paymentUrl().getRawQuery());
        Instant closed = attemptOf(id, abandoned.reference()).expiresAt();

        settleLapsedAttempts(closed.plus(Duration.ofMinutes(6)));
        PaymentOrder order = orders.findById(id).orElseThrow();
        assertThat(order.attempts()).extracting(Attempt::state).containsOnly(Attempt.State.LAPSED);
        assertThat(order.status()).isEqualTo(PaymentStatus.REQUESTED);
        assertThat(lapsedAttempts.settleDue(closed.plus(Duration.ofMinutes(7)))).as("nothing is asked twice").isZero();

        expiry.expireDue(afterPayBy(id));
        assertThat(orders.findById(id).orElseThrow().status()).isEqualTo(PaymentStatus.EXPIRED);

        ProviderSimulatorProcess.send("POST", "/paymentv2/decide", "txnRef=" + late.reference() + "&outcome=approve");
        PaymentOrder paid = steps.awaitOrder(id, o -> o.status() == PaymentStatus.COMPLETED);
        assertThat(paid.attempt(late.reference()).orElseThrow().state()).isEqualTo(Attempt.State.SUCCEEDED);
        assertThat(paid.attempt(abandoned.reference()).orElseThrow().state()).isEqualTo(Attempt.State.LAPSED);
        assertThat(paid.paidAfterExpiry()).isTrue();
    }

    /** Other classes' orders share the database, so rounds run until one finds nothing more to ask. */
    private void settleLapsedAttempts(Instant now) {
        for (int round = 0; round < 20 && lapsedAttempts.settleDue(now) > 0; round++) {
            // another round: a round reads at most a batch of orders
        }
    }

    private Attempt attemptOf(String id, String reference) {
        return orders.findById(id).orElseThrow().attempt(reference).orElseThrow();
    }

    private Instant afterPayBy(String id) {
        return orders.findById(id).orElseThrow().payBy().plus(Duration.ofMinutes(1));
    }
}
