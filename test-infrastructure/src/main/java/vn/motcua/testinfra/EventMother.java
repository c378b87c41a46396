package vn.motcua.testinfra;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Event;
import vn.motcua.events.EventCatalog;
import vn.motcua.events.EventContract;
import vn.motcua.events.dossier.Applicant;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.events.dossier.FeeLine;

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
        return new DossierSubmitted(code, "2.000018", "Cấp giấy phép bán lẻ rượu", CallerMother.AGENCY_THUONG_TIN,
                ownerCitizenId, new Applicant("Nguyễn Văn An", ownerCitizenId, "0912345678",
                        "an." + ownerCitizenId + "@example.com", "Số 5 phố Lê Lợi, Thường Tín, Hà Nội"),
                2, 1, intakeFee > 0 ? "INTAKE" : null,
                intakeFee > 0 ? List.of(new FeeLine("PHI", intakeFee)) : List.of(), "POST", Instant.now());
    }

    /** A Kafka record carrying {@code event} with a fresh event id. */
    public static ProducerRecord<String, String> record(Event event) {
        return record(event, UUID.randomUUID().toString());
    }

    public static ProducerRecord<String, String> record(Event event, String eventId) {
        EventContract contract = EventCatalog.contractOf(event.getClass());
        ProducerRecord<String, String> record = new ProducerRecord<>(contract.topic(), event.subject(),
                JSON.writeValueAsString(event));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.ID, eventId);
        header(record, CloudEventHeaders.SOURCE, "/motcua/test");
        header(record, CloudEventHeaders.TYPE, contract.type());
        header(record, CloudEventHeaders.SUBJECT, event.subject());
        header(record, CloudEventHeaders.TIME, Instant.now().toString());
        header(record, CloudEventHeaders.DATA_VERSION, String.valueOf(contract.version()));
        header(record, CloudEventHeaders.CORRELATION_ID, "test-" + eventId);
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
