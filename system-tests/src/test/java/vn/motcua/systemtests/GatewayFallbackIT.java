package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.localstack.GatewayClient;
import vn.motcua.localstack.GatewayClient.Response;

/** Runs last (it stops a service): a route whose service is down answers 503 problem+json, the others still work. */
@ExtendWith(Platform.class)
@Order(Integer.MAX_VALUE)
class GatewayFallbackIT {
    private final GatewayClient gateway = Platform.client();

    @Test
    void aStoppedServiceIsReportedAsUnavailableWhileTheOthersStillAnswer() {
        String token = gateway.userToken("citizen1");
        Platform.stack().stop("payment-service");

        Response payments = gateway.get("/api/v1/payments?dossier=000.10.20.H29-261124-0001", token);

        assertThat(payments.status()).isEqualTo(503);
        assertThat(payments.contentType()).startsWith("application/problem+json");
        assertThat(payments.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(gateway.get("/api/v1/procedures", token).status()).isEqualTo(200);
    }
}
