package vn.motcua.kit.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall with its own rule for header names and values and parameter
 * names (every character assigned in Unicode and none a control character; parameter values stay
 * unchecked, as Spring leaves them: an id number or a provider's reference with a NUL is the
 * service's to refuse with 400 naming the field), checked by a loop instead
 * of the regular expression it ships with, which ran for every header of every request and was a
 * tenth of a proxied read's work in the gateway (ADR 0023). Everything else of the strict
 * firewall (encoded slashes, dots, semicolons, methods) is unchanged.
 */
final class HeaderFirewall {
    private HeaderFirewall() {
    }

    static StrictHttpFirewall strict() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderFirewall::printable);
        firewall.setAllowedHeaderValues(HeaderFirewall::printable);
        firewall.setAllowedParameterNames(HeaderFirewall::printable);
        return firewall;
    }

    /** The same test as Spring's {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}. */
    static boolean printable(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!Character.isDefined(codePoint) || Character.isISOControl(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
