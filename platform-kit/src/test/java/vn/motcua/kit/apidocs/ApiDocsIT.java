package vn.motcua.kit.apidocs;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.kit.testapp.KitTestApplication;
import vn.motcua.testinfra.InfrastructureTest;

@SpringBootTest(classes = KitTestApplication.class)
@AutoConfigureMockMvc
@InfrastructureTest
class ApiDocsIT {
    @Autowired
    MockMvc mvc;

    @Test
    void theApiDocumentNamesTheServiceRequiresABearerTokenAndPointsAtTheGateway() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Một Cửa — kit-test"))
                .andExpect(jsonPath("$.servers[0].url").value("/"))
                .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
                .andExpect(jsonPath("$.security[0].bearer").isArray())
                .andExpect(jsonPath("$.paths['/error']").doesNotExist());
    }

    @Test
    void theDeadLetterEndpointsAreDocumentedWithoutTheCallerTheKitResolvesFromTheToken() throws Exception {
        String base = "/api/v1/ops/kit-test/dead-letters";
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['" + base + "'].get.parameters[*].name")
                        .value(Matchers.containsInAnyOrder("topic", "status", "limit", "page")))
                .andExpect(jsonPath("$.paths['" + base + "/{id}/redrive'].post.parameters[*].name")
                        .value(Matchers.contains("id")))
                .andExpect(jsonPath("$.paths['" + base + "/redrive'].post.requestBody").exists())
                .andExpect(jsonPath("$.paths['" + base + "'].get.x-roles").value(Matchers.contains("ops")))
                .andExpect(jsonPath("$.paths['" + base + "/{id}/redrive'].post.description")
                        .value(Matchers.endsWith("Roles that may call it: ops.")));
    }

    @Test
    void eachOperationListsTheProblemsTheKitMayAnswerItWith() throws Exception {
        String base = "$.paths['/api/v1/ops/kit-test/dead-letters";
        String problem = "content['application/problem+json'].schema.$ref";
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.schemas.Problem.properties.type.format").value("uri"))
                .andExpect(jsonPath("$.components.schemas.Problem.properties.status.type").value("integer"))
                .andExpect(jsonPath(base + "'].get.responses['400']." + problem).value("#/components/schemas/Problem"))
                .andExpect(jsonPath(base + "'].get.responses['401']." + problem).value("#/components/schemas/Problem"))
                .andExpect(jsonPath(base + "'].get.responses['403'].description").value(Matchers.startsWith("Your role")))
                .andExpect(jsonPath(base + "'].get.responses['503']").exists())
                .andExpect(jsonPath(base + "'].get.responses['404']").doesNotExist())
                .andExpect(jsonPath(base + "'].get.responses['415']").doesNotExist())
                .andExpect(jsonPath(base + "/{id}/redrive'].post.responses['404']." + problem).value("#/components/schemas/Problem"))
                .andExpect(jsonPath(base + "/redrive'].post.responses['415']").exists())
                .andExpect(jsonPath(base + "/redrive'].post.responses['413']." + problem).value("#/components/schemas/Problem"))
                .andExpect(jsonPath(base + "'].get.responses['413']").doesNotExist())
                .andExpect(jsonPath(base + "'].get.responses['428']").doesNotExist())
                .andExpect(jsonPath(base + "'].get.responses['429'].description").value(Matchers.containsString("Retry-After")))
                .andExpect(jsonPath(base + "'].get.responses['409']").doesNotExist())
                .andExpect(jsonPath(base + "/{id}/redrive'].post.responses['409']." + problem).value("#/components/schemas/Problem"))
                .andExpect(jsonPath(base + "/{id}/redrive'].post.responses['422'].description").value(Matchers.startsWith("A rule")))
                .andExpect(jsonPath(base + "/redrive'].post.responses['404']").doesNotExist())
                .andExpect(jsonPath(base + "'].get.security").doesNotExist());
    }

    @Test
    void aSuccessIsDocumentedAsTheJsonItIsRatherThanAnyType() throws Exception {
        String base = "$.paths['/api/v1/ops/kit-test/dead-letters";
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath(base + "'].get.responses['200'].content['application/json'].schema.type").value("array"))
                .andExpect(jsonPath(base + "'].get.responses['200'].content['*/*']").doesNotExist())
                .andExpect(jsonPath(base + "/{id}/redrive'].post.responses['200'].content['application/json']").exists());
    }
}
