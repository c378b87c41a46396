package vn.motcua.payment.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Topics;
import vn.motcua.events.dossier.DossierFeesPriced;
import vn.motcua.events.dossier.DossierResultReady;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.DossierSupplementRequested;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.payment.WithProviderSimulator;
import vn.motcua.testinfra.CallerMother;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.KafkaProbe;

class OpensOrdersIT extends WithProviderSimulator {

    @Test
    void eachStageThatOwesMoneyGetsOneOrderDueWhenTheDossierGetsThereHoweverOftenTheEventArrives() {
        String code = EventMother.newDossierCode();
        DossierSnapshot dossier = EventMother.snapshot(code, CallerMother.CITIZEN_1, CallerMother.AGENCY_THUONG_TIN, ResultDelivery.POST, 1);
        ProducerRecord<String, String> priced = EventMother.record(EventMother.feesPriced(dossier,
                EventMother.feeLine(FeeStage.INTAKE, 50_000, true), EventMother.feeLine(FeeStage.INTAKE, 20_000, false),
                EventMother.feeLine(FeeStage.SUPPLEMENT, 10_000, false), EventMother.feeLine(FeeStage.RESULT, 30_000, false),
                EventMother.feeLine(FeeStage.RESULT, 0, false)));
        KafkaProbe.send(priced);
        KafkaProbe.send(priced);

        String intake = PaymentOrder.idFor(code, FeeStage.INTAKE);
        String result = PaymentOrder.idFor(code, FeeStage.RESULT);
        String supplement = PaymentOrder.idFor(code, FeeStage.SUPPLEMENT);
        await().atMost(Duration.ofSeconds(20)).until(() -> orders.existsById(intake) && orders.existsById(result)
                && orders.existsById(supplement));
        assertThat(orders.findById(intake).orElseThrow()).extracting(PaymentOrder::status, PaymentOrder::amount)
                .containsExactly(PaymentStatus.REQUESTED, 70_000L);
        assertThat(orders.findById(result).orElseThrow()).extracting(PaymentOrder::status, PaymentOrder::amount,
                PaymentOrder::collectableByPost).containsExactly(PaymentStatus.PLANNED, 30_000L, true);
        assertThat(orders.findByDossierCodeOrderByRequestedAt(code)).hasSize(3);

        KafkaProbe.send(EventMother.record(new DossierSupplementRequested(dossier, "thiếu bản sao", List.of("CCCD"), Instant.now())));
        KafkaProbe.send(EventMother.record(new DossierResultReady(dossier, "leader1", null, null, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> orders.findById(result).orElseThrow().status() == PaymentStatus.REQUESTED
                && orders.findById(supplement).orElseThrow().status() == PaymentStatus.REQUESTED);

        List<ConsumerRecord<String, String>> requested = KafkaProbe.collect(Topics.PAYMENT,
                r -> code.equals(r.key()) && "PaymentRequested".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), 10, Duration.ofSeconds(4));
        assertThat(requested).hasSize(3);
    }

    @Test
    void eachFinancialObligationTheSpecialistSetsIsAnOrderDueAtOnce() {
        String code = EventMother.newDossierCode();
        DossierSnapshot dossier = EventMother.snapshot(code, CallerMother.CITIZEN_1, CallerMother.AGENCY_THUONG_TIN, ResultDelivery.COUNTER, 6);
        Instant first = Instant.parse("2026-11-20T03:00:00Z");
        KafkaProbe.send(EventMother.record(new DossierFeesPriced(dossier, List.of(EventMother.feeLine(FeeStage.OBLIGATION, 2_500_000, false)),
                first)));
        KafkaProbe.send(EventMother.record(new DossierFeesPriced(dossier, List.of(EventMother.feeLine(FeeStage.OBLIGATION, 400_000, false)),
                first.plus(Duration.ofDays(2)))));

        await().atMost(Duration.ofSeconds(20)).until(() -> orders.findByDossierCodeOrderByRequestedAt(code).size() == 2);
        assertThat(orders.findByDossierCodeOrderByRequestedAt(code)).extracting(PaymentOrder::stage, PaymentOrder::status)
                .containsOnly(tuple(FeeStage.OBLIGATION, PaymentStatus.REQUESTED));
        assertThat(orders.findById(PaymentOrder.obligationIdFor(code, first)).orElseThrow().amount()).isEqualTo(2_500_000);
    }

    @Test
    void aDossierWithoutFeesGetsNoOrder() {
        String code = EventMother.newDossierCode();
        DossierSnapshot dossier = EventMother.snapshot(code, CallerMother.CITIZEN_1, CallerMother.AGENCY_THUONG_TIN, ResultDelivery.COUNTER, 1);
        KafkaProbe.send(EventMother.record(EventMother.feesPriced(dossier, EventMother.feeLine(FeeStage.INTAKE, 0, false))));
        KafkaProbe.send(EventMother.record(new DossierResultReady(dossier, "leader1", null, null, Instant.now())));

        assertThat(KafkaProbe.collect(Topics.PAYMENT, r -> code.equals(r.key()), 5, Duration.ofSeconds(4))).isEmpty();
        assertThat(orders.findByDossierCodeOrderByRequestedAt(code)).isEmpty();
    }
}
