package vn.motcua.dossier.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.leader;
import static vn.motcua.testinfra.CallerMother.ops;

import java.time.Duration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.DossierFlow;
import vn.motcua.dossier.intake.SubmissionMother;
import vn.motcua.dossier.storage.DossierRepository;
import vn.motcua.events.Topics;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class CatalogEditIT {
    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    DossierRepository dossiers;

    private static String definition(String code, int processingDays) {
        return definition(code, processingDays, null);
    }

    private static String definition(String code, int processingDays, String cutOff) {
        return """
                {"code": "%s", "name": "Cấp phép tổ chức lễ hội", "field": "Văn hóa", "agencyLevel": "COMMUNE",
                 "onlineLevel": 4, "processingDays": %d, "fees": [], "feeTiming": null, "acceptByPost": true,
                 "returnByPost": true, "inPersonSignature": false, "paperOriginalRequired": false,
                 "urgentCounter": false, "requiredDocuments": ["Văn bản đề nghị"], "cutOff": %s}
                """.formatted(code, processingDays, cutOff == null ? "null" : "\"" + cutOff + "\"");
    }

    @Test
    void aProceduresCutOffIsPublishedWithItAndMustBeATimeWithinOfficeHours() throws Exception {
        String code = "1.009" + (100 + Math.floorMod(System.nanoTime(), 900));
        mvc.perform(post("/api/v1/procedures").contentType(MediaType.APPLICATION_JSON)
                        .content(definition(code, 5, "18:30")).with(ops()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:cut-off-outside-office-hours"));
        mvc.perform(post("/api/v1/procedures").contentType(MediaType.APPLICATION_JSON)
                        .content(definition(code, 5, "3pm")).with(ops()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cutOff"));
        mvc.perform(get("/api/v1/procedures/" + code).with(citizen(CITIZEN_1))).andExpect(status().isNotFound());

        mvc.perform(post("/api/v1/procedures").contentType(MediaType.APPLICATION_JSON)
                        .content(definition(code, 5, "15:00")).with(ops()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.cutOff").value("15:00"));
        mvc.perform(put("/api/v1/procedures/" + code).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                        .content(definition(code, 5, "06:00")).with(ops()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/procedures/" + code).with(citizen(CITIZEN_1)))
                .andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.cutOff").value("15:00"));
    }

    @Test
    void whetherTheAgencyKeepsThePaperOriginalsIsPublishedForProceduresThatRequireThemOnly() throws Exception {
        String compared = "1.008" + (100 + Math.floorMod(System.nanoTime(), 900));
        String noOriginals = "1.007" + (100 + Math.floorMod(System.nanoTime(), 900));
        String needingOriginals = definition(compared, 5).replace("\"paperOriginalRequired\": false",
                "\"paperOriginalRequired\": true, \"paperOriginalsKept\": false");
        mvc.perform(post("/api/v1/procedures").contentType(MediaType.APPLICATION_JSON).content(needingOriginals).with(ops()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.paperOriginalsKept").value(false));
        mvc.perform(post("/api/v1/procedures").contentType(MediaType.APPLICATION_JSON)
                        .content(definition(noOriginals, 5).replace("\"paperOriginalRequired\": false",
                                "\"paperOriginalRequired\": false, \"paperOriginalsKept\": true")).with(ops()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.paperOriginalsKept").doesNotExist());

        assertThat(KafkaProbe.await(Topics.DOSSIER, r -> ("procedure-" + compared).equals(r.key()), Duration.ofSeconds(15)).value())
                .contains("\"paperOriginalsKept\":false");
        mvc.perform(get("/api/v1/procedures/2.000016").with(citizen(CITIZEN_1)))
                .andExpect(jsonPath("$.paperOriginalsKept").value(true));
    }

    @Test
    void opsPublishNewVersionsAndADossierKeepsTheVersionItWasAcceptedUnder() throws Exception {
        String code = "2.0" + (int) (10000 + Math.random() * 89999);
        mvc.perform(post("/api/v1/procedures").contentType(MediaType.APPLICATION_JSON).content(definition(code, 5)).with(leader(AGENCY_THUONG_TIN)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/procedures").contentType(MediaType.APPLICATION_JSON).content(definition(code, 500)).with(ops()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/procedures").contentType(MediaType.APPLICATION_JSON).content(definition(code, 5)).with(ops()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(1));
        mvc.perform(post("/api/v1/procedures").contentType(MediaType.APPLICATION_JSON).content(definition(code, 5)).with(ops()))
                .andExpect(status().isConflict());

        DossierFlow flow = new DossierFlow(mvc, json);
        String dossier = flow.submit(SubmissionMother.body(code, AGENCY_THUONG_TIN, CITIZEN_1,
                "a@example.com"), citizen(CITIZEN_1));

        mvc.perform(put("/api/v1/procedures/" + code).contentType(MediaType.APPLICATION_JSON).content(definition(code, 8)).with(ops()))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(put("/api/v1/procedures/" + code).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                        .content(definition(code, 8)).with(citizen(CITIZEN_1)))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/procedures/" + code).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                        .content(definition(code, 8)).with(ops()))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.processingDays").value(8));
        mvc.perform(put("/api/v1/procedures/" + code).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                        .content(definition(code, 9)).with(ops()))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:stale-procedure-version"))
                .andExpect(jsonPath("$.currentVersion").value(2));

        // Each version is announced, whole, for the services that keep the catalog as a read model.
        assertThat(KafkaProbe.collect(Topics.DOSSIER, r -> ("procedure-" + code).equals(r.key()), 2, Duration.ofSeconds(15)))
                .extracting(r -> json.readTree(r.value()).get("catalogVersion").asInt() + "/"
                        + json.readTree(r.value()).get("processingDays").asInt())
                .containsExactly("1/5", "2/8");

        mvc.perform(get("/api/v1/procedures/" + code + "/versions/1").with(citizen(CITIZEN_1)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.processingDays").value(5));
        var kept = dossiers.findById(dossier).orElseThrow();
        assertThat(kept.catalogVersion()).isEqualTo(1);
        assertThat(kept.processingDays()).isEqualTo(5);

        // Searching ignores diacritics and filters by the agency that would handle it.
        mvc.perform(get("/api/v1/procedures").param("name", "le hoi").param("agencyCode", AGENCY_THUONG_TIN).with(citizen(CITIZEN_1)))
                .andExpect(jsonPath("$[?(@.code == '" + code + "')]").exists());
        mvc.perform(get("/api/v1/procedures").param("name", "le hoi").param("agencyCode", "000.00.01.H29").with(citizen(CITIZEN_1)))
                .andExpect(jsonPath("$[?(@.code == '" + code + "')]").doesNotExist());
    }

    @Test
    void theApiDocumentSaysAnEditNamesItsVersionAndAnAdditionIsCreated() throws Exception {
        String edit = "$.paths['/api/v1/procedures/{code}'].put.responses";
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath(edit + "['200'].content['application/json'].schema.$ref").value("#/components/schemas/Procedure"))
                .andExpect(jsonPath(edit + "['428'].description").value(Matchers.containsString("If-Match")))
                .andExpect(jsonPath(edit + "['428'].content['application/problem+json'].schema.$ref").value("#/components/schemas/Problem"))
                .andExpect(jsonPath(edit + "['412']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/procedures'].post.responses['201'].content['application/json'].schema.$ref")
                        .value("#/components/schemas/Procedure"))
                .andExpect(jsonPath("$.paths['/api/v1/procedures'].post.responses['200']").doesNotExist());
    }
}
