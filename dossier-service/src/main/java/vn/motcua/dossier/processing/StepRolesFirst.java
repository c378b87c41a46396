package vn.motcua.dossier.processing;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.motcua.dossier.access.DossierAccess;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.CallerArgumentResolver;

/**
 * A step's roles, and then whether the dossier is within the caller's reach, are checked before its body is read, as the
 * kit checks an endpoint's role rule ({@code RolesBeforeArguments}): a chat bot that posted nothing to a withdrawal was
 * told its body was not valid JSON, and learnt it may not withdraw only once it had sent a reason; a citizen who posted
 * an empty body to another's dossier was told what the body lacked before that there is no such dossier for them.
 * {@link Lifecycle} checks both again when the step is taken. The reach costs one more read of the dossier per step.
 */
@Configuration(proxyBeanMethods = false)
class StepRolesFirst implements WebMvcConfigurer, HandlerInterceptor {
    private final DossierAccess access;

    StepRolesFirst(DossierAccess access) {
        this.access = access;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Before the kit's check of the parameters, which would describe what the step takes.
        registry.addInterceptor(this).order(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() == DispatcherType.REQUEST && handler instanceof HandlerMethod method
                && method.getMethodAnnotation(TakesStep.class) instanceof TakesStep step) {
            Caller caller = CallerArgumentResolver.current();
            step.value().roleOf(caller);
            if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> path
                    && path.get("code") instanceof String code) {
                if (step.value().byOwner()) {
                    access.ofOwner(code, caller);
                } else {
                    access.ofStaff(code, caller);
                }
            }
        }
        return true;
    }
}
