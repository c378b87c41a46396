package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.localstack.GatewayClient;
import vn.motcua.localstack.GatewayClient.Response;
import vn.motcua.localstack.StackConfig;

/** Who may not see a citizen's dossier, and which tokens the platform refuses. */
@ExtendWith(Platform.class)
class AccessIT {
    private static final String CITIZEN_2 = "001090000002";
    private static GatewayClient gateway;
    private static String code;

    @BeforeAll
    static void citizen1SubmitsADossier() {
        gateway = Platform.client();
        String token = gateway.userToken("citizen1");
        Response submitted = gateway.post("/api/v1/dossiers", token, DossierRequestMother.liquorLicenceForCitizen1(),
                UUID.randomUUID().toString());
        assertThat(submitted.status()).isEqualTo(201);
        code = submitted.json().get("code").asString();
        // Submitted, fee requested, return address to confirm (the result goes by post).
        Observations.awaitNotifications(gateway, token, code, 3);
    }

    @Test
    void anotherCitizenSeesNeitherTheDossierNorItsPaymentsNorItsNotifications() {
        String citizen2 = gateway.userToken("citizen2");

        Response dossier = gateway.get("/api/v1/dossiers/" + code, citizen2);
        assertThat(dossier.status()).isEqualTo(404);
        assertThat(dossier.contentType()).startsWith("application/problem+json");
        assertThat(gateway.get("/api/v1/payments?dossier=" + code, citizen2).json()).isEmpty();
        assertThat(gateway.get("/api/v1/notifications", citizen2).body()).doesNotContain(code);
        assertThat(gateway.get("/api/v1/shipments", citizen2).body()).doesNotContain(code);
        assertThat(gateway.get("/api/v1/dossiers", citizen2).body()).doesNotContain(code);
    }

    @Test
    void aPortalsPagesOnItsOwnSiteReadTheirCitizensAnswersAndOtherSitesPagesDoNot() {
        String token = gateway.userToken("citizen1");
        Response preflight = gateway.send(gateway.request("/api/v1/dossiers", null)
                .header("Origin", StackConfig.LOCAL_PORTAL_ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.raw().headers().firstValue("Access-Control-Allow-Origin")).hasValue(StackConfig.LOCAL_PORTAL_ORIGIN);

        Response read = gateway.send(gateway.request("/api/v1/dossiers/" + code, token).header("Origin", StackConfig.LOCAL_PORTAL_ORIGIN));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.raw().headers().firstValue("Access-Control-Allow-Origin")).hasValue(StackConfig.LOCAL_PORTAL_ORIGIN);
        assertThat(read.raw().headers().firstValue("Access-Control-Expose-Headers")).get().asString().contains("ETag");

        Response elsewhere = gateway.send(gateway.request("/api/v1/dossiers", null).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.json().get("type").asString()).isEqualTo("urn:motcua:problem:origin-not-allowed");
        assertThat(gateway.send(gateway.request("/api/v1/dossiers/" + code, token).header("Origin", "https://evil.example"))
                .raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void onlyOfficersOfTheDossiersAgencySeeIt() {
        assertThat(gateway.get("/api/v1/dossiers/" + code, gateway.userToken("officer2")).status()).isEqualTo(404);
        assertThat(gateway.get("/api/v1/dossiers/" + code, gateway.userToken("officer1")).status()).isEqualTo(200);
    }

    @Test
    void aPortalSubmitsOnlyOnBehalfOfTheApplicantItNames() {
        String portal = gateway.clientToken("portal-hanoi", "portal-hanoi-local-secret");
        Response onBehalf = gateway.post("/api/v1/dossiers", portal,
                DossierRequestMother.liquorLicence(CITIZEN_2, "citizen2@example.com"), UUID.randomUUID().toString());
        assertThat(onBehalf.status()).isEqualTo(201);
        String portalCode = onBehalf.json().get("code").asString();

        assertThat(gateway.get("/api/v1/dossiers/" + portalCode, gateway.userToken("citizen2")).status()).isEqualTo(200);
        assertThat(gateway.get("/api/v1/dossiers/" + portalCode, gateway.userToken("citizen1")).status()).isEqualTo(404);
        // The portal acts for the citizen on what it submitted (its token names its province, H29).
        assertThat(gateway.get("/api/v1/dossiers/" + portalCode, portal).status()).isEqualTo(200);
    }

    @Test
    void aCallWithoutATokenIsUnauthorized() {
        Response response = gateway.get("/api/v1/dossiers/" + code, null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(gateway.get("/api/v1/notifications", null).status()).isEqualTo(401);
        assertThat(gateway.post("/api/v1/dossiers", null, DossierRequestMother.liquorLicenceForCitizen1(),
                UUID.randomUUID().toString()).status()).isEqualTo(401);
    }

    @Test
    void aTokenFromAnotherIssuerIsUnauthorized() throws Exception {
        Response response = gateway.get("/api/v1/dossiers/" + code, TokenMother.fromAnotherIssuer());
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aTokenWithATamperedSignatureIsUnauthorized() {
        String citizen2 = gateway.userToken("citizen2");
        String posingAsCitizen1 = TokenMother.tampered(citizen2, CITIZEN_2, DossierRequestMother.CITIZEN_1);
        assertThat(gateway.get("/api/v1/dossiers/" + code, posingAsCitizen1).status()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsUnauthorized() throws InterruptedException {
        // motcua-test-shortlived issues tokens that live 3 s; the platform allows 10 s of clock skew.
        String shortLived = gateway.userToken("motcua-test-shortlived", "citizen1");
        assertThat(gateway.get("/api/v1/dossiers/" + code, shortLived).status()).isEqualTo(200);
        Thread.sleep(14_000);
        Response expired = gateway.get("/api/v1/dossiers/" + code, shortLived);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.contentType()).startsWith("application/problem+json");
    }
}
