package vn.motcua.testinfra;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.Event;
import vn.motcua.events.EventCatalog;
import vn.motcua.events.EventContract;
import vn.motcua.events.dossier.Applicant;
import vn.motcua.events.dossier.Channel;
import vn.motcua.events.dossier.DossierFeesPriced;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.events.dossier.DossierSubmittedV1;
import vn.motcua.events.dossier.FeeBasis;
import vn.motcua.events.dossier.FeeLine;
import vn.motcua.events.dossier.PricedFeeLine;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.payment.FeeStage;

/** Events as another service would publish them, envelope included. */
public final class EventMother {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventMother() {
    }

    public static String newDossierCode() {
        return CallerMother.AGENCY_THUONG_TIN + "-261124-" + String.format("%04d", (int) (Math.random() * 10000))
                + UUID.randomUUID().toString().substring(0, 4);
    }

    public static DossierSubmitted dossierSubmitted(String code, String ownerCitizenId, long intakeFee) {
        return new DossierSubmitted(snapshot(code, ownerCitizenId, ResultDelivery.POST), "Cấp giấy phép bán lẻ rượu",
                new Applicant("Nguyễn Văn An", ownerCitizenId, "0912345678", "an." + ownerCitizenId + "@example.com",
                        "Số 5 phố Lê Lợi, Thường Tín, Hà Nội"),
                intakeFee > 0 ? FeeStage.INTAKE : null,
                intakeFee > 0 ? List.of(new FeeLine("PHI", intakeFee)) : List.of(), Instant.now());
    }

    /** The same submission as {@link #dossierSubmitted}, in the version-1 payload that may still be on the topic. */
    public static DossierSubmittedV1 dossierSubmittedV1(String code, String ownerCitizenId, long intakeFee) {
        DossierSubmitted current = dossierSubmitted(code, ownerCitizenId, intakeFee);
        DossierSnapshot dossier = current.dossier();
        return new DossierSubmittedV1(code, dossier.procedureCode(), current.procedureName(), dossier.agencyCode(),
                ownerCitizenId, current.applicant(), dossier.channel(), dossier.nationalStatus(), current.feeTiming(),
                current.feesDue(), dossier.resultDelivery(), current.submittedAt());
    }

    /** A dossier of the Thường Tín office submitted online, newly registered. */
    public static DossierSnapshot snapshot(String code, String ownerCitizenId, ResultDelivery resultDelivery) {
        return new DossierSnapshot(code, "2.000018", CallerMother.AGENCY_THUONG_TIN, ownerCitizenId,
                Channel.ONLINE.code(), resultDelivery, 1);
    }

    /** A dossier of the given agency, at the given national status. */
    public static DossierSnapshot snapshot(String code, String ownerCitizenId, String agencyCode, ResultDelivery resultDelivery,
            int nationalStatus) {
        return new DossierSnapshot(code, "2.000018", agencyCode, ownerCitizenId, Channel.ONLINE.code(), resultDelivery, nationalStatus);
    }

    /** The fee lines the dossier service priced for a dossier, as it publishes them. */
    public static DossierFeesPriced feesPriced(DossierSnapshot dossier, PricedFeeLine... lines) {
        return new DossierFeesPriced(dossier, List.of(lines), Instant.now());
    }

    /** One fee line of a stage, per dossier, at its list price. */
    public static PricedFeeLine feeLine(FeeStage stage, long amount, boolean refundable) {
        return new PricedFeeLine(stage, "LE_PHI", FeeBasis.DOSSIER, 1, amount, amount, null, amount, refundable, 1);
    }

    /** A Kafka record carrying {@code event} with a fresh event id. */
    public static ProducerRecord<String, String> record(Event event) {
        return record(event, UUID.randomUUID().toString());
    }

    public static ProducerRecord<String, String> record(Event event, String eventId) {
        EventContract contract = EventCatalog.contractOf(event.getClass());
        ProducerRecord<String, String> record = new ProducerRecord<>(contract.topic(), event.subject(),
                JSON.writeValueAsString(event));
        CloudEvent.of(event, eventId, "/motcua/test", Instant.now(), "test-" + eventId).headers()
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
