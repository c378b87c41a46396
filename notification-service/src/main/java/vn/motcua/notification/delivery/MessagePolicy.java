package vn.motcua.notification.delivery;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which messages go regardless of opt-outs (notices the law requires), which are not held by quiet
 * hours, and which go on every channel the citizen has rather than until one reaches them. Template
 * keys, set in configuration.
 */
@ConfigurationProperties("motcua.notification.policy")
record MessagePolicy(Set<String> mandatory, Set<String> urgent, Set<String> everyChannel) {
    MessagePolicy {
        mandatory = mandatory == null ? Set.of() : mandatory;
        urgent = urgent == null ? Set.of() : urgent;
        everyChannel = everyChannel == null ? Set.of() : everyChannel;
    }
}
