package vn.motcua.payment.closure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.officer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Topics;
import vn.motcua.events.dossier.DossierRejected;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.payment.PaymentSteps;
import vn.motcua.payment.ProviderSimulatorProcess;
import vn.motcua.payment.WithProviderSimulator;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.PaymentStatus;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.KafkaProbe;

class ClosedDossiersIT extends WithProviderSimulator {

    @Test
    void aRefusedDossiersUnpaidFeesAreCancelledOnceAndMoneyAPageLeftOpenTakesAfterGoesBack() throws Exception {
        String code = EventMother.newDossierCode();
        DossierSnapshot dossier = EventMother.snapshot(code, CITIZEN_1, AGENCY_THUONG_TIN, ResultDelivery.COUNTER, 1);
        KafkaProbe.send(EventMother.record(EventMother.feesPriced(dossier, EventMother.feeLine(FeeStage.INTAKE, 120_000, true),
                EventMother.feeLine(FeeStage.RESULT, 50_000, false))));
        String intake = PaymentOrder.idFor(code, FeeStage.INTAKE);
        String result = PaymentOrder.idFor(code, FeeStage.RESULT);
        await().atMost(Duration.ofSeconds(20)).until(() -> orders.existsById(intake) && orders.existsById(result));
        PaymentSteps.Checkout leftOpen = steps.checkout(intake, CITIZEN_1);

        DossierRejected rejected = new DossierRejected(dossier, "Thiếu giấy tờ", Instant.now());
        KafkaProbe.send(EventMother.record(rejected));
        KafkaProbe.send(EventMother.record(rejected));

        steps.awaitOrder(intake, o -> o.status() == PaymentStatus.CANCELLED);
        steps.awaitOrder(result, o -> o.status() == PaymentStatus.CANCELLED);
        List<ConsumerRecord<String, String>> cancelled = KafkaProbe.collect(Topics.PAYMENT, r -> code.equals(r.key())
                && "PaymentCancelled".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), 3, Duration.ofSeconds(4));
        assertThat(cancelled).extracting(ConsumerRecord::value).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains(intake + "\"").contains("\"wasDue\":true"))
                .anySatisfy(v -> assertThat(v).contains(result + "\"").contains("\"wasDue\":false"));

        mvc.perform(get("/api/v1/payments/{id}", intake).with(citizen(CITIZEN_1))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.cancellation.reason").value("Hồ sơ bị từ chối: Thiếu giấy tờ"));
        mvc.perform(post("/api/v1/payments/{id}/checkout", intake).with(citizen(CITIZEN_1)).header("Idempotency-Key",
                UUID.randomUUID().toString())).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:order-not-payable"));
        mvc.perform(post("/api/v1/payments/{id}/cash-at-counter", intake).with(officer(AGENCY_THUONG_TIN))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"amount\": 120000}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:order-not-payable"));

        // The citizen still had the provider's page open, and pays on it: the money goes back, and nothing is completed.
        ProviderSimulatorProcess.pay(leftOpen.paymentUrl(), leftOpen.reference(), "approve", true);
        await().atMost(Duration.ofSeconds(20)).until(() -> ProviderSimulatorProcess.get("/simulator/transactions/" + leftOpen.reference())
                .body().contains("\"refunds\":1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> orders.findById(intake).orElseThrow().attempt(leftOpen.reference())
                .orElseThrow().surplusRefund() != null);
        assertThat(orders.findById(intake).orElseThrow().status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(KafkaProbe.collect(Topics.PAYMENT, r -> code.equals(r.key()) && "PaymentCompleted".equals(KafkaProbe.header(r,
                CloudEventHeaders.TYPE)), 1, Duration.ofSeconds(2))).isEmpty();
        assertThat(KafkaProbe.collect(Topics.PAYMENT, r -> code.equals(r.key()) && "PaymentRefunded".equals(KafkaProbe.header(r,
                CloudEventHeaders.TYPE)), 2, Duration.ofSeconds(4))).as("the citizen is told the money went back").singleElement()
                .extracting(ConsumerRecord::value).asString().contains("\"amount\":120000")
                .contains("hủy trước khi giao dịch hoàn tất (Hồ sơ bị từ chối: Thiếu giấy tờ)");
    }
}
