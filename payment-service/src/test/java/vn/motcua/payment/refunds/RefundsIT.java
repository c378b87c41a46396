package vn.motcua.payment.refunds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_JUSTICE;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.leader;
import static vn.motcua.testinfra.CallerMother.officer;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Topics;
import vn.motcua.events.dossier.DossierWithdrawn;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.payment.PaymentSteps;
import vn.motcua.payment.ProviderSimulatorProcess;
import vn.motcua.payment.WithProviderSimulator;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.PaymentStatus;
import vn.motcua.testinfra.AbandonedRequests;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.KafkaProbe;

class RefundsIT extends WithProviderSimulator {
    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private UnfinishedGiveBacks giveBacks;
    @Autowired
    private MeterRegistry meters;

    @Test
    void aWithdrawnDossierGetsItsRefundableFeeBackThroughTheProviderOnceHoweverOftenTheEventArrives() throws Exception {
        String code = EventMother.newDossierCode();
        String id = steps.intakeOrder(code, 120_000);
        PaymentSteps.Checkout checkout = paid(id);

        ProducerRecord<String, String> withdrawn = EventMother.record(new DossierWithdrawn(EventMother.snapshot(code, CITIZEN_1,
                AGENCY_THUONG_TIN, ResultDelivery.COUNTER, 1), "không cần nữa", Instant.now()));
        KafkaProbe.send(withdrawn);
        KafkaProbe.send(withdrawn);
        KafkaProbe.send(EventMother.record(new DossierWithdrawn(EventMother.snapshot(code, CITIZEN_1, AGENCY_THUONG_TIN,
                ResultDelivery.COUNTER, 1), "lần nữa", Instant.now())));

        steps.awaitOrder(id, o -> o.status() == PaymentStatus.REFUNDED);
        assertThat(KafkaProbe.collect(Topics.PAYMENT, r -> code.equals(r.key()) && "PaymentRefunded".equals(KafkaProbe.header(r,
                CloudEventHeaders.TYPE)), 5, Duration.ofSeconds(4))).hasSize(1);
        String atProvider = ProviderSimulatorProcess.get("/simulator/transactions/" + checkout.reference()).body();
        assertThat(atProvider).contains("\"refunds\":1").contains("\"refunded\":12000000");
    }

    @Test
    void aLeaderRefundsByDecisionOnceAndNoCitizenOrOtherAgencyMay() throws Exception {
        String id = steps.intakeOrder(EventMother.newDossierCode(), 75_000);
        paid(id);
        String body = "{\"reason\":\"Thu nhầm lệ phí\"}";

        mvc.perform(post("/api/v1/payments/{id}/refunds", id).with(citizen(CITIZEN_1)).header("Idempotency-Key", "refund-citizen-1")
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/payments/{id}/refunds", id).with(officer(AGENCY_THUONG_TIN)).header("Idempotency-Key", "refund-officer-1")
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/payments/{id}/refunds", id).with(leader(AGENCY_JUSTICE)).header("Idempotency-Key", "refund-other-1")
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isNotFound());
        // Another agency's leader is told there is no such order whatever was sent, not what a refund lacks.
        mvc.perform(post("/api/v1/payments/{id}/refunds", id).with(leader(AGENCY_JUSTICE)).header("Idempotency-Key", "refund-other-2")
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/payments/{id}/refunds", id).with(leader(AGENCY_JUSTICE))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/payments/{id}/refunds", "no-such-order").with(leader(AGENCY_THUONG_TIN))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": 7")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/payments/{id}/refunds", id).with(leader(AGENCY_THUONG_TIN)).header("Idempotency-Key", "refund-amount-1")
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\",\"amount\":999999}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/v1/payments/{id}/refunds", id).with(leader(AGENCY_THUONG_TIN)).header("Idempotency-Key", "refund-noreason")
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isBadRequest());
        assertThat(orders.findById(id).orElseThrow().status()).isEqualTo(PaymentStatus.COMPLETED);

        mvc.perform(post("/api/v1/payments/{id}/refunds", id).with(leader(AGENCY_THUONG_TIN)).header("Idempotency-Key", "refund-leader-1")
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("REFUNDED")).andExpect(jsonPath("$.amount").value(75_000));
        mvc.perform(post("/api/v1/payments/{id}/refunds", id).with(leader(AGENCY_THUONG_TIN)).header("Idempotency-Key", "refund-leader-1")
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/payments/{id}/refunds", id).with(leader(AGENCY_THUONG_TIN)).header("Idempotency-Key", "refund-leader-2")
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:order-not-refundable"));
    }

    @Test
    void aSecondPaymentOfAPaidOrderGoesBackOnItsOwn() throws Exception {
        String id = steps.intakeOrder(EventMother.newDossierCode(), 33_000);
        PaymentSteps.Checkout first = steps.checkout(id, CITIZEN_1);
        PaymentSteps.Checkout second = steps.checkout(id, CITIZEN_1);
        ProviderSimulatorProcess.pay(first.paymentUrl(), first.reference(), "approve", true);
        steps.awaitOrder(id, o -> o.status() == PaymentStatus.COMPLETED);
        ProviderSimulatorProcess.pay(second.paymentUrl(), second.reference(), "approve", true);

        await().atMost(Duration.ofSeconds(20)).until(() -> ProviderSimulatorProcess.get("/simulator/transactions/" + second.reference())
                .body().contains("\"refunds\":1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> orders.findById(id).orElseThrow().attempt(second.reference()).orElseThrow()
                .surplusRefund() != null);
        assertThat(orders.findById(id).orElseThrow().attempt(second.reference()).orElseThrow().isSurplus()).isTrue();
        assertThat(ProviderSimulatorProcess.get("/simulator/transactions/" + first.reference()).body()).contains("\"refunds\":0");
        String code = orders.findById(id).orElseThrow().dossierCode();
        assertThat(KafkaProbe.collect(Topics.PAYMENT, r -> code.equals(r.key()) && "PaymentRefunded".equals(KafkaProbe.header(r,
                CloudEventHeaders.TYPE)), 2, Duration.ofSeconds(4))).as("the citizen is told once").singleElement()
                .extracting(ConsumerRecord::value).asString().contains("thanh toán trùng").contains("\"amount\":33000");
    }

    @Test
    void aRefundLeftUnfinishedIsCarriedOnByTheNextRequestInsteadOfRefused() throws Exception {
        String id = steps.intakeOrder(EventMother.newDossierCode(), 64_000);
        PaymentSteps.Checkout checkout = paid(id);
        // As a leader's request leaves it when the provider could not be reached, or the process died before its answer.
        PaymentOrder order = orders.findById(id).orElseThrow();
        order.startRefund(64_000, "Thu nhầm lệ phí", Refunds.requestIdFor("RF", id), null, Instant.now());
        orders.save(order);

        mvc.perform(post("/api/v1/payments/{id}/refunds", id).with(leader(AGENCY_THUONG_TIN)).header("Idempotency-Key", "refund-other-amount")
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Thu nhầm\",\"amount\":10000}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("urn:motcua:problem:refund-in-progress"))
                .andExpect(jsonPath("$.amount").value(64_000));
        mvc.perform(post("/api/v1/payments/{id}/refunds", id).with(leader(AGENCY_THUONG_TIN)).header("Idempotency-Key", "refund-carry-on")
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Thu nhầm\"}"))
                .andExpect(status().isCreated()).andExpect(header().string("Location", "/api/v1/payments/" + id))
                .andExpect(jsonPath("$.status").value("REFUNDED"))
                .andExpect(jsonPath("$.amount").value(64_000)).andExpect(jsonPath("$.reason").value("Thu nhầm lệ phí"));
        assertThat(ProviderSimulatorProcess.get("/simulator/transactions/" + checkout.reference()).body())
                .contains("\"refunds\":1").contains("\"refunded\":6400000");
    }

    @Test
    void aRetryAfterTheRequestDiedBeforeAnsweringIsToldOfItsRefundNotRefused() throws Exception {
        String code = EventMother.newDossierCode();
        String id = steps.intakeOrder(code, 52_000);
        PaymentSteps.Checkout checkout = paid(id);
        String key = "refund-" + UUID.randomUUID();
        String body = "{\"reason\":\"Thu nhầm lệ phí\"}";
        mvc.perform(post("/api/v1/payments/{id}/refunds", id).with(leader(AGENCY_THUONG_TIN)).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());
        AbandonedRequests.diedBeforeAnswering(mongo.getDb(), key);

        mvc.perform(post("/api/v1/payments/{id}/refunds", id).with(leader(AGENCY_THUONG_TIN)).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("REFUNDED")).andExpect(jsonPath("$.amount").value(52_000));
        assertThat(ProviderSimulatorProcess.get("/simulator/transactions/" + checkout.reference()).body()).contains("\"refunds\":1");
        assertThat(KafkaProbe.collect(Topics.PAYMENT, r -> code.equals(r.key()) && "PaymentRefunded".equals(KafkaProbe.header(r,
                CloudEventHeaders.TYPE)), 5, Duration.ofSeconds(4))).hasSize(1);
    }

    @Test
    void feesCollectedTwiceThatTheProviderCouldNotBeAskedToRefundGoBackOnTheNextRound() throws Exception {
        String id = steps.intakeOrder(EventMother.newDossierCode(), 20_000);
        PaymentSteps.Checkout checkout = paid(id);
        // As the collection left it when the provider was away (ProviderUnreachableIT): recorded, not yet asked.
        PaymentOrder waiting = orders.findById(id).orElseThrow();
        waiting.collectedTwice(45_000, 20_000, "BN-6", "RET-x", Instant.now(), Refunds.requestIdFor("RC", id));
        orders.save(waiting);

        assertThat(giveBacks.carryOn()).isPositive();

        PaymentOrder givenBack = orders.findById(id).orElseThrow();
        assertThat(givenBack.collectedTwice().done()).isTrue();
        assertThat(givenBack.collectedTwice().givenBackAs().name()).isEqualTo("ONLINE");
        assertThat(ProviderSimulatorProcess.get("/simulator/transactions/" + checkout.reference()).body()).contains("\"refunds\":1");
        assertThat(giveBacks.carryOn()).as("nothing left to ask").isZero();
        assertThat(meters.get("motcua.payment.give-backs.unfinished").gauge().value()).isZero();
        assertThat(meters.get("motcua.payment.give-backs.oldest.waiting").gauge().value()).isZero();
    }

    private PaymentSteps.Checkout paid(String id) throws Exception {
        PaymentSteps.Checkout checkout = steps.checkout(id, CITIZEN_1);
        ProviderSimulatorProcess.pay(checkout.paymentUrl(), checkout.reference(), "approve", true);
        // The receipt is issued from the order's own PaymentCompleted, a write of its own after the payment's:
        // waiting for it leaves the order at rest, so a test that stores it by hand does not race that write.
        steps.awaitOrder(id, o -> o.status() == PaymentStatus.COMPLETED && o.receiptNumber() != null);
        return checkout;
    }
}
