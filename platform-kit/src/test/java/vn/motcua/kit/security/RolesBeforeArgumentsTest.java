package vn.motcua.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.DispatcherType;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import vn.motcua.kit.problem.ApiProblem;

class RolesBeforeArgumentsTest {
    private final RolesBeforeArguments interceptor = new RolesBeforeArguments();

    @PreAuthorize("hasRole('ops')")
    static class OpsEndpoints {
        public void list(String topic, int limit) {
        }

        @PreAuthorize("hasAnyRole('officer', 'ops')")
        public void register(String channel) {
        }

        @PreAuthorize("hasRole('officer') and #channel == 'BY_POST'")
        public void byPost(String channel) {
        }
    }

    @AfterEach
    void forgetTheCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCallerWithoutTheClassRoleIsRefusedBeforeAnyArgumentIsRead() {
        callerWithRoles("citizen");

        assertThatThrownBy(() -> interceptor.preHandle(request(), new MockHttpServletResponse(), endpoint("list")))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(403);
                    assertThat(problem.getMessage()).contains("Only ops may do this");
                });
    }

    @Test
    void theRefusalNamesTheRolesOfAPlainRoleRule() {
        assertThat(RolesBeforeArguments.refusal("hasAnyRole('officer', 'leader', 'ops')"))
                .startsWith("Only officer, leader or ops may do this");
        assertThat(RolesBeforeArguments.refusal("hasRole('postal-operator')")).startsWith("Only postal-operator may do this");
        assertThat(RolesBeforeArguments.refusal("hasRole('officer') or isAnonymous()"))
                .isEqualTo("Your role does not allow this operation");
    }

    @Test
    void theMethodRuleOverridesTheClassRule() throws Exception {
        callerWithRoles("officer");

        assertThat(interceptor.preHandle(request(), new MockHttpServletResponse(), endpoint("register"))).isTrue();
        assertThatThrownBy(() -> interceptor.preHandle(request(), new MockHttpServletResponse(), endpoint("list")))
                .isInstanceOf(ApiProblem.class);
    }

    @Test
    void aRuleThatReadsArgumentsIsLeftToMethodSecurity() throws Exception {
        callerWithRoles("citizen");

        assertThat(interceptor.preHandle(request(), new MockHttpServletResponse(), endpoint("byPost"))).isTrue();
    }

    @Test
    void aCallerWithoutATokenIsLeftToTheChainsUnauthenticatedAnswer() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

        assertThat(interceptor.preHandle(request(), new MockHttpServletResponse(), endpoint("list"))).isTrue();
    }

    @Test
    void theErrorPageDispatchIsNotCheckedAgain() throws Exception {
        callerWithRoles("citizen");
        MockHttpServletRequest forwarded = request();
        forwarded.setDispatcherType(DispatcherType.ERROR);

        assertThat(interceptor.preHandle(forwarded, new MockHttpServletResponse(), endpoint("list"))).isTrue();
    }

    private static void callerWithRoles(String... roles) {
        String[] authorities = Arrays.stream(roles).map(role -> "ROLE_" + role).toArray(String[]::new);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("caller", "n/a", authorities));
    }

    private static MockHttpServletRequest request() {
        return new MockHttpServletRequest("POST", "/api/v1/anything");
    }

    private static HandlerMethod endpoint(String name) throws NoSuchMethodException {
        for (var method : OpsEndpoints.class.getMethods()) {
            if (method.getName().equals(name)) {
                return new HandlerMethod(new OpsEndpoints(), method);
            }
        }
        throw new NoSuchMethodException(name);
    }
}
