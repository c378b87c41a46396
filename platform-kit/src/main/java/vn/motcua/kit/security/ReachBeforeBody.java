package vn.motcua.kit.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Checks an endpoint's {@link ReachedFirst} resource once its role rule has passed ({@link RolesBeforeArguments} runs
 * first) and before its parameters and body are read. The service checks it again where it changes the resource: this is
 * about which refusal comes first, not the only guard.
 */
public final class ReachBeforeBody implements HandlerInterceptor {
    private final BeanFactory beans;

    public ReachBeforeBody(BeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() == DispatcherType.REQUEST && handler instanceof HandlerMethod method
                && method.getMethodAnnotation(ReachedFirst.class) instanceof ReachedFirst reached
                && request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> path
                && path.get(reached.pathVariable()) instanceof String id) {
            beans.getBean(reached.value()).check(id, CallerArgumentResolver.current());
        }
        return true;
    }
}
