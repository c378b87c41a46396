package vn.motcua.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The day's journeys of several calls, each as its user goes through it: the portal attaching the
 * scanned papers, a citizen paying the intake fee on the provider's page (the provider's signed
 * callback completes it), a citizen whose paper dossier the post collects (the operator's reports
 * move it), the portal booking a counter visit, a walk-in numbered at the desk, called and served.
 */
final class Journeys {
    /** A small valid PDF: what is measured is the platform's handling of a file, not the upload of megabytes. */
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> LIQUOR_LICENCE_PAPERS = List.of("Đơn đề nghị cấp giấy phép",
            "Bản sao giấy chứng nhận đăng ký kinh doanh");
    /** Đăng ký hộ kinh doanh: the catalog accepts it by post. */
    private static final String BY_POST_PROCEDURE = "2.000009";
    private static final int MAX_POLLS = 40;

    private Journeys() {
    }

    /** The portal attaches the application's scanned papers to the dossier it just submitted ("code"). */
    static ChainBuilder uploads() {
        return exec(LIQUOR_LICENCE_PAPERS.stream().map(kind -> exec(http("portal uploads a paper")
                .post("/api/v1/dossiers/#{code}/documents").header("Authorization", "Bearer " + Settings.portalToken())
                .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                .asMultipartForm().bodyParts(StringBodyPart("kind", kind),
                        ByteArrayBodyPart("file", PDF).fileName("giay-to.pdf").contentType("application/pdf"))
                .check(status().is(201)))).toList());
    }

    /**
     * The citizen submits, waits for the intake fee's payment order, checks out, approves on the
     * provider simulator's page; the provider's signed notification (its process calling the
     * platform) completes the order, which the citizen's app sees.
     */
    static ChainBuilder payOnline() {
        return exec(http("citizen submits").post("/api/v1/dossiers").header("Authorization", "Bearer " + Settings.citizenToken())
                .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                .body(StringBody("""
                        {"procedureCode": "%s", "agencyCode": "%s", "resultDelivery": "COUNTER",
                         "applicant": {"fullName": "Nguyễn Văn An", "idNumber": "%s", "phone": "0912345678",
                                       "email": "citizen1@example.com", "address": "Số 5 phố Lê Lợi, Hà Nội"}}"""
                        .formatted(Settings.procedure(), Settings.agency(), Settings.citizenIdNumber())))
                .asJson().check(status().is(201), jmesPath("code").saveAs("code"))).exitHereIfFailed()
                .exec(until(session -> session.contains("paymentId"), "orders", Duration.ofSeconds(2),
                        http("citizen's payment orders").get("/api/v1/payments").queryParam("dossier", "#{code}")
                                .header("Authorization", "Bearer " + Settings.citizenToken())
                                .check(status().is(200), jmesPath("[0].id").optional().saveAs("paymentId")))).exitHereIfFailed()
                .exec(http("checkout").post("/api/v1/payments/#{paymentId}/checkout")
                        .header("Authorization", "Bearer " + Settings.citizenToken())
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString()).body(StringBody("{}")).asJson()
                        .check(status().is(201), jmesPath("reference").saveAs("reference"),
                                jmesPath("paymentUrl").saveAs("paymentUrl"),
                                jmesPath("paymentUrl").transform(url -> URI.create(url).resolve("/paymentv2/decide").toString())
                                        .saveAs("decideUrl"))).exitHereIfFailed()
                .exec(http("provider's payment page").get("#{paymentUrl}").check(status().is(200)))
                .exec(http("citizen approves at the provider").post("#{decideUrl}").formParam("txnRef", "#{reference}")
                        .formParam("outcome", "approve").disableFollowRedirect().check(status().is(302))).exitHereIfFailed()
                .exec(followUntil("/api/v1/payments/#{paymentId}", "COMPLETED", Duration.ofSeconds(1), "payment order read",
                        "payment completed"));
    }

    /**
     * The citizen asks the post to collect a paper dossier; the operator simulator walks the item
     * through its stages, reporting each to the platform; the citizen's app follows the tracking
     * every five seconds until the item is delivered to the agency.
     */
    static ChainBuilder pickupFollowed() {
        return exec(http("citizen asks for a pick-up").post("/api/v1/shipments/pickups")
                .header("Authorization", "Bearer " + Settings.citizenToken())
                .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                .body(StringBody("""
                        {"procedureCode": "%s", "agencyCode": "%s", "senderName": "Nguyễn Văn An", "senderPhone": "0912345678",
                         "address": "Số 5 phố Lê Lợi, xã Thường Tín", "province": "Hà Nội"}""".formatted(BY_POST_PROCEDURE,
                        Settings.agency()))).asJson().check(status().is(201), jmesPath("id").saveAs("shipmentId"))).exitHereIfFailed()
                .exec(followUntil("/api/v1/shipments/#{shipmentId}", "DELIVERED", Duration.ofSeconds(5), "tracking read",
                        "shipment delivered"));
    }

    /**
     * The citizen's app reading {@code path} every {@code interval} until its status is {@code wanted},
     * then once more, checked: the journey's outcome, as the citizen sees it.
     */
    private static ChainBuilder followUntil(String path, String wanted, Duration interval, String reading, String outcome) {
        String status = outcome + " status";
        return until(session -> wanted.equals(session.getString(status)), outcome + " reads", interval,
                citizenRead(reading, path, status)).exec(citizenRead(outcome, path, status).check(jmesPath("status").is(wanted)));
    }

    private static HttpRequestActionBuilder citizenRead(String name, String path, String statusAs) {
        return http(name).get(path).header("Authorization", "Bearer " + Settings.citizenToken())
                .check(status().is(200), jmesPath("status").saveAs(statusAs));
    }

    /**
     * The portal books a counter visit for a citizen of its own on the next of the free places it was
     * given, with the phone number the citizen gave it: the citizen is told there (ADR 0036), having
     * no dossier that would have given the platform an address.
     */
    static ChainBuilder booking() {
        return exec(http("portal books a visit").post("/api/v1/bookings").header("Authorization", "Bearer " + Settings.portalToken())
                .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                .body(StringBody("""
                        {"officeId": "%s", "date": "#{date}", "start": "#{start}", "purpose": "HAND_IN",
                         "procedureCode": "%s", "citizenId": "#{citizenId}", "phone": "#{phone}"}""".formatted(Settings.office(),
                        Settings.bookingProcedure()))).asJson().check(status().is(201)));
    }

    /**
     * At the office's reception desk, the officer gives a walk-in a number (its seat under the waiting
     * area's cap, or the virtual queue); a counter's officer then calls the next number of its queue
     * and serves them. The call is answered 409 when nobody waits for that counter or the room is at
     * its cap, as a desk meets it on a busy day: a refusal the desk reads, not a failure.
     */
    static ChainBuilder counterVisit() {
        String office = "/api/v1/offices/" + Settings.office();
        String officer = "Bearer " + Settings.officerToken();
        return exec(http("officer numbers a walk-in").post(office + "/walk-ins").header("Authorization", officer)
                .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                .body(StringBody("{\"purpose\": \"GUIDANCE\"}")).asJson().check(status().is(201))).exitHereIfFailed()
                .exec(session -> session.remove("called"))
                .exec(http("counter calls the next").post(office + "/counters/" + Settings.guidanceCounter() + "/call-next")
                        .header("Authorization", officer).check(status().in(200, 409), jmesPath("number").optional().saveAs("called")))
                .doIf(session -> session.contains("called"))
                .then(exec(http("counter serves the called").post(office + "/tickets/#{called}/served").header("Authorization", officer)
                        .check(status().is(200))));
    }

    /** Free places ("date@start" from {@code load.slots}) handed out one each, in turn, with a citizen and a phone of their own. */
    static Iterator<Map<String, Object>> places() {
        List<String> places = Settings.places();
        return Stream.iterate(0, i -> i + 1).map(i -> places.get(i % places.size()).split("@"))
                .map(place -> Map.<String, Object>of("date", place[0], "start", place[1], "citizenId", "0010" + Requests.digits(8),
                        "phone", "097" + Requests.digits(7)))
                .iterator();
    }

    /** Sends {@code read} until {@code done}, pausing between reads; gives up after forty (what follows then fails). */
    private static ChainBuilder until(Function<Session, Boolean> done, String counter, Duration interval,
            HttpRequestActionBuilder read) {
        return asLongAs(session -> !done.apply(session) && session.getInt(counter) < MAX_POLLS, counter)
                .on(pause(interval).exec(read));
    }
}
