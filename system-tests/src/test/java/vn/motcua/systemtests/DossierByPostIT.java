package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import vn.motcua.localstack.GatewayClient;
import vn.motcua.localstack.GatewayClient.Response;

/**
 * A paper dossier collected by the post (BCCI intake, channel 3), through the gateway with real
 * tokens and the operator's simulator: the citizen asks for the pick-up, the operator carries the
 * envelope to the agency, where it waits on the desk's list (and the citizen is told it arrived), and the agency's
 * officer registers it with its item id, once.
 */
@ExtendWith(Platform.class)
class DossierByPostIT {
    /** Đăng ký hộ kinh doanh: the catalog accepts it by post. */
    private static final String HOUSEHOLD_BUSINESS = "2.000009";

    private final GatewayClient gateway = Platform.client();

    @Test
    void aCollectedPaperDossierArrivesAndIsRegisteredWithItsTrackingNumber() throws Exception {
        String citizen = gateway.userToken("citizen1");
        assertThat(gateway.post("/api/v1/shipments/pickups", gateway.userToken("officer1"), "{}", UUID.randomUUID().toString())
                .status()).isEqualTo(403);
        JsonNode asked = deliveredToTheDesk(citizen);
        String shipment = asked.get("id").asString();
        String item = asked.get("itemId").asString();

        String officer = gateway.userToken("officer1");
        // The desk lists the envelope until it is registered; another agency's officer may not look (ADR 0082).
        String desk = "/api/v1/agencies/" + DossierRequestMother.THUONG_TIN + "/postal-arrivals?size=100";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get(desk, officer).body(), body -> body.contains(item));
        assertThat(gateway.get(desk, gateway.userToken("officer2")).status()).isEqualTo(403);
        assertThat(gateway.get(desk, citizen).status()).isEqualTo(403);
        // The citizen is told it reached the agency, before it has a code.
        String inbox = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get("/api/v1/notifications", citizen).body(),
                        body -> body.contains("Hồ sơ giấy số hiệu " + item + " đã đến cơ quan giải quyết"));
        // Before that, when the postman would come, as the operator set it (ADR 0087).
        assertThat(inbox).contains("Bưu điện hẹn đến thu gom hồ sơ giấy của Ông/Bà (số hiệu " + item + ") từ ");
        assertThat(gateway.get("/api/v1/shipments/" + shipment, citizen).json().path("pickupWindow").path("from").isString())
                .as("the window on the citizen's shipment").isTrue();
        String paper = """
                {"procedureCode": "%s", "agencyCode": "%s",
                 "applicant": {"fullName": "Nguyễn Văn An", "idNumber": "%s", "phone": "0912345678",
                               "email": "citizen1@example.com", "address": "Số 5 phố Lê Lợi, xã Thường Tín, Hà Nội"}}"""
                .formatted(HOUSEHOLD_BUSINESS, DossierRequestMother.THUONG_TIN, DossierRequestMother.CITIZEN_1);
        String path = "/api/v1/dossiers/paper?channel=BY_POST&trackingNumber=" + item;
        Response registered = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.post(path, officer, paper, UUID.randomUUID().toString()), r -> r.status() != 422);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        JsonNode dossier = registered.json();
        assertThat(dossier.get("channel").asString()).isEqualTo("POSTAL");
        assertThat(dossier.get("postalItemId").asString()).isEqualTo(item);

        Response again = gateway.post(path, officer, paper, UUID.randomUUID().toString());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("dossierCode").asString()).isEqualTo(dossier.get("code").asString());
        assertThat(gateway.get("/api/v1/dossiers/" + dossier.get("code").asString(), citizen).status()).isEqualTo(200);
        assertThat(gateway.get(desk, officer).body()).as("registered, it leaves the desk's list").doesNotContain(item);
    }

    @Test
    void aSenderThePostmanNeverFindsIsToldEachTimeAndThePickUpIsCalledOffAfterTheThird() throws Exception {
        String citizen = gateway.userToken("citizen1");
        // The operator's simulator never finds a sender with this phone number at home (ADR 0084).
        JsonNode asked = pickUpAt(citizen, "0900000000");
        String shipment = asked.get("id").asString();
        String item = asked.get("itemId").asString();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> gateway.get("/api/v1/shipments/" + shipment, citizen).json().get("status").asString(), "CANCELLED"::equals);
        String inbox = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get("/api/v1/notifications", citizen).body(), body -> body.contains("Bưu điện dừng thu gom"));
        assertThat(inbox).contains("Bưu tá chưa thu gom được hồ sơ giấy", "(số hiệu " + item + ")",
                "Bưu điện hẹn đến thu gom hồ sơ giấy của Ông/Bà (số hiệu " + item + ") từ ", "tối đa 3 lần (còn 1 lần)");
        assertThat(gateway.get("/api/v1/agencies/" + DossierRequestMother.THUONG_TIN + "/postal-arrivals?size=100",
                gateway.userToken("officer1")).body()).as("nothing reached the desk").doesNotContain(item);
    }

    @Test
    void anEnvelopeTheDeskCannotRegisterIsTurnedAwayWithItsReasonItsPapersHandedBackAndTheCitizenToldOfBoth() throws Exception {
        String citizen = gateway.userToken("citizen1");
        String item = deliveredToTheDesk(citizen).get("itemId").asString();
        String officer = gateway.userToken("officer1");
        String desk = "/api/v1/agencies/" + DossierRequestMother.THUONG_TIN + "/postal-arrivals";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get(desk + "?size=100", officer).body(), body -> body.contains(item));

        String reason = "{\"reason\": \"Phong bì không có tờ khai đăng ký hộ kinh doanh\"}";
        String turningAway = desk + "/" + item + "/turning-away";
        assertThat(gateway.post(turningAway, gateway.userToken("officer2"), reason, UUID.randomUUID().toString()).status())
                .as("another agency's officer").isEqualTo(403);
        assertThat(gateway.post(turningAway, citizen, reason, UUID.randomUUID().toString()).status()).isEqualTo(403);
        Response turned = gateway.post(turningAway, officer, reason, UUID.randomUUID().toString());
        assertThat(turned.status()).as(turned.body()).isEqualTo(200);
        assertThat(turned.json().path("turnedAway").path("by").asString()).isEqualTo("officer1");

        assertThat(gateway.get(desk + "?size=100", officer).body()).as("off the desk's list").doesNotContain(item);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get("/api/v1/notifications", citizen).body(),
                        body -> body.contains("Hồ sơ giấy số hiệu " + item + " không được tiếp nhận"));

        assertThat(gateway.get(desk + "/papers-held?size=100", officer).body()).as("held at the counter").contains(item);
        assertThat(gateway.get("/api/v1/postal-arrivals/" + item, citizen).json().path("whereabouts").asString())
                .isEqualTo("TURNED_AWAY");
        String collector = "{\"collectedBy\": \"Trần Thu Hà\", \"idNumber\": \"001190000321\"}";
        assertThat(gateway.post(desk + "/" + item + "/hand-back", citizen, collector, UUID.randomUUID().toString()).status())
                .isEqualTo(403);
        Response handedBack = gateway.post(desk + "/" + item + "/hand-back", officer, collector, UUID.randomUUID().toString());
        assertThat(handedBack.status()).as(handedBack.body()).isEqualTo(200);
        assertThat(gateway.get(desk + "/papers-held?size=100", officer).body()).as("no longer held").doesNotContain(item);
        assertThat(gateway.get("/api/v1/postal-arrivals/" + item, citizen).json().path("collectedBy").asString())
                .isEqualTo("Trần Thu Hà");
        assertThat(gateway.get("/api/v1/postal-arrivals/" + item, gateway.userToken("citizen2")).status())
                .as("another citizen").isEqualTo(404);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get("/api/v1/notifications", citizen).body(),
                        body -> body.contains("Giấy tờ số hiệu " + item + " đã được trả lại"));
    }

    /** citizen1's pick-up, once the operator's simulator has delivered it to the agency's desk. */
    private JsonNode deliveredToTheDesk(String citizen) {
        JsonNode asked = pickUpAt(citizen, "0912345678");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> gateway.get("/api/v1/shipments/"
                + asked.get("id").asString(), citizen).json().get("status").asString(), "DELIVERED"::equals);
        return asked;
    }

    /** citizen1 asks the post to collect a paper household-business registration at home, reachable at that phone. */
    private JsonNode pickUpAt(String citizen, String senderPhone) {
        Response asked = gateway.post("/api/v1/shipments/pickups", citizen, """
                {"procedureCode": "%s", "agencyCode": "%s", "senderName": "Nguyễn Văn An", "senderPhone": "%s",
                 "address": "Số 5 phố Lê Lợi, xã Thường Tín", "province": "Hà Nội"}""".formatted(HOUSEHOLD_BUSINESS,
                DossierRequestMother.THUONG_TIN, senderPhone), UUID.randomUUID().toString());
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        return asked.json();
    }

    @Test
    void aPostOfficeClerkSubmitsForTheCitizenOnThePostalChannel() {
        String clerk = gateway.userToken("bccd-hanoi", "clerk1");
        Response submitted = gateway.post("/api/v1/dossiers", clerk, DossierRequestMother.liquorLicence("001090000002",
                "citizen2@example.com").replace("\"POST\"", "\"COUNTER\""), UUID.randomUUID().toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(submitted.json().get("channel").asString()).isEqualTo("POSTAL");
        assertThat(submitted.json().get("postOffice").asString()).isEqualTo("Bưu cục Thường Tín");
        String code = submitted.json().get("code").asString();
        assertThat(gateway.get("/api/v1/dossiers/" + code, gateway.userToken("citizen2")).status()).isEqualTo(200);
        assertThat(gateway.get("/api/v1/dossiers/" + code, gateway.userToken("citizen1")).status()).isEqualTo(404);
        // The demo client's tokens carry no post office: clerk1 signing in there submits nothing.
        assertThat(gateway.post("/api/v1/dossiers", gateway.userToken("clerk1"), DossierRequestMother.liquorLicence(
                "001090000002", "citizen2@example.com"), UUID.randomUUID().toString()).status()).isEqualTo(403);
    }
}
