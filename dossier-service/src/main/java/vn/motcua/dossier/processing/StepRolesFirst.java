package vn.motcua.dossier.processing;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.motcua.kit.security.CallerArgumentResolver;

/**
 * A step's roles are checked before its body is read, as the kit checks an endpoint's role rule
 * ({@code RolesBeforeArguments}): a chat bot that posted nothing to a withdrawal was told its body
 * was not valid JSON, and learnt it may not withdraw only once it had sent a reason. Whose dossier it
 * is comes after, in {@link Lifecycle}, which checks the roles again.
 */
@Configuration(proxyBeanMethods = false)
class StepRolesFirst implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Before the kit's check of the parameters, which would describe what the step takes.
        registry.addInterceptor(this).order(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() == DispatcherType.REQUEST && handler instanceof HandlerMethod method
                && method.getMethodAnnotation(TakesStep.class) instanceof TakesStep step) {
            step.value().roleOf(CallerArgumentResolver.current());
        }
        return true;
    }
}
