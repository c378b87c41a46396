package vn.motcua.gateway.crossorigin;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which sites' pages may call the API from a citizen's browser.
 *
 * @param allowedOrigins each as a browser names it: scheme, host and port ({@code https://dichvucong.hanoi.gov.vn})
 * @param preflightKeptFor how long a browser may keep a preflight's answer
 */
@ConfigurationProperties("motcua.gateway.cross-origin")
record CrossOriginProperties(List<String> allowedOrigins, Duration preflightKeptFor) {

    CrossOriginProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        preflightKeptFor = preflightKeptFor == null ? Duration.ofMinutes(10) : preflightKeptFor;
    }

    /** Browsers send an origin's scheme and host in lower case, without a trailing slash. */
    Set<String> origins() {
        return allowedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty())
                .map(origin -> origin.toLowerCase(Locale.ROOT).replaceAll("/+$", "")).collect(Collectors.toUnmodifiableSet());
    }
}
