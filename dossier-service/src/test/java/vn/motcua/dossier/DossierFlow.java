package vn.motcua.dossier;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.intake.SubmissionMother;
import vn.motcua.testinfra.CallerMother;

/** Drives dossiers through the service's HTTP API in tests, as the desk application and portals do. */
public class DossierFlow {
    /** The smallest file that is a PDF by its content. */
    public static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final MockMvc mvc;
    private final JsonMapper json;

    public DossierFlow(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    public String submit(String body, RequestPostProcessor who) throws Exception {
        String response = mvc.perform(post("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).content(body).with(who))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(response).get("code").asString();
    }

    public ResultActions upload(String code, String kind, String fileName, byte[] content, RequestPostProcessor who)
            throws Exception {
        return mvc.perform(multipart("/api/v1/dossiers/" + code + "/documents")
                .file(new MockMultipartFile("file", fileName, "application/pdf", content))
                .param("kind", kind).header("Idempotency-Key", UUID.randomUUID().toString()).with(who));
    }

    /**
     * Publishes, as ops, a festival permit of the Thường Tín commune with a 300,000 đồng fee paid at {@code feeTiming}
     * (INTAKE, RESULT) and no required documents, under a code of its own.
     *
     * @param receptionAwaitsIntakeFee the province's text has the intake fee paid before reception
     * @return the procedure's code
     */
    public String publishFestivalPermitWithItsFeeAt(String feeTiming, boolean receptionAwaitsIntakeFee) throws Exception {
        String procedure = "9." + String.format("%06d", (int) (System.nanoTime() % 1_000_000));
        mvc.perform(post("/api/v1/procedures").contentType(MediaType.APPLICATION_JSON).with(CallerMother.ops()).content("""
                {"code": "%s", "name": "Cấp phép tổ chức lễ hội", "field": "Văn hóa", "agencyLevel": "COMMUNE",
                 "onlineLevel": 4, "processingDays": 5, "fees": [{"kind": "LE_PHI", "amount": 300000, "per": "DOSSIER", "refundable": false}],
                 "feeTiming": "%s", "acceptByPost": true, "returnByPost": true, "inPersonSignature": false,
                 "paperOriginalRequired": false, "urgentCounter": false, "requiredDocuments": [], "cutOff": null,
                 "receptionAwaitsIntakeFee": %s}
                """.formatted(procedure, feeTiming, receptionAwaitsIntakeFee))).andExpect(status().isCreated());
        return procedure;
    }

    /** Submits a liquor licence dossier for the citizen with both required documents uploaded. */
    public String submitCompleteLiquorLicence(String citizenId, RequestPostProcessor who) throws Exception {
        String code = submit(SubmissionMother.liquorLicenceFor(citizenId), who);
        for (String kind : SubmissionMother.LIQUOR_LICENCE_DOCUMENTS) {
            upload(code, kind, "giay-to.pdf", PDF, who).andExpect(status().isCreated());
        }
        return code;
    }

    public ResultActions tryStep(String code, String step, String body, RequestPostProcessor who) throws Exception {
        var request = post("/api/v1/dossiers/" + code + "/" + step).with(who);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    public JsonNode step(String code, String step, String body, RequestPostProcessor who) throws Exception {
        String response = tryStep(code, step, body, who).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(response);
    }

    public JsonNode dossier(String code, RequestPostProcessor who) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/dossiers/" + code).with(who)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    public JsonNode getJson(String path, RequestPostProcessor who) throws Exception {
        return json.readTree(mvc.perform(get(path).with(who)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
