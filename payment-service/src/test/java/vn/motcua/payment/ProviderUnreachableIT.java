package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.ops;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.events.Topics;
import vn.motcua.events.dossier.DossierWithdrawn;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.events.postal.CashCollected;
import vn.motcua.payment.expiry.LapsedAttempts;
import vn.motcua.payment.ordering.Attempt;
import vn.motcua.payment.ordering.CollectedTwice;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.PaymentOrderMother;
import vn.motcua.payment.ordering.PaymentOrderRepository;
import vn.motcua.payment.ordering.PaymentStatus;
import vn.motcua.payment.ordering.ProviderResult;
import vn.motcua.payment.refunds.UnfinishedGiveBacks;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;
import vn.motcua.testinfra.SimulatorProcess;

/** The provider's web API cannot be reached: nothing listens where it is configured. What needs it answers 503, and keeps what it recorded. */
@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class ProviderUnreachableIT {
    @Autowired
    MockMvc mvc;
    @Autowired
    PaymentOrderRepository orders;
    @Autowired
    LapsedAttempts lapsedAttempts;
    @Autowired
    UnfinishedGiveBacks giveBacks;
    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void unreachableProvider(DynamicPropertyRegistry registry) {
        String nobody = "http://127.0.0.1:" + SimulatorProcess.freePort();
        registry.add("motcua.payment.provider.api-url", () -> nobody + "/merchant_webapi/api/transaction");
        registry.add("motcua.payment.provider.statement-url", () -> nobody + "/merchant_webapi/statement");
        registry.add("motcua.payment.provider.hash-secret", () -> "it-only-secret-of-a-provider-nobody-runs");
        registry.add("motcua.payment.provider.timeout", () -> "PT2S");
        registry.add("motcua.payment.expiry.initial-delay", () -> "PT1H");
    }

    @Test
    void aReconciliationRunIsToldToTryAgainLater() throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        mvc.perform(post("/api/v1/payments/reconciliation/runs").with(ops()).header("Idempotency-Key", "recon-provider-down")
                .contentType(MediaType.APPLICATION_JSON).content("{\"day\":\"" + today + "\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:provider-unavailable"))
                .andExpect(header().string("Retry-After", "30"));
    }

    @Test
    void aRefundIsRecordedAndTheLeaderToldToSendItAgainNotAnError() throws Exception {
        PaymentOrder paid = PaymentOrderMother.due(EventMother.newDossierCode(), FeeStage.INTAKE, 38_000);
        paid.begin("MCREFDOWN1", PaymentOrderMother.NOW, PaymentOrderMother.NOW.plus(Duration.ofMinutes(15)));
        paid.settle(new ProviderResult("MCREFDOWN1", 38_000, true, "00", "14000099", PaymentOrderMother.NOW), PaymentOrderMother.NOW);
        orders.save(paid);

        mvc.perform(post("/api/v1/payments/{id}/refunds", paid.id()).with(ops()).header("Idempotency-Key", "refund-provider-down")
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Thu nhầm lệ phí\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:provider-unavailable"))
                .andExpect(header().string("Retry-After", "30"));

        PaymentOrder after = orders.findById(paid.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(after.refund()).as("the refund the next request carries on").isNotNull()
                .satisfies(refund -> assertThat(refund.amount()).isEqualTo(38_000))
                .satisfies(refund -> assertThat(refund.done()).isFalse());
    }

    @Test
    void aClosedDossiersUnpaidFeeIsCancelledThoughItsPaidOneWaitsForTheProviderToRefund() {
        String code = EventMother.newDossierCode();
        PaymentOrder paid = PaymentOrderMother.dueAt(code, FeeStage.INTAKE, 36_000, PaymentOrderMother.NOW);
        paid.begin("MCREFDOWN4", PaymentOrderMother.NOW, PaymentOrderMother.NOW.plus(Duration.ofMinutes(15)));
        paid.settle(new ProviderResult("MCREFDOWN4", 36_000, true, "00", "14000097", PaymentOrderMother.NOW), PaymentOrderMother.NOW);
        orders.save(paid);
        // Asked for after the paid one: read second.
        PaymentOrder unpaid = PaymentOrderMother.dueAt(code, FeeStage.SUPPLEMENT, 12_000, PaymentOrderMother.NOW.plus(Duration.ofHours(1)));
        orders.save(unpaid);

        KafkaProbe.send(EventMother.record(new DossierWithdrawn(EventMother.snapshot(code, "001090000001", ResultDelivery.COUNTER),
                "Không cần nữa", Instant.now())));

        await().atMost(Duration.ofSeconds(20)).until(() -> orders.findById(unpaid.id()).orElseThrow().status() == PaymentStatus.CANCELLED);
        assertThat(orders.findById(paid.id()).orElseThrow().status()).as("its refund waits for the provider").isEqualTo(
                PaymentStatus.COMPLETED);
    }

    @Test
    void anAttemptWhoseProviderCannotBeAskedStaysPendingForTheNextRound() {
        PaymentOrder order = PaymentOrderMother.due(EventMother.newDossierCode(), FeeStage.INTAKE, 42_000);
        order.begin("MCREFDOWN2", PaymentOrderMother.NOW, PaymentOrderMother.NOW.plus(Duration.ofMinutes(15)));
        orders.save(order);

        assertThat(lapsedAttempts.settleDue(PaymentOrderMother.NOW.plus(Duration.ofHours(1)))).isZero();
        assertThat(orders.findById(order.id()).orElseThrow().attempt("MCREFDOWN2").orElseThrow().state())
                .as("a payment the provider may know of is never taken for lapsed").isEqualTo(Attempt.State.PENDING);
    }
    @Test
    void feesCollectedTwiceWaitForTheProviderRecordedAndTheCollectionIsNotParked() {
        String code = EventMother.newDossierCode();
        PaymentOrder paid = PaymentOrderMother.due(code, FeeStage.RESULT, 20_000);
        paid.begin("MCREFDOWN3", PaymentOrderMother.NOW, PaymentOrderMother.NOW.plus(Duration.ofMinutes(15)));
        paid.settle(new ProviderResult("MCREFDOWN3", 20_000, true, "00", "14000098", PaymentOrderMother.NOW), PaymentOrderMother.NOW);
        orders.save(paid);

        KafkaProbe.send(EventMother.record(new CashCollected("RET-" + code, code, "postal-vnpost", 45_000, "BN-5", Instant.now(), 20_000L)));

        await().atMost(Duration.ofSeconds(20)).until(() -> orders.findById(paid.id()).orElseThrow().collectedTwice() != null);
        CollectedTwice waiting = orders.findById(paid.id()).orElseThrow().collectedTwice();
        assertThat(waiting.throughProvider()).isTrue();
        assertThat(waiting.done()).as("asked for again later").isFalse();
        assertThat(giveBacks.carryOn()).as("the provider still away").isZero();
        assertThat(meters.get("motcua.payment.give-backs.unfinished").gauge().value()).as("ops can see it wait").isGreaterThanOrEqualTo(1);
        assertThat(meters.get("motcua.payment.give-backs.oldest.waiting").gauge().value()).isGreaterThanOrEqualTo(0);
        assertThat(KafkaProbe.collect(Topics.deadLetterOf(Topics.POSTAL), r -> code.equals(r.key()), 1, Duration.ofSeconds(3)))
                .as("the collection was handled, not parked").isEmpty();
    }
}
