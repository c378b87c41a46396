package vn.motcua.payment.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.leader;
import static vn.motcua.testinfra.CallerMother.officer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Topics;
import vn.motcua.payment.WithProviderSimulator;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.KafkaProbe;

class CashOwedRemindersIT extends WithProviderSimulator {
    @Autowired
    private CashOwedReminders reminders;

    @Test
    void aCitizenWhoHasNotComeForTheirCashAfterAFortnightIsRemindedOnceAndOneWhoCameIsNot() throws Exception {
        String waiting = refundedInCash(70_000);
        String collected = refundedInCash(40_000);
        mvc.perform(post("/api/v1/payments/{id}/cash-paid-out", collected).with(officer(AGENCY_THUONG_TIN))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"amount\": 40000}")).andExpect(status().isOk());
        Instant now = Instant.now();

        reminders.remind(now.plus(Duration.ofDays(13)));
        assertThat(orders.findById(waiting).orElseThrow().cashOwedRemindedAt()).as("not yet a fortnight").isNull();
        reminders.remind(now.plus(Duration.ofDays(15)));
        reminders.remind(now.plus(Duration.ofDays(16)));

        assertThat(remindersOf(waiting)).as("once").singleElement().extracting(ConsumerRecord::value).asString()
                .contains("\"amount\":70000").contains("\"agencyCode\":\"" + AGENCY_THUONG_TIN + "\"");
        assertThat(remindersOf(collected)).as("handed over before").isEmpty();
        mvc.perform(get("/api/v1/payments/{id}", waiting).with(citizen(CITIZEN_1))).andExpect(status().isOk())
                .andExpect(jsonPath("$.cashOwedAtCounter").value(70_000)).andExpect(jsonPath("$.cashOwedRemindedAt").isNotEmpty());
    }

    /** An intake fee paid at the counter and refunded by the leader: its cash waits at the counter for the citizen. */
    private String refundedInCash(long amount) throws Exception {
        String id = steps.intakeOrder(EventMother.newDossierCode(), amount);
        mvc.perform(post("/api/v1/payments/{id}/cash-at-counter", id).with(officer(AGENCY_THUONG_TIN))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"amount\": " + amount + "}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/payments/{id}/refunds", id).with(leader(AGENCY_THUONG_TIN)).header("Idempotency-Key",
                UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Rút hồ sơ\"}"))
                .andExpect(status().isCreated());
        return id;
    }

    private List<ConsumerRecord<String, String>> remindersOf(String id) {
        String code = orders.findById(id).orElseThrow().dossierCode();
        return KafkaProbe.collect(Topics.PAYMENT, r -> code.equals(r.key()) && "PaymentRefundAwaitingCollection".equals(KafkaProbe.header(r,
                CloudEventHeaders.TYPE)), 2, Duration.ofSeconds(4));
    }
}
