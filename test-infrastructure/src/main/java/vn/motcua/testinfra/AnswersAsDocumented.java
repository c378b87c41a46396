package vn.motcua.testinfra;

import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.util.List;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds every answer a service's integration test gets through MockMvc to the service's own API
 * document, as the system tests hold the answers through the gateway (ADR 0042). The services'
 * tests provoke far more refusals than a walk through the platform does (every 409 and 422 a rule
 * has, every caller who may not), and each one a portal's generated client meets must be listed.
 * {@link InfrastructureInitializer} adds it to every {@link InfrastructureTest}'s MockMvc.
 */
public final class AnswersAsDocumented implements MockMvcBuilderCustomizer, ApplicationContextAware {
    private static final String DOCUMENT_PATH = "/v3/api-docs";

    private WebApplicationContext context;
    private volatile ApiDocument document;

    @Override
    public void setApplicationContext(ApplicationContext applicationContext) {
        this.context = applicationContext instanceof WebApplicationContext web ? web : null;
    }

    @Override
    public void customize(ConfigurableMockMvcBuilder<?> builder) {
        if (context != null) {
            builder.alwaysDo(this::check);
        }
    }

    private void check(MvcResult result) throws UnsupportedEncodingException {
        MockHttpServletRequest request = result.getRequest();
        String path = request.getRequestURI();
        if (!path.startsWith("/api/") || request.isAsyncStarted()) {
            return; // the answer of a request that went async is checked when the test dispatches it again
        }
        if ("OPTIONS".equals(request.getMethod()) && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null) {
            return; // a browser's preflight (ADR 0044) is no operation
        }
        MockHttpServletResponse response = result.getResponse();
        ApiDocument api = document();
        if (api.check(request.getMethod(), path, response.getStatus(), response.getContentType(), response.getContentAsString())) {
            AnswersHeldToDocuments.held();
        }
        String location = response.getHeader(HttpHeaders.LOCATION);
        if (response.getStatus() == 201 && location != null) {
            api.checkLocation(request.getMethod(), path, location, URI.create(request.getRequestURL().toString()).resolve(location)
                    .getRawPath());
        }
    }

    private ApiDocument document() {
        if (document == null) {
            try {
                // A MockMvc of its own, without this check and the security filters: the document is public anyway.
                String body = MockMvcBuilders.webAppContextSetup(context).build()
                        .perform(MockMvcRequestBuilders.get(DOCUMENT_PATH))
                        .andReturn().getResponse().getContentAsString();
                document = ApiDocument.of(List.of(JsonMapper.builder().build().readTree(body)));
            } catch (Exception e) {
                throw new IllegalStateException("Could not read the service's API document at " + DOCUMENT_PATH, e);
            }
        }
        return document;
    }
}
