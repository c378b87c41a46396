package vn.motcua.gateway;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.citizen;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.web.client.ResourceAccessException;

/**
 * The gateway in front of a stand-in service that echoes what it received, and of a service
 * that is down. The real services behind the real gateway are exercised by the system test.
 */
@SpringBootTest
@AutoConfigureMockMvc
class GatewayRoutingIT {
    private static final HttpServer ECHO = EchoService.start();
    /** Answers, but only after three seconds: longer than this test's one-second gateway timeout. */
    private static final HttpServer SLOW = EchoService.startAnsweringAfter(Duration.ofSeconds(3));

    @Autowired
    MockMvc mvc;

    @AfterAll
    static void stopEcho() {
        ECHO.stop(0);
        SLOW.stop(0);
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String echo = EchoService.url(ECHO);
        registry.add("motcua.security.issuer", () -> "http://127.0.0.1:1/realms/motcua-test");
        for (String service : new String[] {"dossier", "appointment", "postal"}) {
            registry.add("motcua.services." + service, () -> echo);
        }
        registry.add("motcua.services.notification", () -> EchoService.url(SLOW));
        registry.add("motcua.gateway.timeout", () -> "1s");
        // Nothing listens on port 1: the payment service is down.
        registry.add("motcua.services.payment", () -> "http://127.0.0.1:1");
    }

    @Test
    void routesEachApiToItsServiceAndPassesTheCorrelationIdOn() throws Exception {
        mvc.perform(get("/api/v1/procedures").with(citizen(CITIZEN_1)).header("X-Correlation-Id", "portal-42"))
                .andExpect(status().isOk())
                .andExpect(header().stringValues("X-Correlation-Id", "portal-42"))
                .andExpect(jsonPath("$.path").value("/api/v1/procedures"))
                .andExpect(jsonPath("$.correlationId").value("portal-42"));
        mvc.perform(get("/api/v1/offices").with(citizen(CITIZEN_1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.path").value("/api/v1/offices"))
                .andExpect(jsonPath("$.correlationId").isNotEmpty());
    }

    @Autowired
    CircuitBreakerFactory<?, ?> breakers;

    @Test
    void aSlowButAnsweringServiceIsNotCutOffByTheBreakersTimeLimit() {
        String answer = breakers.create("dossier").run(() -> {
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "answered";
        }, failure -> "cut off: " + failure);
        Assertions.assertThat(answer).isEqualTo("answered");
    }

    @Test
    void refusesCallsWithoutATokenBeforeRouting() throws Exception {
        mvc.perform(get("/api/v1/dossiers/000.10.20.H29-240115-0001"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:unauthenticated"));
        mvc.perform(post("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void routesThePublicLookUpWithoutATokenButNothingElseOfTheDossierService() throws Exception {
        mvc.perform(get("/api/v1/public/dossier-status").param("code", "x").param("idNumber", "001090000001"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.path").value("/api/v1/public/dossier-status"));
        mvc.perform(get("/api/v1/work-queue")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/statistics/export.csv")).andExpect(status().isUnauthorized());
    }

    @Test
    void aServiceSlowerThanTheTimeoutIsCutOffAndAnsweredWithGatewayTimeout() throws Exception {
        MvcResult cutOff = mvc.perform(post("/api/v1/notifications/preferences").with(citizen(CITIZEN_1))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(MockMvcResultMatchers.forwardedUrl("/fallback/notification")).andReturn();
        Exception failure = failureForwardedBy(cutOff);

        // The failure the real HTTP client gave, handed to the fallback as the breaker's forward does.
        mvc.perform(post("/fallback/notification").with(forwardedByTheBreakerFrom("/api/v1/notifications/preferences", failure)))
                .andExpect(status().isGatewayTimeout())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:service-timeout"))
                .andExpect(jsonPath("$.service").value("notification"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("whether it did what was asked is not known")));
    }

    @Test
    void aServiceThatIsDownGivesAProblemNotAHang() throws Exception {
        // MockMvc records the circuit breaker's forward instead of following it.
        MvcResult refused = mvc.perform(get("/api/v1/payments").param("dossier", "x").with(citizen(CITIZEN_1)))
                .andExpect(MockMvcResultMatchers.forwardedUrl("/fallback/payment")).andReturn();
        Exception failure = failureForwardedBy(refused);
        mvc.perform(get("/fallback/payment").with(forwardedByTheBreakerFrom("/api/v1/payments", failure)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.instance").value("/api/v1/payments"))
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:service-unavailable"))
                .andExpect(jsonPath("$.service").value("payment"));
    }

    @Test
    void aChangeTheServiceDidNotAnswerInTimeIsReportedAsOfUnknownOutcomeNotAsUnchanged() throws Exception {
        Exception readTimedOut = new ResourceAccessException("I/O error on POST request", new SocketTimeoutException("Read timed out"));
        Exception refused = new ResourceAccessException("I/O error on POST request", new ConnectException("Connection refused"));

        mvc.perform(post("/fallback/dossier").with(forwardedByTheBreakerFrom("/api/v1/dossiers/X/approval", readTimedOut)))
                .andExpect(status().isGatewayTimeout())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith(
                        "The dossier service did not answer in time, so whether it did what was asked is not known")));
        mvc.perform(post("/fallback/dossier").with(forwardedByTheBreakerFrom("/api/v1/dossiers/X/approval", refused)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("nothing was changed")));
        mvc.perform(get("/fallback/dossier").with(forwardedByTheBreakerFrom("/api/v1/dossiers/X", readTimedOut)))
                .andExpect(status().isGatewayTimeout())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("a read changes nothing")));
    }

    @Test
    void aConnectionNotMadeInTimeIsACallNeverSentNotATimedOutAnswer() throws Exception {
        // HttpClient's connect timeout is a SocketTimeoutException, as a read timeout is, with the socket's own as its cause.
        ConnectTimeoutException notConnected = new ConnectTimeoutException("Connect to http://127.0.0.1:8081 failed: Connect timed out");
        notConnected.initCause(new SocketTimeoutException("Connect timed out"));
        Exception failure = new ResourceAccessException("I/O error on POST request", notConnected);

        mvc.perform(post("/fallback/dossier").with(forwardedByTheBreakerFrom("/api/v1/dossiers/X/approval", failure)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:service-unavailable"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("nothing was changed")));
    }

    @Test
    void theFallbackIsInternalNotReachableFromOutsideNorInTheApiDocument() throws Exception {
        mvc.perform(get("/fallback/payment"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/fallback/payment").with(citizen(CITIZEN_1))).andExpect(status().isNotFound());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/fallback/{service}']").doesNotExist());
    }

    @Test
    void aServiceAnswerIsPassedOnAsItIsNeverRetriedAndItsCookiesAreNotKeptForTheNextCaller() throws Exception {
        int before = EchoService.BUSY_ANSWERS.get();

        mvc.perform(get("/api/v1/public/busy"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"));

        Assertions.assertThat(EchoService.BUSY_ANSWERS.get() - before).isEqualTo(1);
        // Before, the HTTP client kept a cookie store shared by every caller: this one's cookie reached the next.
        mvc.perform(get("/api/v1/procedures").with(citizen(CITIZEN_1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cookie").value(Matchers.nullValue()));
    }

    @Autowired
    CircuitBreakerRegistry breakerRegistry;

    @Test
    void aParameterNameTheFirewallRefusesIsTheCallersErrorNotAnUnavailableService() throws Exception {
        long failuresBefore = breakerRegistry.circuitBreaker("dossier").getMetrics().getNumberOfFailedCalls();
        for (int i = 0; i < 25; i++) {
            MvcResult sentOn = mvc.perform(get("/api/v1/procedures").param("name\u0000", "x").with(citizen(CITIZEN_1)))
                    .andExpect(MockMvcResultMatchers.forwardedUrl("/fallback/dossier")).andReturn();
            Object failure = sentOn.getRequest().getAttribute(MvcUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
            mvc.perform(get("/fallback/dossier").with(forwardedByTheBreakerFrom("/api/v1/procedures"))
                            .requestAttr(MvcUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR, failure))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.instance").value("/api/v1/procedures"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:motcua:problem:request-rejected"));
        }
        // Not counted as the service's failures: a flood of them leaves its breaker closed for everyone else.
        Assertions.assertThat(breakerRegistry.circuitBreaker("dossier").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        Assertions.assertThat(breakerRegistry.circuitBreaker("dossier").getMetrics().getNumberOfFailedCalls())
                .isEqualTo(failuresBefore);
    }

    @Test
    void everyMethodReachesTheServiceThroughThePooledClient() throws Exception {
        for (var request : new MockHttpServletRequestBuilder[] {
                patch("/api/v1/dossiers/000.10.20.H29-240115-0001").contentType(MediaType.APPLICATION_JSON).content("{}"),
                put("/api/v1/procedures/1.000001").contentType(MediaType.APPLICATION_JSON).content("{}"),
                delete("/api/v1/dossiers/000.10.20.H29-240115-0001")}) {
            mvc.perform(request.with(citizen(CITIZEN_1))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.path").isNotEmpty());
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedAtTheGatewayWith413NotPassedOn() throws Exception {
        mvc.perform(post("/api/v1/dossiers").with(citizen(CITIZEN_1)).contentType(MediaType.APPLICATION_JSON)
                        .content(new byte[2 * 1024 * 1024]))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:body-too-large"));
    }

    /** As the breaker forwards a call to the path the caller asked for, which the problem must name. */
    private static RequestPostProcessor forwardedByTheBreakerFrom(String asked) {
        return forwardedByTheBreakerFrom(asked, null);
    }

    /** The real HTTP client's failure that the breaker handed on with its forward to the fallback. */
    private static Exception failureForwardedBy(MvcResult call) {
        return (Exception) call.getRequest().getAttribute(MvcUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
    }

    private static RequestPostProcessor forwardedByTheBreakerFrom(String asked, Exception failure) {
        return request -> {
            request.setDispatcherType(DispatcherType.FORWARD);
            request.setAttribute(RequestDispatcher.FORWARD_REQUEST_URI, asked);
            if (failure != null) {
                request.setAttribute(MvcUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR, failure);
            }
            return request;
        };
    }

    @Test
    void servesEveryServicesApiDocsInOneSwaggerUi() throws Exception {
        mvc.perform(get("/v3/api-docs/swagger-config"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.urls[*].url").value(Matchers.containsInAnyOrder(
                        "/api-docs/dossier", "/api-docs/appointment", "/api-docs/payment", "/api-docs/postal",
                        "/api-docs/notification")));
        mvc.perform(get("/api-docs/dossier")).andExpect(status().isOk())
                .andExpect(jsonPath("$.path").value("/v3/api-docs"));
    }
}
