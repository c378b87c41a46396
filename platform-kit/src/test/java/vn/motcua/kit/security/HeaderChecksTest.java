package vn.motcua.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class HeaderChecksTest {
    /** Spring Security's own rules, which the loops replace. */
    private static final Pattern SPRING_PRINTABLE = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern SPRING_BEARER = Pattern.compile("^[a-zA-Z0-9-._~+/]+=*$");

    @Test
    void headerTextIsJudgedAsSpringsExpressionJudgesIt() {
        List<String> samples = List.of("", "application/json", "Nguyễn Văn A", "a\u0000b", "tab\there", "line\nbreak",
                "del\u007f", "c1\u0085", "unassigned\u0378", "emoji 😀", "lone surrogate \ud800", "x".repeat(5000));
        for (String sample : samples) {
            assertThat(HeaderFirewall.printable(sample)).as(sample).isEqualTo(SPRING_PRINTABLE.matcher(sample).matches());
        }
    }

    @Test
    void tokenShapeIsJudgedAsSpringsExpressionJudgesIt() {
        List<String> samples = List.of("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "abc==", "=", "", "a b", "a=b",
                "ab+/~-._", "tok\u00e9n", "a\"b", "abc=== ");
        for (String sample : samples) {
            assertThat(TokenFromHeader.wellFormed(sample)).as(sample).isEqualTo(SPRING_BEARER.matcher(sample).matches());
        }
    }

    @Test
    void theTokenComesFromTheAuthorizationHeaderOnly() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/procedures");
        request.addParameter("access_token", "from-the-url");
        assertThat(new TokenFromHeader().resolve(request)).isNull();

        request.addHeader("Authorization", "bearer abc.def");
        assertThat(new TokenFromHeader().resolve(request)).isEqualTo("abc.def");
    }

    @Test
    void anotherSchemeIsNoBearerTokenAndAMalformedOneIsRefused() {
        MockHttpServletRequest basic = new MockHttpServletRequest("GET", "/");
        basic.addHeader("Authorization", "Basic dXNlcjpwYXNz");
        assertThat(new TokenFromHeader().resolve(basic)).isNull();

        MockHttpServletRequest malformed = new MockHttpServletRequest("GET", "/");
        malformed.addHeader("Authorization", "Bearer a b");
        assertThatThrownBy(() -> new TokenFromHeader().resolve(malformed)).isInstanceOf(InvalidBearerTokenException.class);
    }
}
