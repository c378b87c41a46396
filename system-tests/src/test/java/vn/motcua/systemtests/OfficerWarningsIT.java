package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.Event;
import vn.motcua.events.EventCatalog;
import vn.motcua.events.dossier.DossierOverdue;
import vn.motcua.events.dossier.DossierProcessingStarted;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.postal.OriginalsAwaitingDecision;
import vn.motcua.events.postal.PaperDossierArrived;
import vn.motcua.localstack.GatewayClient;

/**
 * An overdue dossier warns its specialist and the agency's one-stop officers at once, in their
 * inboxes and by email to the addresses the realm holds (read with the notification service's own
 * service account through Keycloak's admin API); and the officers' morning digest names the dossiers held by someone
 * the realm no longer lists as a specialist of the agency, and the paper dossiers the post delivered before the day that
 * nobody has registered; and the officers are asked at once about originals the catalog does not say the agency keeps.
 */
@ExtendWith(Platform.class)
class OfficerWarningsIT {
    private final GatewayClient gateway = Platform.client();

    @Test
    void anOverdueDossierReachesItsSpecialistAndTheAgencysOfficersByEmailFromTheRealm() throws Exception {
        String citizen = gateway.userToken("citizen1");
        String code = DossierSteps.processing(gateway, DossierRequestMother.liquorLicenceForCitizen1());

        // The deadline scan would raise it days later; the event as the dossier service publishes it.
        publish(new DossierOverdue(new DossierSnapshot(code, DossierRequestMother.LIQUOR_RETAIL, DossierRequestMother.THUONG_TIN,
                DossierRequestMother.CITIZEN_1, 2, ResultDelivery.POST, 4), LocalDate.parse("2026-11-27"), Instant.now()));

        await().atMost(Duration.ofSeconds(60)).until(() -> mailedTo("specialist1@example.com", code) && mailedTo("officer1@example.com", code));
        assertThat(mailedTo("officer2@example.com", code)).as("another agency's officer").isFalse();
        String inbox = gateway.get("/api/v1/notifications", gateway.userToken("specialist1")).body();
        assertThat(inbox).contains("Hồ sơ " + code + " đã quá hạn giải quyết");
        assertThat(gateway.get("/api/v1/notifications", citizen).body()).doesNotContain("quá hạn giải quyết");
    }

    @Test
    void dossiersHeldBySomeoneNoLongerASpecialistReachTheOfficersAndLeadersMorningDigest() throws Exception {
        // The dossier service assigns only to the realm's specialists (ADR 0058): a holder the realm does not list is
        // one who left or was disabled since, as the event of their assignment long ago says.
        String departed = "departed-" + UUID.randomUUID().toString().substring(0, 8);
        String code = DossierRequestMother.THUONG_TIN + "-991231-" + (1000 + (int) (Math.random() * 9000));
        publish(new DossierProcessingStarted(new DossierSnapshot(code, DossierRequestMother.LIQUOR_RETAIL,
                DossierRequestMother.THUONG_TIN, DossierRequestMother.CITIZEN_1, 2, ResultDelivery.POST, 4), departed,
                LocalDate.parse("2026-12-31"), Instant.now()));
        String inbox = officer1sInboxOnceTheDigestNames("người giữ: " + departed);
        assertThat(inbox).contains("hồ sơ do người không còn là chuyên viên của cơ quan nắm giữ", code + " — người giữ: "
                + departed + " — hạn 31/12/2026");
        assertThat(gateway.get("/api/v1/notifications", gateway.userToken("leader1")).body()).as("a leader may hand them over too")
                .contains(code + " — người giữ: " + departed);
        assertThat(gateway.get("/api/v1/notifications", gateway.userToken("officer2")).body())
                .as("another agency's officer").doesNotContain(code);
    }

    @Test
    void aPaperDossierThePostDeliveredBeforeTodayAndNobodyRegisteredIsInTheOfficersMorningDigest() throws Exception {
        // The operator's simulator delivers at once; an envelope that came yesterday, as the postal service publishes it.
        String item = "RR" + (100_000_000 + (int) (Math.random() * 800_000_000)) + "VN";
        publish(new PaperDossierArrived("PIC-" + item, item, DossierRequestMother.THUONG_TIN, "2.000009",
                DossierRequestMother.CITIZEN_1, "Nguyễn Văn An", "0912345678", Instant.now().minus(Duration.ofDays(1))));
        String inbox = officer1sInboxOnceTheDigestNames(item);
        assertThat(inbox).contains("hồ sơ giấy gửi qua bưu chính chưa được tiếp nhận", item + " — thủ tục 2.000009 — người gửi: Nguyễn Văn An");
        assertThat(gateway.get("/api/v1/notifications", gateway.userToken("officer2")).body())
                .as("another agency's officer").doesNotContain(item);
        assertThat(gateway.get("/api/v1/notifications", gateway.userToken("specialist1")).body())
                .as("registering is the desk's work").doesNotContain(item);
    }

    @Test
    void theAgencysOfficersAreAskedAtOnceWhetherACitizensOriginalsGoBackWithTheResult() throws Exception {
        String code = DossierRequestMother.THUONG_TIN + "-991231-" + (1000 + (int) (Math.random() * 9000));
        publish(new OriginalsAwaitingDecision("ORI-" + code, code, DossierRequestMother.THUONG_TIN, "1.001612",
                DossierRequestMother.CITIZEN_1, true, Instant.now()));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> gateway.get("/api/v1/notifications",
                gateway.userToken("officer1")).body(), body -> body.contains("Hồ sơ " + code + ": bản chính công dân"));
        assertThat(gateway.get("/api/v1/notifications", gateway.userToken("officer2")).body()).as("another agency's officer")
                .doesNotContain(code);
        assertThat(gateway.get("/api/v1/notifications", gateway.userToken("citizen1")).body()).as("the agency's to decide")
                .doesNotContain("chưa có hướng trả lại");
    }

    /** Ops send today's digests until one of officer1's names what the test published (the event may not be read yet). */
    private String officer1sInboxOnceTheDigestNames(String expected) {
        String ops = gateway.userToken("ops1");
        String officer = gateway.userToken("officer1");
        return Observations.awaitJson(() -> {
            assertThat(gateway.send(gateway.request("/api/v1/notifications/morning-digest", ops)
                    .POST(HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(200);
            return gateway.get("/api/v1/notifications", officer);
        }, n -> n.toString().contains(expected)).toString();
    }

    private static boolean mailedTo(String address, String code) {
        return Platform.stack().receivedMails().stream().anyMatch(m -> {
            try {
                return Observations.subject(m).contains(code) && Observations.subject(m).contains("quá hạn")
                        && List.of(m.getAllRecipients()).stream().anyMatch(r -> r.toString().equals(address));
            } catch (Exception e) {
                return false;
            }
        });
    }

    private static void publish(Event event) throws Exception {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, String> record = new ProducerRecord<>(EventCatalog.contractOf(event.getClass()).topic(), event.subject(),
                JsonMapper.builder().build().writeValueAsString(event));
        CloudEvent.of(event, id, "/motcua/system-tests", Instant.now(), "warn-" + id).headers()
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Platform.stack().config().kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(record).get(10, TimeUnit.SECONDS);
        }
    }
}
