package vn.motcua.gateway;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where a gateway test sends every service's calls: one stand-in for all of them. The issuer is an
 * address nobody answers; the tests' tokens come from spring-security-test or none are needed.
 */
public final class StandIns {
    private static final List<String> SERVICES = List.of("dossier", "appointment", "payment", "postal", "notification");

    private StandIns() {
    }

    public static void everyServiceAt(DynamicPropertyRegistry registry, Supplier<Object> url) {
        registry.add("motcua.security.issuer", () -> "http://127.0.0.1:1/realms/motcua-test");
        SERVICES.forEach(service -> registry.add("motcua.services." + service, url));
    }
}
