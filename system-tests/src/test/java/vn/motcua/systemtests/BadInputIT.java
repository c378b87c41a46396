package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.localstack.GatewayClient;
import vn.motcua.localstack.GatewayClient.Response;

/** Bad requests are refused with problem+json and store nothing; a repeated request stores one dossier. */
@ExtendWith(Platform.class)
class BadInputIT {
    private final GatewayClient gateway = Platform.client();
    private String token;

    @BeforeEach
    void citizen1() {
        token = gateway.userToken("citizen1");
    }

    @Test
    void aMalformedBodyIsABadRequestAndStoresNothing() {
        long before = dossiersOfCitizen1();
        String truncated = DossierRequestMother.liquorLicenceForCitizen1().substring(0, 60);

        Response response = gateway.post("/api/v1/dossiers", token, truncated, UUID.randomUUID().toString());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).isNotBlank();
        assertThat(dossiersOfCitizen1()).isEqualTo(before);
    }

    @Test
    void aMongoOperatorWhereAStringBelongsIsABadRequest() {
        long before = dossiersOfCitizen1();
        String injected = DossierRequestMother.liquorLicenceForCitizen1()
                .replace("\"procedureCode\": \"" + DossierRequestMother.LIQUOR_RETAIL + "\"", "\"procedureCode\": {\"$ne\": null}");
        assertThat(injected).contains("$ne");

        Response response = gateway.post("/api/v1/dossiers", token, injected, UUID.randomUUID().toString());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        Response lookup = gateway.get("/api/v1/dossiers/%7B%22$ne%22:null%7D", token);
        assertThat(lookup.status()).isEqualTo(404);
        assertThat(dossiersOfCitizen1()).isEqualTo(before);
    }

    @Test
    void anInvalidCitizenIdNumberNamesTheField() {
        long before = dossiersOfCitizen1();
        String invalid = DossierRequestMother.liquorLicence("12345", "citizen1@example.com");

        Response response = gateway.post("/api/v1/dossiers", token, invalid, UUID.randomUUID().toString());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("idNumber");
        assertThat(dossiersOfCitizen1()).isEqualTo(before);
    }

    @Test
    void theSameIdempotencyKeyTwiceStoresOneDossier() {
        long before = dossiersOfCitizen1();
        String key = UUID.randomUUID().toString();

        Response first = gateway.post("/api/v1/dossiers", token, DossierRequestMother.liquorLicenceForCitizen1(), key);
        Response second = gateway.post("/api/v1/dossiers", token, DossierRequestMother.liquorLicenceForCitizen1(), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("code").asString()).isEqualTo(first.json().get("code").asString());
        assertThat(second.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(dossiersOfCitizen1()).isEqualTo(before + 1);
    }

    @Test
    void aSubmissionWithoutAnIdempotencyKeyIsRefused() {
        long before = dossiersOfCitizen1();
        Response response = gateway.post("/api/v1/dossiers", token, DossierRequestMother.liquorLicenceForCitizen1(), null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("Idempotency-Key");
        assertThat(dossiersOfCitizen1()).isEqualTo(before);
    }

    private long dossiersOfCitizen1() {
        Response mine = gateway.get("/api/v1/dossiers?size=1", token);
        assertThat(mine.status()).isEqualTo(200);
        return mine.json().get("total").asLong();
    }
}
