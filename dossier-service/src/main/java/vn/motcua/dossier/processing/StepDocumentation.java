package vn.motcua.dossier.processing;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.kit.security.Role;

/**
 * Writes each step's roles into the OpenAPI document (in words and as {@code x-roles}, as the kit does for
 * a role rule), from {@link Step}, the one place they are stated.
 */
@Configuration(proxyBeanMethods = false)
class StepDocumentation {

    @Bean
    OperationCustomizer stepRoles() {
        return (operation, handler) -> {
            TakesStep step = handler.getMethodAnnotation(TakesStep.class);
            if (step != null) {
                String who = step.value().byOwner() ? "the dossier's owner, or the portal that submitted it for them (" + step.value().rolesText() + ")"
                        : step.value().rolesText() + " of the dossier's agency";
                operation.setDescription("Who may take this step: " + who + ".");
                operation.addExtension("x-roles", step.value().roles().stream().map(Role::realmName).toList());
            }
            return operation;
        };
    }
}
