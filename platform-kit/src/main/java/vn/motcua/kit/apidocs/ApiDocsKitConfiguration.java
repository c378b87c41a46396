package vn.motcua.kit.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import vn.motcua.kit.http.IfMatch;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.RoleRule;
import vn.motcua.kit.web.ParametersAsDeclared;

/**
 * Every service's OpenAPI document names the service, requires a bearer token, and gives a
 * relative server URL, so that "Try it out" in the gateway's Swagger UI goes through the
 * gateway rather than to the service's own port.
 */
// An auto-configuration of its own, so that its condition is checked before OpenAPI is loaded.
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class ApiDocsKitConfiguration {
    static final String BEARER = "bearer";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI motcuaOpenApi(@Value("${spring.application.name}") String application) {
        return new OpenAPI()
                .info(new Info().title("Một Cửa — " + application).version("v1")
                        .description("Errors are RFC 9457 problem+json. Tokens come from the Keycloak realm motcua."))
                .servers(List.of(new Server().url("/").description("Through the gateway")))
                .components(new Components().addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Parameters the kit resolves itself: the caller comes from the token, If-Match from its header. */
    @Bean
    OperationCustomizer kitParameters() {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, IfMatch.class);
        return (operation, handler) -> {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.getParameterType().equals(IfMatch.class)) {
                    operation.addParametersItem(new HeaderParameter().name(IfMatch.HEADER).required(false)
                            .description("The ETag you read; the change is refused with 412 if the resource changed since")
                            .schema(new StringSchema()));
                }
            }
            return operation;
        };
    }

    /**
     * An endpoint that takes a part takes multipart/form-data. It does not say so with {@code consumes}, so that its role
     * is checked before its content type ({@code ParametersAsDeclared}), and springdoc would otherwise document JSON.
     */
    @Bean
    OperationCustomizer partsAreMultipart() {
        return (operation, handler) -> {
            Content content = operation.getRequestBody() == null ? null : operation.getRequestBody().getContent();
            if (ParametersAsDeclared.takesParts(handler) && content != null && !content.containsKey(MediaType.MULTIPART_FORM_DATA_VALUE)
                    && content.containsKey(MediaType.APPLICATION_JSON_VALUE)) {
                io.swagger.v3.oas.models.media.MediaType form = content.get(MediaType.APPLICATION_JSON_VALUE);
                operation.getRequestBody().setContent(new Content().addMediaType(MediaType.MULTIPART_FORM_DATA_VALUE, form));
            }
            return operation;
        };
    }

    /**
     * Who may call an endpoint, from its role rule, the one place it is stated: a sentence after the
     * description and the roles as {@code x-roles}, so a portal's developer sees it before a 403 does.
     */
    @Bean
    OperationCustomizer rolesFromTheRule() {
        return (operation, handler) -> {
            RoleRule.of(handler).flatMap(RoleRule::roles).ifPresent(roles -> {
                String said = "Roles that may call it: " + RoleRule.spoken(roles) + ".";
                operation.setDescription(operation.getDescription() == null ? said : operation.getDescription() + "\n\n" + said);
                operation.addExtension("x-roles", roles);
            });
            return operation;
        };
    }
}
