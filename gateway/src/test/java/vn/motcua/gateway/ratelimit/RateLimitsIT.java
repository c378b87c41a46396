package vn.motcua.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.motcua.gateway.EchoService;
import vn.motcua.gateway.StandIns;

/**
 * Limits small enough to reach in a test, two gateway instances sharing them: each instance lets
 * half through. A client past its share gets 429 problem+json with Retry-After; other clients and
 * addresses keep their own buckets.
 */
@SpringBootTest(properties = {"motcua.gateway.rate-limits.instances=2",
        "motcua.gateway.rate-limits.per-client.capacity=8", "motcua.gateway.rate-limits.per-client.per-second=2",
        "motcua.gateway.rate-limits.public-lookup.capacity=6", "motcua.gateway.rate-limits.public-lookup.per-second=2",
        "motcua.gateway.rate-limits.public-reads.capacity=20", "motcua.gateway.rate-limits.public-reads.per-second=2",
        "motcua.gateway.rate-limits.clients.portal-hanoi.capacity=40",
        "motcua.gateway.rate-limits.clients.portal-hanoi.per-second=2"})
@AutoConfigureMockMvc
class RateLimitsIT {
    private static final HttpServer OK = EchoService.start();

    @Autowired
    MockMvc mvc;

    @AfterAll
    static void stop() {
        OK.stop(0);
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StandIns.everyServiceAt(registry, () -> EchoService.url(OK));
    }

    @Test
    void aClientPastItsShareOfTheLimitGets429WithRetryAfterWhileAnotherClientGoesOn() throws Exception {
        RequestPostProcessor busy = client("busy-app");
        for (int i = 0; i < 4; i++) {
            mvc.perform(get("/api/v1/procedures").with(busy)).andExpect(status().isOk())
                    .andExpect(header().string("RateLimit-Limit", "4"))
                    .andExpect(header().string("RateLimit-Remaining", String.valueOf(3 - i)));
        }
        mvc.perform(get("/api/v1/procedures").with(busy))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:rate-limited"))
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(header().string("RateLimit-Remaining", "0"));

        mvc.perform(get("/api/v1/procedures").with(client("quiet-app"))).andExpect(status().isOk());
    }

    @Test
    void aNamedClientHasItsOwnLimit() throws Exception {
        for (int i = 0; i < 20; i++) {
            mvc.perform(get("/api/v1/procedures").with(client("portal-hanoi"))).andExpect(status().isOk())
                    .andExpect(header().string("RateLimit-Limit", "20"));
        }
        // One token a second comes back: within a few more requests the bucket is empty.
        int extra = 0;
        while (mvc.perform(get("/api/v1/procedures").with(client("portal-hanoi"))).andReturn().getResponse()
                .getStatus() == 200) {
            extra++;
            assertThat(extra).as("requests let through past the named client's burst").isLessThan(4);
        }
    }

    @Test
    void thePublicLookUpIsLimitedPerAddressSoCodesCannotBeEnumerated() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/v1/public/dossier-status").param("code", "c" + i).param("idNumber", "001090000001")
                    .with(address("203.0.113.7"))).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/public/dossier-status").param("code", "c4").param("idNumber", "001090000001")
                        .with(address("203.0.113.7")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        mvc.perform(get("/api/v1/public/dossier-status").param("code", "c5").param("idNumber", "001090000001")
                .with(address("198.51.100.9"))).andExpect(status().isOk());
    }

    @Test
    void browsingThePublicCatalogHasItsOwnLargerBucketAndLeavesTheLookUpLimitAlone() throws Exception {
        String ip = "192.0.2.44";
        for (int i = 0; i < 10; i++) {
            mvc.perform(get("/api/v1/public/procedures").with(address(ip))).andExpect(status().isOk())
                    .andExpect(header().string("RateLimit-Limit", "10"));
        }
        mvc.perform(get("/api/v1/public/procedures").with(address(ip))).andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/v1/public/dossier-status").param("code", "c1").param("idNumber", "001090000001")
                .with(address(ip))).andExpect(status().isOk()).andExpect(header().string("RateLimit-Limit", "3"));
    }

    private static RequestPostProcessor client(String azp) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(jwt -> jwt.subject("user-of-" + azp).claim("azp", azp)
                        .claim("realm_access", Map.of("roles", List.of("citizen"))).claim("citizen_id", "001090000001"))
                .authorities(new SimpleGrantedAuthority("ROLE_citizen"));
    }

    private static RequestPostProcessor address(String ip) {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }
}
