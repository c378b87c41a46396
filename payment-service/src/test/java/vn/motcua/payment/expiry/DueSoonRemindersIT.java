package vn.motcua.payment.expiry;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Topics;
import vn.motcua.payment.WithProviderSimulator;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.KafkaProbe;

class DueSoonRemindersIT extends WithProviderSimulator {
    @Autowired
    private DueSoonReminders reminders;

    @Test
    void aFeeStillUnpaidTwoDaysBeforeItsPayByTimeIsRemindedOnceAndAFeePaidIsNot() throws Exception {
        String unpaid = steps.intakeOrder(EventMother.newDossierCode(), 60_000);
        String paid = steps.intakeOrder(EventMother.newDossierCode(), 25_000);
        mvc.perform(post("/api/v1/payments/{id}/cash-at-counter", paid).with(officer(AGENCY_THUONG_TIN))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"amount\": 25000}")).andExpect(status().isOk());
        Instant payBy = orders.findById(unpaid).orElseThrow().payBy();

        reminders.remind(payBy.minus(Duration.ofDays(3)));
        assertThat(orders.findById(unpaid).orElseThrow().dueSoonRemindedAt()).as("three days left").isNull();
        reminders.remind(payBy.minus(Duration.ofHours(36)));
        reminders.remind(payBy.minus(Duration.ofHours(12)));

        assertThat(remindersOf(unpaid)).as("once").singleElement().extracting(ConsumerRecord::value).asString()
                .contains("\"amount\":60000").contains("\"stage\":\"INTAKE\"").contains("\"payBy\":\"" + payBy + "\"");
        assertThat(remindersOf(paid)).as("paid at the counter").isEmpty();
        mvc.perform(get("/api/v1/payments/{id}", unpaid).with(citizen(CITIZEN_1))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REQUESTED")).andExpect(jsonPath("$.dueSoonRemindedAt").isNotEmpty());
    }

    private List<ConsumerRecord<String, String>> remindersOf(String id) {
        String code = orders.findById(id).orElseThrow().dossierCode();
        return KafkaProbe.collect(Topics.PAYMENT, r -> code.equals(r.key()) && "PaymentDueSoon".equals(KafkaProbe.header(r,
                CloudEventHeaders.TYPE)), 2, Duration.ofSeconds(4));
    }
}
