package vn.motcua.kit.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
import vn.motcua.kit.http.IfMatch;
import vn.motcua.kit.idempotency.IdempotencyKeys;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.RoleRule;
import vn.motcua.kit.security.SecurityKitConfiguration;
import vn.motcua.kit.security.SecurityKitProperties;
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
    static final String PROBLEM = "Problem";

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
     * The problems every operation may answer, as far as the kit decides them, so a portal's developer reads them in
     * the document rather than meets them. Operations on the service's public paths need no token, and the document
     * says so. Every change may conflict (409) or break a rule (422); which ones an operation has, its summary says.
     */
    @Bean
    OpenApiCustomizer problemsEachOperationMayAnswer(ObjectProvider<SecurityKitProperties> security) {
        return openApi -> {
            SecurityKitProperties properties = security.getIfAvailable();
            List<String> open = properties == null ? List.of() : SecurityKitConfiguration.openPaths(properties);
            AntPathMatcher matcher = new AntPathMatcher();
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() != null) {
                openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> describeProblems(
                        operation, method != PathItem.HttpMethod.GET, open.stream().anyMatch(pattern -> matcher.match(pattern, path)))));
            }
        };
    }

    private static void describeProblems(Operation operation, boolean changes, boolean open) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        // A refusal an operation declares itself (@ApiResponse with a code and a description) is a problem too;
        // springdoc would describe it as the operation's success.
        responses.forEach((status, response) -> {
            if (status.matches("[45]\\d\\d") && (response.getContent() == null
                    || !response.getContent().containsKey(MediaType.APPLICATION_PROBLEM_JSON_VALUE))) {
                response.setContent(problemContent());
            }
        });
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        // Every operation refuses a query parameter it does not take (ParametersAsDeclared), so each may answer 400.
        problem(responses, "400", "The request is malformed: a parameter or body field missing, unknown, given twice or of"
                + " the wrong type (the problem's field names it)");
        if (open) {
            operation.setSecurity(List.of());
        } else {
            problem(responses, "401", "No valid bearer token from the motcua realm");
            problem(responses, "403", "Your role may not call it, or the resource is not one your role may act on");
        }
        if (parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
            problem(responses, "404", "No such resource, or not one you may see");
        }
        if (operation.getRequestBody() != null) {
            problem(responses, "413", "The body is larger than the operation takes (the problem's maxBytes says how much)");
            problem(responses, "415", "The body is not of the content type the operation takes (Accept names it)");
        }
        if (takesHeader(parameters, IfMatch.HEADER)) {
            problem(responses, "412", "The resource changed since the version sent in If-Match; read it again");
        }
        boolean keyed = takesHeader(parameters, IdempotencyKeys.HEADER);
        if (changes || keyed) {
            // Which conflict or rule: the problem's type, and the operation's summary for its own.
            problem(responses, "409", "It conflicts with the resource as it stands: a step out of order, done already, changed"
                    + " meanwhile" + (keyed ? "; or a request with this Idempotency-Key is still under way: retry it" : ""));
            problem(responses, "422", "A rule refuses it (the problem's type names which)"
                    + (keyed ? "; or this Idempotency-Key was used for another request" : ""));
        }
        // The documents are served and tried through the gateway, which limits every route.
        problem(responses, "429", "Past the rate limit at the gateway of your client (without a token: of your address);"
                + " Retry-After says when to send again");
        problem(responses, "503", "Storage, a provider or the realm's directory of staff is unreachable for a moment; retry,"
                + " with the same Idempotency-Key"
                + " where the operation takes one");
    }

    private static boolean takesHeader(List<Parameter> parameters, String name) {
        return parameters.stream().anyMatch(parameter -> "header".equals(parameter.getIn()) && name.equalsIgnoreCase(parameter.getName()));
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(problemContent()));
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE, new io.swagger.v3.oas.models.media.MediaType()
                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details; type is urn:motcua:problem:<what>, and some"
                        + " problems carry more members (field, missingDocuments, currentStatus, …)")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .additionalProperties(true);
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
