package vn.motcua.dossier.catalog;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.citizen;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.testinfra.InfrastructureTest;

/** Citizens browse the catalog before they log in, with the filters the directives ask agencies to publish. */
@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class PublicCatalogIT {
    @Autowired
    MockMvc mvc;

    @Test
    void anyoneBrowsesTheCatalogWithoutAToken() throws Exception {
        mvc.perform(get("/api/v1/public/procedures").param("name", "ruou"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("2.000018"));
        mvc.perform(get("/api/v1/public/procedures/2.000018"))
                .andExpect(status().isOk()).andExpect(header().exists("ETag"))
                .andExpect(jsonPath("$.paperOriginalRequired").value(false));
        mvc.perform(get("/api/v1/public/procedures/1.000006/versions/1")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/public/agencies")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(hasItem("000.00.01.H29")));
        mvc.perform(get("/api/v1/public/procedures/9.999999")).andExpect(status().isNotFound());
        // The same reads stay where signed-in clients call them.
        mvc.perform(get("/api/v1/procedures/2.000018").with(citizen(CITIZEN_1))).andExpect(status().isOk());
    }

    @Test
    void theFiltersSelectTheUrgentListWhatGoesByPostAndWhatNeedsPaperOriginals() throws Exception {
        mvc.perform(get("/api/v1/public/procedures").param("urgent", "true"))
                .andExpect(jsonPath("$[*].urgentCounter").value(everyItem(is(true))))
                .andExpect(jsonPath("$[*].code").value(hasItem("1.000001")))
                .andExpect(jsonPath("$[*].code").value(not(hasItem("2.000018"))));
        // Unemployment benefit: sent by post, but its result is not returned by post.
        mvc.perform(get("/api/v1/public/procedures").param("acceptByPost", "true").param("returnByPost", "true"))
                .andExpect(jsonPath("$[*].code").value(hasItem("2.000018")))
                .andExpect(jsonPath("$[*].code").value(not(hasItem("1.000014"))))
                .andExpect(jsonPath("$[*].code").value(not(hasItem("1.000006"))));
        mvc.perform(get("/api/v1/public/procedures").param("returnByPost", "false"))
                .andExpect(jsonPath("$[*].code").value(hasItem("1.000014")));
        mvc.perform(get("/api/v1/public/procedures").param("paperOriginalRequired", "true").param("onlineLevel", "3"))
                .andExpect(jsonPath("$[*].code").value(hasItem("2.000010")))
                .andExpect(jsonPath("$[*].code").value(not(hasItem("2.000018"))));
        mvc.perform(get("/api/v1/public/procedures").param("field", "Hộ tịch").param("agencyCode", "000.10.20.31.H29"))
                .andExpect(status().isOk());
    }

    @Test
    void badFiltersAreRefusedAndWritingStillNeedsOps() throws Exception {
        mvc.perform(get("/api/v1/public/procedures").param("onlineLevel", "9")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/public/procedures").param("urgent", "maybe")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:bad-parameter"))
                .andExpect(jsonPath("$.field").value("urgent"))
                .andExpect(jsonPath("$.detail").value("The parameter urgent must be true or false"));
        mvc.perform(get("/api/v1/public/procedures").param("agencyCode", "000.10.20.30.H29\u202e"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:character-not-accepted"))
                .andExpect(jsonPath("$.field").value("agencyCode"))
                .andExpect(jsonPath("$.detail").value(not(containsString("\u202e"))));
        // Pasted with a zero-width space the code is still the agency's: what cannot be seen is not part of it.
        mvc.perform(get("/api/v1/public/procedures").param("agencyCode", "000.10.20.30.H29\u200b"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(hasItem("2.000018")));
        mvc.perform(get("/api/v1/public/procedures").param("agencyCode", "nope"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/public/procedures").param("name", "x".repeat(500))).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/procedures").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/public/procedures").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed());
    }
}
