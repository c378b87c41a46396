package vn.motcua.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/** The platform's calls as a portal, a citizen's app and an officer's desk make them. */
final class Requests {
    static final String CATALOG = "/api/v1/procedures";
    static final String PUBLIC_CATALOG = "/api/v1/public/procedures";

    private Requests() {
    }

    /** One pool of kept-alive connections for all virtual users, as a portal's backend holds one. */
    static HttpProtocolBuilder protocol() {
        return http.baseUrl(Settings.baseUrl()).acceptHeader("application/json").shareConnections()
                .userAgentHeader("motcua-load");
    }

    /**
     * The province's portal submits for a citizen of its own (a fresh identity number, phone and
     * email each time, as a day's applicants are), with an idempotency key of its own; the code is
     * kept as "code". One citizen submitting thousands of dossiers a minute is no one's busy day.
     */
    static HttpRequestActionBuilder submission() {
        String body = """
                {"procedureCode": "%s", "agencyCode": "%s", "resultDelivery": "COUNTER",
                 "applicant": {"fullName": "Nguyễn Văn An", "idNumber": "#{citizenId}", "phone": "#{phone}",
                               "email": "#{citizenId}@example.com", "address": "Số 5 phố Lê Lợi, Hà Nội"}}"""
                .formatted(Settings.procedure(), Settings.agency());
        return http("submit").post("/api/v1/dossiers").header("Authorization", "Bearer " + Settings.portalToken())
                .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                .body(StringBody(body)).asJson().check(status().is(201), jmesPath("code").saveAs("code"));
    }

    /** A day's applicants: each virtual user a citizen of their own. */
    static Iterator<Map<String, Object>> citizens() {
        return Stream.generate(() -> Map.<String, Object>of(
                "citizenId", "0010" + digits(8), "phone", "09" + digits(8))).iterator();
    }

    static String digits(int count) {
        return String.format("%0" + count + "d", ThreadLocalRandom.current().nextLong((long) Math.pow(10, count)));
    }

    /** A catalog search; without a token, the public catalog anyone may browse. */
    static HttpRequestActionBuilder catalogRead(String name, String token) {
        if (token == null) {
            return http(name).get(PUBLIC_CATALOG).queryParam("name", "rượu").check(status().is(200));
        }
        return http(name).get(CATALOG).queryParam("name", "rượu").header("Authorization", "Bearer " + token)
                .check(status().is(200));
    }

    static HttpRequestActionBuilder ownDossiers() {
        return http("citizen's dossiers").get("/api/v1/dossiers").header("Authorization", "Bearer " + Settings.citizenToken())
                .check(status().is(200));
    }

    /** The portal reads back the dossier it submitted, as it shows the citizen their receipt. */
    static HttpRequestActionBuilder submittedDossier() {
        return http("portal reads the dossier").get("/api/v1/dossiers/#{code}")
                .header("Authorization", "Bearer " + Settings.portalToken()).check(status().is(200));
    }

    static HttpRequestActionBuilder inbox() {
        return http("citizen's inbox").get("/api/v1/notifications").header("Authorization", "Bearer " + Settings.citizenToken())
                .check(status().is(200));
    }

    /** The one-stop officer takes in the paper copies of a submitted dossier (status 2 to 3). */
    static HttpRequestActionBuilder reception() {
        return http("officer receives").post("/api/v1/dossiers/#{code}/reception")
                .header("Authorization", "Bearer " + Settings.officerToken())
                .body(StringBody("""
                        {"paperDocuments": ["Đơn đề nghị cấp giấy phép", "Bản sao giấy chứng nhận đăng ký kinh doanh"]}"""))
                .asJson().check(status().is(200));
    }

    static HttpRequestActionBuilder workQueue() {
        return http("officer's work queue").get("/api/v1/work-queue").header("Authorization", "Bearer " + Settings.officerToken())
                .check(status().is(200));
    }
}
