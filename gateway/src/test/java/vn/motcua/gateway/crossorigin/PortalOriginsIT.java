package vn.motcua.gateway.crossorigin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.citizen;

import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.http.HttpServlet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.motcua.gateway.EchoService;
import vn.motcua.gateway.overload.InFlightLimit;
import vn.motcua.kit.problem.ProblemResponses;

/** A citizen's browser on a listed portal's site reads the API's answers; other sites' pages do not. */
@SpringBootTest
@AutoConfigureMockMvc
class PortalOriginsIT {
    private static final HttpServer ECHO = EchoService.start();
    private static final String PORTAL = "https://dichvucong.hanoi.gov.vn";
    private static final String OTHER_SITE = "https://evil.example";

    @Autowired
    MockMvc mvc;
    @Autowired
    FilterRegistrationBean<PortalOrigins> portalOrigins;
    @Autowired
    FilterRegistrationBean<InFlightLimit> inFlightLimit;
    @Autowired
    ProblemResponses problems;

    @AfterAll
    static void stopEcho() {
        ECHO.stop(0);
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("motcua.security.issuer", () -> "http://127.0.0.1:1/realms/motcua-test");
        for (String service : new String[] {"dossier", "appointment", "postal", "payment", "notification"}) {
            registry.add("motcua.services." + service, () -> EchoService.url(ECHO));
        }
        // As an operator may write it: capitals and a trailing slash.
        registry.add("motcua.gateway.cross-origin.allowed-origins[0]", () -> "https://DichVuCong.Hanoi.gov.vn/");
    }

    private static MockHttpServletRequestBuilder preflight(String origin, String method, String headers) {
        return options("/api/v1/dossiers").header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers);
    }

    @Test
    void aListedPortalsPreflightIsAnsweredWithoutAToken() throws Exception {
        mvc.perform(preflight(PORTAL, "POST", "authorization, content-type, idempotency-key"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("Access-Control-Allow-Origin", PORTAL))
                .andExpect(header().string("Access-Control-Allow-Methods", containsString("POST")))
                .andExpect(header().string("Access-Control-Allow-Headers", containsString("Idempotency-Key")))
                .andExpect(header().string("Access-Control-Max-Age", "600"))
                .andExpect(header().doesNotExist("Access-Control-Allow-Credentials"))
                .andExpect(header().stringValues("Vary", hasItem("Origin")));
    }

    @Test
    void anotherSitesPreflightAndAnythingTheApiDoesNotTakeAreRefusedWithAProblem() throws Exception {
        mvc.perform(preflight(OTHER_SITE, "POST", "authorization"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:origin-not-allowed"))
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
        mvc.perform(preflight("null", "GET", ""))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:origin-not-allowed"));
        mvc.perform(preflight(PORTAL, "PATCH", "authorization"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:method-not-allowed"))
                .andExpect(jsonPath("$.allowedMethods[0]").value("GET"));
        mvc.perform(preflight(PORTAL, "GET", "authorization, x-forwarded-for"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:header-not-allowed"))
                .andExpect(jsonPath("$.detail", containsString("x-forwarded-for")));
    }

    @Test
    void aListedPortalsPagesReadTheAnswersAndTheHeadersTheyNeedRefusalsIncluded() throws Exception {
        mvc.perform(get("/api/v1/procedures").header("Origin", PORTAL).with(citizen(CITIZEN_1)))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", PORTAL))
                .andExpect(header().string("Access-Control-Expose-Headers", containsString("ETag")))
                .andExpect(header().string("Access-Control-Expose-Headers", containsString("Retry-After")));
        // A script must read why it was refused, or it cannot tell the citizen to sign in again.
        mvc.perform(get("/api/v1/procedures").header("Origin", PORTAL))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Access-Control-Allow-Origin", PORTAL));
    }

    @Test
    void aRequestShedForOverloadIsStillOneAPortalsPageReads() throws Exception {
        assertThat(portalOrigins.getOrder()).as("labelled before anything may refuse it").isLessThan(inFlightLimit.getOrder());
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/procedures");
        request.addHeader("Origin", PORTAL);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new MockFilterChain(new HttpServlet() {
        }, portalOrigins.getFilter(), new InFlightLimit(0, problems)).doFilter(request, response);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo(PORTAL);
    }

    @Test
    void anotherSitesPagesAreAnsweredButNotLabelledForTheBrowserToShow() throws Exception {
        mvc.perform(get("/api/v1/procedures").header("Origin", OTHER_SITE).with(citizen(CITIZEN_1)))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"))
                .andExpect(header().stringValues("Vary", hasItem("Origin")));
        mvc.perform(get("/api/v1/procedures").with(citizen(CITIZEN_1)))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    }
}
