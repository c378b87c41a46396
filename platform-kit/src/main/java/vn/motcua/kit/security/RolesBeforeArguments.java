package vn.motcua.kit.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import vn.motcua.kit.problem.ApiProblem;

/**
 * An endpoint's role rule ({@code @PreAuthorize("hasRole('officer')")}) is checked before its
 * parameters and body are read, so a caller whose role may not call it is told 403 whatever it sent.
 * Method security alone checks the rule when the method is called, after MVC has resolved the
 * arguments: a citizen who posted nothing to the counter's paper intake was told 400 "lacks the
 * parameter channel", and one who added a parameter the endpoint does not take was told the names it
 * does take, learning an officer's endpoint from its refusals.
 * <p>
 * Only rules that do not read the method's arguments ({@code #code}) are checked here; those are left
 * to method security, which still checks every rule again when the method is called.
 */
public final class RolesBeforeArguments implements HandlerInterceptor {
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();
    private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();
    /** Each endpoint's rule when it can be checked before the arguments are read; empty when it cannot. */
    private final Map<Method, Optional<String>> earlyRules = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        Optional<String> rule = earlyRules.computeIfAbsent(method.getMethod(), ignored -> RoleRule.of(method)
                .filter(text -> !text.contains("#")));
        if (rule.isEmpty()) {
            return true;
        }
        Authentication caller = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        if (!TRUST.isAuthenticated(caller)) {
            return true;   // method security answers 401 through the chain, as for any call without a token
        }
        AuthorizationResult result = rules.authorize(() -> caller, new SimpleMethodInvocation(method.getBean(),
                method.getMethod(), new Object[method.getMethod().getParameterCount()]));
        if (result != null && !result.isGranted()) {
            throw ApiProblem.forbidden(refusal(rule.get()));
        }
        return true;
    }

    /** Names the roles a plain role rule takes, so the caller knows whose operation it is. */
    static String refusal(String rule) {
        return RoleRule.roles(rule).map(roles -> "Only " + RoleRule.spoken(roles) + " may do this; your role does not allow it")
                .orElse("Your role does not allow this operation");
    }
}
