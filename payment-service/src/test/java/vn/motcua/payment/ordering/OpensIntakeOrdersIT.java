package vn.motcua.payment.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.CITIZEN_2;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.officer;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Topics;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class OpensIntakeOrdersIT {
    @Autowired
    MockMvc mvc;
    @Autowired
    PaymentOrderRepository orders;

    @Test
    void aDossierWithAnIntakeFeeGetsOnePaymentOrderEvenWhenItsEventArrivesTwice() throws Exception {
        String code = EventMother.newDossierCode();
        ProducerRecord<String, String> submitted = EventMother.record(EventMother.dossierSubmitted(code, CITIZEN_1, 1_200_000));
        KafkaProbe.send(submitted);
        KafkaProbe.send(submitted);

        String orderId = PaymentOrder.idFor(code, FeeStage.INTAKE);
        await().atMost(Duration.ofSeconds(20)).until(() -> orders.existsById(orderId));
        PaymentOrder order = orders.findById(orderId).orElseThrow();
        assertThat(order.amount()).isEqualTo(1_200_000);
        assertThat(order.ownerCitizenId()).isEqualTo(CITIZEN_1);

        ConsumerRecord<String, String> requested = KafkaProbe.await(Topics.PAYMENT, r -> code.equals(r.key()),
                Duration.ofSeconds(20));
        assertThat(KafkaProbe.header(requested, CloudEventHeaders.TYPE)).isEqualTo("PaymentRequested");
        assertThat(KafkaProbe.header(requested, CloudEventHeaders.CORRELATION_ID))
                .isEqualTo(KafkaProbe.header(KafkaProbe.await(Topics.DOSSIER, r -> code.equals(r.key()), Duration.ofSeconds(5)),
                        CloudEventHeaders.CORRELATION_ID));
        List<ConsumerRecord<String, String>> all = KafkaProbe.collect(Topics.PAYMENT, r -> code.equals(r.key()), 10,
                Duration.ofSeconds(4));
        assertThat(all).hasSize(1);
        assertThat(orders.findAll().stream().filter(o -> o.dossierCode().equals(code))).hasSize(1);
    }

    @Test
    void aVersion1SubmissionStillOnTheTopicOpensItsOrderLikeTheCurrentVersion() {
        String code = EventMother.newDossierCode();
        ProducerRecord<String, String> v1 = EventMother.record(EventMother.dossierSubmittedV1(code, CITIZEN_1, 700_000));
        assertThat(KafkaProbe.header(v1, CloudEventHeaders.DATA_VERSION)).isEqualTo("1");
        KafkaProbe.send(v1);

        await().atMost(Duration.ofSeconds(20)).until(() -> orders.existsById(PaymentOrder.idFor(code, FeeStage.INTAKE)));
        PaymentOrder order = orders.findById(PaymentOrder.idFor(code, FeeStage.INTAKE)).orElseThrow();
        assertThat(order.amount()).isEqualTo(700_000);
        assertThat(order.ownerCitizenId()).isEqualTo(CITIZEN_1);
    }

    @Test
    void aDossierWithoutIntakeFeesGetsNoOrder() {
        String code = EventMother.newDossierCode();
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, CITIZEN_1, 0)));
        // A later event on the same partition proves the first one was processed.
        String marker = code + "-M";
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(marker, CITIZEN_1, 5_000)));
        await().atMost(Duration.ofSeconds(20)).until(() -> orders.existsById(PaymentOrder.idFor(marker, FeeStage.INTAKE)));
        assertThat(orders.existsById(PaymentOrder.idFor(code, FeeStage.INTAKE))).isFalse();
    }

    @Test
    void onlyTheOwnerSeesTheOrdersOfADossier() throws Exception {
        String code = EventMother.newDossierCode();
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, CITIZEN_1, 8_000)));
        await().atMost(Duration.ofSeconds(20)).until(() -> orders.existsById(PaymentOrder.idFor(code, FeeStage.INTAKE)));

        mvc.perform(get("/api/v1/payments").param("dossier", code).with(citizen(CITIZEN_1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].amount").value(8000))
                .andExpect(jsonPath("$[0].status").value("REQUESTED"));
        mvc.perform(get("/api/v1/payments").param("dossier", code).with(citizen(CITIZEN_2)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/payments").param("dossier", code).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/payments").param("dossier", code)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/payments").with(citizen(CITIZEN_1))).andExpect(status().isBadRequest());
    }
}
