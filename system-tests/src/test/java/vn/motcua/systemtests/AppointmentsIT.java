package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import vn.motcua.localstack.GatewayClient;
import vn.motcua.localstack.GatewayClient.Response;

/**
 * Counter appointments through the gateway with real Keycloak tokens: a portal, a hotline
 * officer and a Zalo chat bot book at xã Thường Tín under the online-first policy the appointment
 * service learnt from the dossier service's events, and the numbers booked for hear of it on Zalo; a visitor gets a queue number, is called and
 * served; a citizen books the collection of a result at status 9, and returning it marks the
 * booking used.
 */
@ExtendWith(Platform.class)
class AppointmentsIT {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String OFFICE = "TT-HUYEN";

    private final GatewayClient gateway = Platform.client();

    @Test
    void everyChannelBooksUnderThePolicyInForceAndTheOfficeCallsItsVisitors() {
        String portal = gateway.clientToken("portal-hanoi", "portal-hanoi-local-secret");
        String chatBot = gateway.clientToken("zalo-oa-hanoi", "zalo-oa-hanoi-local-secret");
        String officer = gateway.userToken("officer1");
        int published = gateway.post("/api/v1/channel-policies", gateway.userToken("ops1"), """
                {"agencyCode": "000.10.20.30.H29", "rule": "ONLINE_FIRST", "validFrom": "2020-03-23",
                 "source": {"document": "17/CT-UBND", "date": "2020-03-20"}}""", null).status();
        assertThat(published).as("published now, or by an earlier test on this stack").isIn(201, 409);
        LocalDate day = weekdayFrom(LocalDate.now(HANOI).plusDays(2));

        // The appointment service learns the catalog, calendar and policy from the dossier service's events.
        Response refused = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> book(portal, handIn(day, "08:00", "2.000009", "\"citizenId\": \"001090000021\"")),
                r -> r.status() == 422 && r.body().contains("online-first"));
        assertThat(refused.json().get("submitOnline").asString()).isEqualTo("/api/v1/dossiers");

        Response byPortal = book(portal, handIn(day, "08:00", "2.000016", "\"citizenId\": \"001090000021\""));
        assertThat(byPortal.status()).as(byPortal.body()).isEqualTo(201);
        assertThat(byPortal.json().get("channel").asString()).isEqualTo("PORTAL");
        Response byHotline = book(officer, handIn(day, "08:30", "1.000001", "\"phone\": \"0912000021\""));
        assertThat(byHotline.status()).as(byHotline.body()).isEqualTo(201);
        assertThat(byHotline.json().get("channel").asString()).isEqualTo("HOTLINE");
        Response byBot = book(chatBot, """
                {"officeId": "TT-HUYEN", "date": "%s", "start": "09:00", "purpose": "GUIDANCE", "phone": "0912000022"}"""
                .formatted(day));
        assertThat(byBot.status()).as(byBot.body()).isEqualTo(201);
        assertThat(byBot.json().get("channel").asString()).isEqualTo("CHAT_BOT");
        assertThat(book(chatBot, handIn(day, "09:00", "2.000016", "\"citizenId\": \"001090000022\"")).status()).isEqualTo(422);
        // Booked for a phone number only, the hotline's caller and the chat user hear of it on that number (ADR 0036).
        String hotlineCode = byHotline.json().get("code").asString();
        String botCode = byBot.json().get("code").asString();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> Observations.about(Observations.zaloTo("84912000021"), hotlineCode) == 1
                        && Observations.about(Observations.zaloTo("84912000022"), botCode) == 1);
        assertThat(gateway.get("/api/v1/bookings/" + byPortal.json().get("code").asString(), gateway.userToken("citizen2"))
                .status()).isEqualTo(404);

        String number = queueNumber(portal, officer);
        String called = "";
        for (int i = 0; i < 50 && !called.equals(number); i++) {
            Response call = gateway.post("/api/v1/offices/" + OFFICE + "/counters/Q4/call-next", officer, "{}", null);
            assertThat(call.status()).as(call.body()).isEqualTo(200);
            called = call.json().get("number").asString();
            assertThat(gateway.post("/api/v1/offices/" + OFFICE + "/tickets/" + called + "/served", officer, "{}", null)
                    .status()).isEqualTo(200);
        }
        assertThat(called).isEqualTo(number);
        Response board = gateway.get("/api/v1/public/offices/" + OFFICE + "/board", null);
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.json().get("calls").get(0).get("number").asString()).isEqualTo(number);
        assertThat(board.body()).doesNotContain("0912").doesNotContain("citizenId");
        assertThat(gateway.post("/api/v1/offices/" + OFFICE + "/counters/Q4/call-next", gateway.userToken("citizen1"), "{}", null)
                .status()).isEqualTo(403);
        assertThat(gateway.post("/api/v1/offices/" + OFFICE + "/counters/Q4/call-next", gateway.userToken("officer2"), "{}", null)
                .status()).isEqualTo(403);
    }

    @Test
    void aResultAtTheCounterIsBookedByItsApplicantAndReturningItUsesTheBooking() throws Exception {
        String citizen = gateway.userToken("citizen1");
        String officer = gateway.userToken("officer1");
        String code = DossierSteps.resultReady(gateway,
                DossierRequestMother.liquorLicenceForCitizen1().replace("\"POST\"", "\"COUNTER\""));

        LocalDate day = weekdayFrom(LocalDate.now(HANOI).plusDays(2));
        String collect = """
                {"officeId": "TT-HUYEN", "date": "%s", "start": "10:00", "purpose": "COLLECT_RESULT", "dossierCode": "%s"}"""
                .formatted(day, code);
        assertThat(book(gateway.userToken("citizen2"), collect).status()).isEqualTo(422);
        Response booked = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> book(citizen, collect), r -> r.status() == 201);
        String booking = booked.json().get("code").asString();

        assertThat(DossierSteps.step(gateway, code, "return", officer, "{}").get("nationalStatus").asInt()).isEqualTo(10);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(
                () -> gateway.get("/api/v1/bookings/" + booking, citizen).json().get("status").asString(), "USED"::equals);
    }

    /**
     * A queue number for a booked visitor when a slot of today is still ahead (check-in by code),
     * else for a walk-in: the suite runs at any hour, and a booking for a slot that has begun is refused.
     */
    private String queueNumber(String portal, String officer) {
        LocalDate today = LocalDate.now(HANOI);
        JsonNode slots = gateway.get("/api/v1/offices/" + OFFICE + "/slots?date=" + today, officer).json().get("slots");
        LocalTime soon = LocalTime.now(HANOI).plusMinutes(2);
        for (JsonNode slot : slots) {
            LocalTime start = LocalTime.parse(slot.get("start").asString());
            if (start.isAfter(soon) && slot.get("free").asInt() > 0) {
                Response booked = book(portal, """
                        {"officeId": "TT-HUYEN", "date": "%s", "start": "%s", "purpose": "GUIDANCE", "citizenId": "001090000023"}"""
                        .formatted(today, start));
                assertThat(booked.status()).as(booked.body()).isEqualTo(201);
                Response ticket = gateway.post("/api/v1/offices/" + OFFICE + "/check-ins", officer,
                        "{\"bookingCode\": \"" + booked.json().get("code").asString() + "\"}", null);
                assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
                return ticket.json().get("number").asString();
            }
        }
        Response walkIn = gateway.post("/api/v1/offices/" + OFFICE + "/walk-ins", officer,
                "{\"purpose\": \"GUIDANCE\", \"phone\": \"0912000024\"}", UUID.randomUUID().toString());
        assertThat(walkIn.status()).as(walkIn.body()).isEqualTo(201);
        return walkIn.json().get("number").asString();
    }

    private Response book(String token, String body) {
        return gateway.post("/api/v1/bookings", token, body, UUID.randomUUID().toString());
    }

    private static String handIn(LocalDate day, String start, String procedure, String forWhom) {
        return """
                {"officeId": "TT-HUYEN", "date": "%s", "start": "%s", "purpose": "HAND_IN", "procedureCode": "%s", %s}"""
                .formatted(day, start, procedure, forWhom);
    }

    private static LocalDate weekdayFrom(LocalDate day) {
        LocalDate weekday = day;
        while (weekday.getDayOfWeek() == DayOfWeek.SATURDAY || weekday.getDayOfWeek() == DayOfWeek.SUNDAY) {
            weekday = weekday.plusDays(1);
        }
        return weekday;
    }
}
