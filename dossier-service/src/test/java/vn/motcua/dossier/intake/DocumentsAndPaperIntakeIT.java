package vn.motcua.dossier.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_JUSTICE;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.CITIZEN_2;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.leader;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.ops;
import static vn.motcua.testinfra.CallerMother.specialist;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.DossierFlow;
import vn.motcua.dossier.core.Actor;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.core.NationalStatus;
import vn.motcua.dossier.deadlines.DeadlinePolicy;
import vn.motcua.dossier.storage.DossierRepository;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Event;
import vn.motcua.events.Topics;
import vn.motcua.events.postal.PaperDossierArrived;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class DocumentsAndPaperIntakeIT {
    private static final String PROBLEM_JSON = "application/problem+json";
    /** Đăng ký hộ kinh doanh: district, fully online (level 4), not on the urgent list. */
    private static final String HOUSEHOLD_BUSINESS = "2.000009";
    /** Cấp GCN quyền sử dụng đất lần đầu: district, level 2 (not online), not by post. */
    private static final String LAND_CERTIFICATE = "2.000016";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    DossierRepository dossiers;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    StoppedRemovals removals;
    @Autowired
    DocumentStore documents;
    @Autowired
    AggregateStore aggregates;
    @Autowired
    DeadlinePolicy deadlines;

    DossierFlow flow;

    @BeforeEach
    void setUp() {
        flow = new DossierFlow(mvc, json);
    }

    @Test
    void filesAreCheckedByContentAndSizeAndReadOnlyByThoseWhoSeeTheDossier() throws Exception {
        String code = flow.submit(SubmissionMother.liquorLicenceFor(CITIZEN_1), citizen(CITIZEN_1));
        long before = mongo.getCollection("dossier_documents").countDocuments();

        flow.upload(code, "Đơn", "don.pdf", "MZ\u0090 this is an executable".getBytes(StandardCharsets.ISO_8859_1),
                        citizen(CITIZEN_1))
                .andExpect(status().isUnsupportedMediaType()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:file-type-not-allowed"));
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(DossierFlow.PDF, 0, big, 0, DossierFlow.PDF.length);
        flow.upload(code, "Đơn", "big.pdf", big, citizen(CITIZEN_1))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:file-too-large"));
        mvc.perform(multipart("/api/v1/dossiers/" + code + "/documents").param("kind", "Đơn").with(citizen(CITIZEN_1)))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:missing-part"))
                .andExpect(jsonPath("$.field").value("file"));
        // JSON where a file is taken: a role that may upload is told what to send; any other role only that it may not.
        mvc.perform(post("/api/v1/dossiers/" + code + "/documents").param("kind", "Đơn")
                        .contentType(MediaType.APPLICATION_JSON).content("{}").with(citizen(CITIZEN_1)))
                .andExpect(status().isUnsupportedMediaType()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:http-415"))
                .andExpect(header().string("Accept", MediaType.MULTIPART_FORM_DATA_VALUE));
        mvc.perform(post("/api/v1/dossiers/" + code + "/documents").with(citizen(CITIZEN_1)))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(post("/api/v1/dossiers/" + code + "/documents").param("kind", "Đơn")
                        .contentType("multipart/mixed; boundary=zz").content("--zz--\r\n").with(citizen(CITIZEN_1)))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(post("/api/v1/dossiers/" + code + "/documents").param("kind", "Đơn")
                        .contentType(MediaType.APPLICATION_JSON).content("{}").with(leader(AGENCY_THUONG_TIN)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value("urn:motcua:problem:forbidden"));
        mvc.perform(post("/api/v1/dossiers/" + code + "/documents").contentType(MediaType.APPLICATION_JSON).content("{}")
                        .with(ops()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/dossiers/" + code + "/documents").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(multipart("/api/v1/dossiers/" + code + "/documents")
                        .file(new MockMultipartFile("file", "don.pdf", "application/pdf", DossierFlow.PDF)).with(citizen(CITIZEN_1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:missing-parameter"))
                .andExpect(jsonPath("$.field").value("kind"));
        // Two files as one document: which is the document? Neither is stored.
        mvc.perform(multipart("/api/v1/dossiers/" + code + "/documents").param("kind", "Đơn")
                        .file(new MockMultipartFile("file", "don.pdf", "application/pdf", DossierFlow.PDF))
                        .file(new MockMultipartFile("file", "don-2.pdf", "application/pdf", DossierFlow.PDF)).with(citizen(CITIZEN_1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:repeated-part"))
                .andExpect(jsonPath("$.field").value("file"));
        flow.upload(code, "Đơn", "don.pdf", DossierFlow.PDF, citizen(CITIZEN_2)).andExpect(status().isNotFound());
        flow.upload(code, "Đơn", "don.pdf", DossierFlow.PDF, officer(AGENCY_JUSTICE)).andExpect(status().isNotFound());
        // Not their dossier: 404 whatever was sent, not what an upload lacks.
        mvc.perform(post("/api/v1/dossiers/" + code + "/documents").with(citizen(CITIZEN_2))).andExpect(status().isNotFound());
        mvc.perform(multipart("/api/v1/dossiers/" + code + "/documents").with(officer(AGENCY_JUSTICE)))
                .andExpect(status().isNotFound());
        assertThat(mongo.getCollection("dossier_documents").countDocuments()).isEqualTo(before);

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        String body = flow.upload(code, "Ảnh chụp", "anh.jpg", png, citizen(CITIZEN_1))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("image/png"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String id = json.readTree(body).get("id").asString();
        byte[] downloaded = mvc.perform(get("/api/v1/dossiers/" + code + "/documents/" + id).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(png);
        mvc.perform(get("/api/v1/dossiers/" + code + "/documents/" + id).with(citizen(CITIZEN_2)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dossiers/" + code + "/documents").with(citizen(CITIZEN_1)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].kind").value("Ảnh chụp"))
                .andExpect(jsonPath("$[0].content").doesNotExist());
        mvc.perform(get("/api/v1/dossiers/" + code + "/documents")).andExpect(status().isUnauthorized());

        // Once refused, the dossier takes no more files.
        flow.step(code, "refusal", "{\"reason\": \"Sai thẩm quyền\"}", officer(AGENCY_THUONG_TIN));
        flow.upload(code, "Đơn", "don.pdf", DossierFlow.PDF, citizen(CITIZEN_1))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.currentStatus").value(3));
    }

    @Test
    void anUploadSentAgainUnderItsKeyAttachesTheFileOnce() throws Exception {
        String code = flow.submit(SubmissionMother.liquorLicenceFor(CITIZEN_1), citizen(CITIZEN_1));
        String key = UUID.randomUUID().toString();
        MockMultipartFile form = new MockMultipartFile("file", "don.pdf", "application/pdf", DossierFlow.PDF);
        String first = json.readTree(mvc.perform(multipart("/api/v1/dossiers/" + code + "/documents").file(form)
                        .param("kind", "Đơn").header("Idempotency-Key", key).with(citizen(CITIZEN_1)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
        mvc.perform(multipart("/api/v1/dossiers/" + code + "/documents").file(form).param("kind", "Đơn")
                        .header("Idempotency-Key", key).with(citizen(CITIZEN_1)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.id").value(first));
        mvc.perform(multipart("/api/v1/dossiers/" + code + "/documents").file(form).param("kind", "Đơn khác")
                        .header("Idempotency-Key", key).with(citizen(CITIZEN_1)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:idempotency-key-reused"));
        mvc.perform(multipart("/api/v1/dossiers/" + code + "/documents").file(form).param("kind", "Đơn")
                        .with(citizen(CITIZEN_1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:idempotency-key-missing"));

        // An attempt that died after attaching and before answering: its retry answers that file, attaching none.
        String retried = UUID.randomUUID().toString();
        String attached = json.readTree(mvc.perform(multipart("/api/v1/dossiers/" + code + "/documents").file(form)
                        .param("kind", "Ảnh").header("Idempotency-Key", retried).with(citizen(CITIZEN_1)))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        assertThat(mongo.getCollection("idempotency_keys").updateOne(new Document("_id", new Document("$regex", "\\|" + retried + "$")),
                new Document("$set", new Document("state", "IN_PROGRESS").append("leaseUntil", new Date(0)))).getMatchedCount())
                .as("the key's claim, left as a dead attempt leaves it").isEqualTo(1);
        mvc.perform(multipart("/api/v1/dossiers/" + code + "/documents").file(form).param("kind", "Ảnh")
                        .header("Idempotency-Key", retried).with(citizen(CITIZEN_1)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(attached));
        assertThat(mongo.getCollection("dossier_documents").countDocuments(new Document("dossierCode", code))).isEqualTo(2);
    }

    @Test
    void aFileIsTakenBackOnlyByWhoeverUploadedItAndOnlyBeforeTheAgencyHasLookedAtIt() throws Exception {
        String code = flow.submitCompleteLiquorLicence(CITIZEN_1, citizen(CITIZEN_1));
        String files = "/api/v1/dossiers/" + code + "/documents/";
        String wrong = idOf(flow.upload(code, "Ảnh", "cccd-nguoi-khac.pdf", DossierFlow.PDF, citizen(CITIZEN_1)));
        String officers = idOf(flow.upload(code, "Biên bản", "bien-ban.pdf", DossierFlow.PDF, officer(AGENCY_THUONG_TIN)));
        int entries = history(code).size();
        // Each reader is told which files they may take back.
        mvc.perform(get("/api/v1/dossiers/" + code + "/documents").with(citizen(CITIZEN_1)))
                .andExpect(jsonPath("$[?(@.id == '" + wrong + "')].removable").value(contains(true)))
                .andExpect(jsonPath("$[?(@.id == '" + officers + "')].removable").value(contains(false)));
        mvc.perform(get("/api/v1/dossiers/" + code + "/documents").with(officer(AGENCY_THUONG_TIN)))
                .andExpect(jsonPath("$[?(@.id == '" + wrong + "')].removable").value(contains(false)))
                .andExpect(jsonPath("$[?(@.id == '" + officers + "')].removable").value(contains(true)));

        // Who may not: another citizen, another agency (the dossier is not theirs to see), staff who did not upload
        // it, roles that never upload, no token; and nobody for a file that is not the dossier's.
        mvc.perform(delete(files + wrong).with(citizen(CITIZEN_2))).andExpect(status().isNotFound());
        mvc.perform(delete(files + wrong).with(officer(AGENCY_JUSTICE))).andExpect(status().isNotFound());
        mvc.perform(delete(files + wrong).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("A file is removed only by whoever uploaded it"));
        mvc.perform(delete(files + officers).with(citizen(CITIZEN_1))).andExpect(status().isForbidden());
        mvc.perform(delete(files + wrong).with(leader(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        mvc.perform(delete(files + wrong).with(ops())).andExpect(status().isForbidden());
        mvc.perform(delete(files + wrong)).andExpect(status().isUnauthorized());
        mvc.perform(delete(files + "no-such-file").with(citizen(CITIZEN_1))).andExpect(status().isNotFound());
        String otherDossier = flow.submit(SubmissionMother.liquorLicenceFor(CITIZEN_1), citizen(CITIZEN_1));
        mvc.perform(delete("/api/v1/dossiers/" + otherDossier + "/documents/" + wrong).with(citizen(CITIZEN_1)))
                .andExpect(status().isNotFound());
        assertThat(history(code)).hasSize(entries);
        assertThat(fileIds(code)).contains(wrong, officers);

        mvc.perform(delete(files + wrong).with(citizen(CITIZEN_1))).andExpect(status().isNoContent());
        // Asked again (a retry after a lost answer): the same answer, and one history entry.
        mvc.perform(delete(files + wrong).with(citizen(CITIZEN_1))).andExpect(status().isNoContent());
        mvc.perform(delete(files + officers).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isNoContent());

        assertThat(fileIds(code)).hasSize(2).doesNotContain(wrong, officers);
        mvc.perform(get(files + wrong).with(citizen(CITIZEN_1))).andExpect(status().isNotFound());
        Document kept = mongo.findById(wrong, Document.class, "dossier_documents");
        assertThat(kept).as("what was removed, when and by whom; not the file").doesNotContainKey("content")
                .containsEntry("removedBy", "citizen-" + CITIZEN_1).containsEntry("fileName", "cccd-nguoi-khac.pdf");
        JsonNode history = history(code);
        assertThat(history).hasSize(entries + 2);
        assertThat(history.get(entries).get("action").asString()).isEqualTo("REMOVE_DOCUMENT");
        assertThat(history.get(entries).get("reason").asString()).contains("cccd-nguoi-khac.pdf");
        assertThat(history.get(entries + 1).get("role").asString()).isEqualTo("officer");

        // A required document taken back no longer counts at reception.
        String application = fileIds(code).getFirst();
        mvc.perform(delete(files + application).with(citizen(CITIZEN_1))).andExpect(status().isNoContent());
        flow.tryStep(code, "reception", null, officer(AGENCY_THUONG_TIN)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.missingDocuments[0]").value(SubmissionMother.LIQUOR_LICENCE_DOCUMENTS.getFirst()));
        flow.upload(code, SubmissionMother.LIQUOR_LICENCE_DOCUMENTS.getFirst(), "don.pdf", DossierFlow.PDF, citizen(CITIZEN_1))
                .andExpect(status().isCreated());
        flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN));

        // Received: the files are the agency's record now.
        mvc.perform(get("/api/v1/dossiers/" + code + "/documents").with(citizen(CITIZEN_1))).andExpect(jsonPath("$[*].removable").value(everyItem(is(false))));
        mvc.perform(delete(files + fileIds(code).getFirst()).with(citizen(CITIZEN_1))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:illegal-transition"))
                .andExpect(jsonPath("$.currentStatus").value(2));
        assertThat(fileIds(code)).hasSize(2);
    }

    @Test
    void staffTakeBackTheirOwnFilesWhileTheAgencyHoldsTheDossierAndAKindReceptionCountedKeepsAFile() throws Exception {
        Received received = receivedWithAScan("don-scan-mo.pdf");
        String code = received.code();
        String files = "/api/v1/dossiers/" + code + "/documents/";
        List<String> required = SubmissionMother.LIQUOR_LICENCE_DOCUMENTS;
        String scan = received.scan();
        String citizens = received.citizens();
        String notes = idOf(flow.upload(code, "Biên bản", "bien-ban.pdf", DossierFlow.PDF, officer(AGENCY_THUONG_TIN)));
        int entries = history(code).size();

        mvc.perform(get("/api/v1/dossiers/" + code + "/documents").with(officer(AGENCY_THUONG_TIN)))
                .andExpect(jsonPath("$[?(@.id == '" + notes + "')].removable").value(contains(true)))
                .andExpect(jsonPath("$[?(@.id == '" + scan + "')].removable").value(contains(false)))
                .andExpect(jsonPath("$[?(@.id == '" + citizens + "')].removable").value(contains(false)));
        // Who may not: the citizen (not theirs, and their own is the agency's record now), another officer or a
        // specialist of the agency who did not upload it.
        mvc.perform(delete(files + notes).with(citizen(CITIZEN_1))).andExpect(status().isForbidden());
        mvc.perform(delete(files + citizens).with(citizen(CITIZEN_1))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("only its staff take back files of their own")));
        mvc.perform(delete(files + notes).with(specialist(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        // The only file of a kind reception counted stays until the right one is attached.
        mvc.perform(delete(files + scan).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:illegal-transition"))
                .andExpect(jsonPath("$.detail").value(containsString("attach the right file of that kind first")));
        assertThat(history(code)).hasSize(entries);
        assertThat(fileIds(code)).containsExactly(scan, citizens, notes);

        mvc.perform(delete(files + notes).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isNoContent());
        String rescan = idOf(flow.upload(code, required.get(0), "don-scan.pdf", DossierFlow.PDF, officer(AGENCY_THUONG_TIN)));
        mvc.perform(get("/api/v1/dossiers/" + code + "/documents").with(officer(AGENCY_THUONG_TIN)))
                .andExpect(jsonPath("$[?(@.id == '" + scan + "')].removable").value(contains(true)));
        mvc.perform(delete(files + scan).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isNoContent());
        // Now the right scan is the kind's only file again.
        mvc.perform(delete(files + rescan).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isConflict());

        assertThat(fileIds(code)).containsExactly(citizens, rescan);
        JsonNode history = history(code);
        // The rescan, added after reception for the applicant to read, is recorded as shared with them (ADR 0054).
        assertThat(history).hasSize(entries + 3);
        assertThat(history.get(entries).get("reason").asString()).contains("bien-ban.pdf");
        assertThat(history.get(entries + 1).get("action").asString()).isEqualTo("SHARE_DOCUMENT");
        assertThat(history.get(entries + 2).get("reason").asString()).contains("don-scan-mo.pdf");
        assertThat(history.get(entries + 2).get("role").asString()).isEqualTo("officer");
        assertThat(mongo.findById(scan, Document.class, "dossier_documents")).doesNotContainKey("content");
    }

    @Test
    void ofTwoRemovalsAtOnceOfACountedKindsLastTwoFilesTheOneRecordedSecondIsRefused() throws Exception {
        Received received = receivedWithAScan("don-scan.pdf");
        String code = received.code();
        String files = "/api/v1/dossiers/" + code + "/documents/";
        String first = received.scan();
        String second = idOf(flow.upload(code, SubmissionMother.LIQUOR_LICENCE_DOCUMENTS.get(0), "don-scan-2.pdf", DossierFlow.PDF,
                officer(AGENCY_THUONG_TIN)));
        // The officer's removal of the first has hidden it and not reached the history yet, when the second's begins.
        hideAsAStoppedRemovalWould(first, Instant.now(), uploaderOf(first));

        mvc.perform(delete(files + second).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isNoContent());
        mvc.perform(delete(files + first).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("attach the right file of that kind first")));

        assertThat(fileIds(code)).containsExactly(first, received.citizens());
        assertThat(mongo.findById(first, Document.class, "dossier_documents")).containsKey("content")
                .doesNotContainKeys("removedAt", "removedBy");
    }

    @Test
    void staffKeepAWorkingFileInternalWhichTheApplicantNeverReadsAndNoDecisionCounts() throws Exception {
        String code = flow.submit(SubmissionMother.liquorLicenceFor(CITIZEN_1), citizen(CITIZEN_1));
        String files = "/api/v1/dossiers/" + code + "/documents/";
        List<String> required = SubmissionMother.LIQUOR_LICENCE_DOCUMENTS;
        long stored = mongo.getCollection("dossier_documents").countDocuments();

        // Who may not: the applicant keeps nothing from the agency, and the result is the applicant's.
        internal(code, "Ghi chú", citizen(CITIZEN_1)).andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:internal-is-for-staff"));
        internal(code, DocumentStore.RESULT_KIND, officer(AGENCY_THUONG_TIN)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:result-is-the-applicants"));
        mvc.perform(multipart("/api/v1/dossiers/" + code + "/documents")
                        .file(new MockMultipartFile("file", "ghi-chu.pdf", "application/pdf", DossierFlow.PDF))
                        .param("kind", "Ghi chú").param("internal", "perhaps").with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("internal"));
        assertThat(mongo.getCollection("dossier_documents").countDocuments()).isEqualTo(stored);

        // The officer's appraisal of the application, filed under its kind; the citizen attached the other paper.
        String appraisal = idOf(internal(code, required.get(0), officer(AGENCY_THUONG_TIN))
                .andExpect(jsonPath("$.internal").value(true)));
        String citizens = idOf(flow.upload(code, required.get(1), "ban-sao.pdf", DossierFlow.PDF, citizen(CITIZEN_1)));

        assertThat(fileIds(code)).containsExactly(citizens);
        mvc.perform(get(files + appraisal).with(citizen(CITIZEN_1))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dossiers/" + code + "/documents").with(officer(AGENCY_THUONG_TIN)))
                .andExpect(jsonPath("$[?(@.id == '" + appraisal + "')].internal").value(contains(true)))
                .andExpect(jsonPath("$[?(@.id == '" + citizens + "')].internal").value(contains(false)));
        mvc.perform(get(files + appraisal).with(specialist(AGENCY_THUONG_TIN))).andExpect(status().isOk());
        // Not one of the dossier's papers: reception still misses the application.
        flow.tryStep(code, "reception", null, officer(AGENCY_THUONG_TIN)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.missingDocuments[0]").value(required.get(0)));
        flow.upload(code, required.get(0), "don.pdf", DossierFlow.PDF, citizen(CITIZEN_1)).andExpect(status().isCreated());
        flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN));

        // Reception counted the application's kind, not the appraisal: the officer takes it back, and the history the
        // applicant reads names neither its kind nor its file.
        int entries = history(code).size();
        mvc.perform(delete(files + appraisal).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isNoContent());
        JsonNode history = history(code);
        assertThat(history).hasSize(entries + 1);
        assertThat(history.get(entries).get("reason").asString()).isEqualTo("removed an internal file [" + appraisal + "]");
        assertThat(mongo.findById(appraisal, Document.class, "dossier_documents")).doesNotContainKey("content");
    }

    @Test
    void staffShowAnInternalFileToTheApplicantOnceAndFromThenOnItIsOneOfTheDossiersPapers() throws Exception {
        String code = flow.submit(SubmissionMother.liquorLicenceFor(CITIZEN_1), citizen(CITIZEN_1));
        String files = "/api/v1/dossiers/" + code + "/documents/";
        List<String> required = SubmissionMother.LIQUOR_LICENCE_DOCUMENTS;
        // The officer scanned the application the citizen brought and filed it as internal by mistake.
        String scan = idOf(internal(code, required.get(0), officer(AGENCY_THUONG_TIN)));
        String citizens = idOf(flow.upload(code, required.get(1), "ban-sao.pdf", DossierFlow.PDF, citizen(CITIZEN_1)));
        int entries = history(code).size();

        // Who may not: the applicant (the file is not theirs to read yet), another citizen, the agency's leader, an
        // officer of another agency, ops, no token; an id of no file of the dossier.
        share(files + scan, citizen(CITIZEN_1)).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
        share(files + scan, citizen(CITIZEN_2)).andExpect(status().isForbidden());
        share(files + scan, leader(AGENCY_THUONG_TIN)).andExpect(status().isForbidden());
        share(files + scan, officer(AGENCY_JUSTICE)).andExpect(status().isNotFound());
        share(files + scan, ops()).andExpect(status().isForbidden());
        mvc.perform(post(files + scan + "/sharing")).andExpect(status().isUnauthorized());
        share(files + "no-such-file", officer(AGENCY_THUONG_TIN)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
        assertThat(fileIds(code)).containsExactly(citizens);
        assertThat(history(code)).hasSize(entries);

        // A specialist of the agency shows it: the applicant lists and reads it, and reception counts it.
        share(files + scan, specialist(AGENCY_THUONG_TIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(scan)).andExpect(jsonPath("$.internal").value(false));
        assertThat(fileIds(code)).containsExactly(scan, citizens);
        mvc.perform(get(files + scan).with(citizen(CITIZEN_1))).andExpect(status().isOk());
        JsonNode history = history(code);
        assertThat(history).hasSize(entries + 1);
        assertThat(history.get(entries).get("reason").asString())
                .isEqualTo("shared \"" + required.get(0) + "\" (tham-dinh.pdf) [" + scan + "] with the applicant");
        assertThat(history.get(entries).get("role").asString()).isEqualTo("specialist");
        // The applicant is told, by an event stored with the record.
        ConsumerRecord<String, String> told = KafkaProbe.await(Topics.DOSSIER, record -> code.equals(record.key())
                && "DossierDocumentShared".equals(KafkaProbe.header(record, CloudEventHeaders.TYPE)), Duration.ofSeconds(10));
        JsonNode shared = json.readTree(told.value());
        assertThat(shared.get("documentId").asString()).isEqualTo(scan);
        assertThat(shared.get("kind").asString()).isEqualTo(required.get(0));
        assertThat(shared.get("dossier").get("ownerCitizenId").asString()).isEqualTo(CITIZEN_1);
        flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN));

        // Again, or for a file that was never internal: the file, nothing changes.
        share(files + scan, officer(AGENCY_THUONG_TIN)).andExpect(status().isOk()).andExpect(jsonPath("$.internal").value(false));
        share(files + citizens, officer(AGENCY_THUONG_TIN)).andExpect(status().isOk());
        assertThat(history(code)).hasSize(entries + 2);
        assertThat(history(code).get(entries + 1).get("action").asString()).isEqualTo("RECEIVE");

        // A call that stopped once the history recorded the sharing: the record is what the applicant reads by, and the
        // retry sets the file's own flag without recording it twice.
        String note = idOf(internal(code, "Ghi chú", officer(AGENCY_THUONG_TIN)));
        aggregates.updateRetrying(() -> dossiers.findById(code).orElseThrow(), dossier -> dossier.shareDocument(
                new Actor("officer-tt", "officer1", "officer"), note, "Ghi chú", "tham-dinh.pdf", Instant.now()));
        assertThat(fileIds(code)).contains(note);
        mvc.perform(get(files + note).with(citizen(CITIZEN_1))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/dossiers/" + code + "/documents").with(officer(AGENCY_THUONG_TIN)))
                .andExpect(jsonPath("$[?(@.id == '" + note + "')].internal").value(contains(false)));
        assertThat(mongo.findById(note, Document.class, "dossier_documents")).containsEntry("internal", true);
        share(files + note, officer(AGENCY_THUONG_TIN)).andExpect(status().isOk()).andExpect(jsonPath("$.internal").value(false));
        assertThat(mongo.findById(note, Document.class, "dossier_documents")).doesNotContainKey("internal");
        assertThat(history(code)).hasSize(entries + 3);
        assertThat(history(code).get(entries + 2).get("reason").asString()).contains("[" + note + "]");
    }

    @Test
    void theApplicantIsToldOnceOfAFileStaffAddForThemWhileTheAgencyWorksOnTheDossierEvenByARetry() throws Exception {
        // Before reception the officer scans the papers the applicant brought: theirs already, nothing to tell.
        Received received = receivedWithAScan("don-scan.pdf");
        String code = received.code();
        flow.step(code, "assignment", "{\"assignee\": \"specialist1\"}", officer(AGENCY_THUONG_TIN));

        String key = UUID.randomUUID().toString();
        MockMultipartFile form = new MockMultipartFile("file", "bien-ban.pdf", "application/pdf", DossierFlow.PDF);
        String report = idOf(mvc.perform(multipart("/api/v1/dossiers/" + code + "/documents").file(form)
                .param("kind", "Biên bản kiểm tra").header("Idempotency-Key", key).with(specialist(AGENCY_THUONG_TIN))));
        // Neither a working file nor the draft result is the applicant's yet: nothing to tell.
        idOf(internal(code, "Ghi chú", specialist(AGENCY_THUONG_TIN)));
        idOf(flow.upload(code, DocumentStore.RESULT_KIND, "ket-qua.pdf", DossierFlow.PDF, specialist(AGENCY_THUONG_TIN)));

        assertThat(sharingRecords(code)).containsExactly(report);
        assertThat(fileIds(code)).containsExactly(received.scan(), received.citizens(), report);
        ConsumerRecord<String, String> told = KafkaProbe.await(Topics.DOSSIER, record -> code.equals(record.key())
                && "DossierDocumentShared".equals(KafkaProbe.header(record, CloudEventHeaders.TYPE)), Duration.ofSeconds(10));
        assertThat(json.readTree(told.value()).get("documentId").asString()).isEqualTo(report);
        assertThat(json.readTree(told.value()).get("kind").asString()).isEqualTo("Biên bản kiểm tra");

        // An upload that stored its file and stopped before the record, as a dead attempt leaves it: its retry records it.
        String retried = UUID.randomUUID().toString();
        String stoppedId = storedByADeadAttempt(report, key, retried, Instant.now());
        assertThat(sharingRecords(code)).containsExactly(report);
        for (int attempt = 0; attempt < 2; attempt++) {
            mvc.perform(multipart("/api/v1/dossiers/" + code + "/documents").file(form).param("kind", "Biên bản kiểm tra")
                            .header("Idempotency-Key", retried).with(specialist(AGENCY_THUONG_TIN)))
                    .andExpect(status().isCreated()).andExpect(jsonPath("$.id").value(stoppedId));
        }
        assertThat(sharingRecords(code)).containsExactly(report, stoppedId);

        // One whose file was stored before reception is judged as it was added then: its retry tells nothing.
        String retriedLate = UUID.randomUUID().toString();
        Instant beforeReception = Instant.parse(history(code).get(0).get("at").asString()).plusMillis(1);
        String earlyId = storedByADeadAttempt(report, key, retriedLate, beforeReception);
        mvc.perform(multipart("/api/v1/dossiers/" + code + "/documents").file(form).param("kind", "Biên bản kiểm tra")
                        .header("Idempotency-Key", retriedLate).with(specialist(AGENCY_THUONG_TIN)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.id").value(earlyId));
        assertThat(sharingRecords(code)).containsExactly(report, stoppedId);
    }

    /**
     * A file stored at {@code uploadedAt} under the claim of {@code deadKey} by an attempt that died before it answered,
     * as the file {@code like} was stored under {@code likeKey}: the same request, so a retry under the dead key takes it
     * over. Returns the file's id.
     */
    private String storedByADeadAttempt(String like, String likeKey, String deadKey, Instant uploadedAt) {
        Document claim = mongo.getCollection("idempotency_keys").find(new Document("_id", new Document("$regex", "\\|" + likeKey + "$")))
                .first();
        String scope = claim.getString("_id").substring(0, claim.getString("_id").length() - likeKey.length() - 1);
        String id = UUID.nameUUIDFromBytes((scope + "|" + deadKey).getBytes(StandardCharsets.UTF_8)).toString();
        mongo.getCollection("idempotency_keys").insertOne(new Document(claim).append("_id", scope + "|" + deadKey)
                .append("state", "IN_PROGRESS").append("leaseUntil", new Date(0)));
        mongo.getCollection("dossier_documents").insertOne(new Document(mongo.findById(like, Document.class, "dossier_documents"))
                .append("_id", id).append("uploadedAt", Date.from(uploadedAt)));
        return id;
    }

    /** citizen1's liquor licence, received with the officer's scan of the paper application and citizen1's own copy. */
    private record Received(String code, String scan, String citizens) {
    }

    private Received receivedWithAScan(String scanName) throws Exception {
        String code = flow.submit(SubmissionMother.liquorLicenceFor(CITIZEN_1), citizen(CITIZEN_1));
        List<String> required = SubmissionMother.LIQUOR_LICENCE_DOCUMENTS;
        String scan = idOf(flow.upload(code, required.get(0), scanName, DossierFlow.PDF, officer(AGENCY_THUONG_TIN)));
        String citizens = idOf(flow.upload(code, required.get(1), "ban-sao.pdf", DossierFlow.PDF, citizen(CITIZEN_1)));
        flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN));
        return new Received(code, scan, citizens);
    }

    /** The ids of the files the dossier's history records as shared with the applicant, in order. */
    private List<String> sharingRecords(String code) throws Exception {
        List<String> ids = new ArrayList<>();
        history(code).forEach(entry -> {
            if ("SHARE_DOCUMENT".equals(entry.get("action").asString())) {
                String reason = entry.get("reason").asString();
                ids.add(reason.substring(reason.lastIndexOf('[') + 1, reason.lastIndexOf(']')));
            }
        });
        return ids;
    }

    @Test
    void aFileTheHistorySaysWasSharedCountsAtReceptionBeforeItsOwnFlagIsCleared() throws Exception {
        String code = flow.submit(SubmissionMother.liquorLicenceFor(CITIZEN_1), citizen(CITIZEN_1));
        List<String> required = SubmissionMother.LIQUOR_LICENCE_DOCUMENTS;
        String scan = idOf(internal(code, required.get(0), officer(AGENCY_THUONG_TIN)));
        String citizensFile = idOf(flow.upload(code, required.get(1), "ban-sao.pdf", DossierFlow.PDF, citizen(CITIZEN_1)));
        // A sharing that stopped after its record: the file's flag still says internal.
        aggregates.updateRetrying(() -> dossiers.findById(code).orElseThrow(), dossier -> dossier.shareDocument(
                new Actor("officer-tt", "officer1", "officer"), scan, required.get(0), "tham-dinh.pdf", Instant.now()));
        assertThat(mongo.findById(scan, Document.class, "dossier_documents")).containsEntry("internal", true);

        flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN));
        // Reception counted the kind by the shown file, so a rescan of that kind may be taken back: the shown file stays.
        String rescan = idOf(flow.upload(code, required.get(0), "don-scan.pdf", DossierFlow.PDF, officer(AGENCY_THUONG_TIN)));
        mvc.perform(delete("/api/v1/dossiers/" + code + "/documents/" + rescan).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isNoContent());
        assertThat(fileIds(code)).containsExactly(scan, citizensFile);
    }

    @Test
    void anInternalFileIsNotShownOnceTheAgencyNoLongerHoldsTheDossier() throws Exception {
        String code = flow.submit(SubmissionMother.liquorLicenceFor(CITIZEN_1), citizen(CITIZEN_1));
        String note = idOf(internal(code, "Ghi chú", officer(AGENCY_THUONG_TIN)));
        flow.step(code, "refusal", "{\"reason\": \"Sai thẩm quyền\"}", officer(AGENCY_THUONG_TIN));
        int entries = history(code).size();

        share("/api/v1/dossiers/" + code + "/documents/" + note, officer(AGENCY_THUONG_TIN)).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:illegal-transition"));
        assertThat(fileIds(code)).isEmpty();
        assertThat(mongo.findById(note, Document.class, "dossier_documents")).containsEntry("internal", true);
        assertThat(history(code)).hasSize(entries);
    }

    private ResultActions share(String file, RequestPostProcessor who) throws Exception {
        return mvc.perform(post(file + "/sharing").with(who));
    }

    private ResultActions internal(String code, String kind, RequestPostProcessor who) throws Exception {
        return mvc.perform(multipart("/api/v1/dossiers/" + code + "/documents")
                .file(new MockMultipartFile("file", "tham-dinh.pdf", "application/pdf", DossierFlow.PDF))
                .param("kind", kind).param("internal", "true").header("Idempotency-Key", UUID.randomUUID().toString()).with(who));
    }

    @Test
    void askedToSupplementOnlyAFileAddedSinceCanBeTakenBackAndARemovalThatStoppedIsFinishedByItsRetry() throws Exception {
        String code = flow.submit(SubmissionMother.liquorLicenceFor(CITIZEN_1), citizen(CITIZEN_1));
        String files = "/api/v1/dossiers/" + code + "/documents/";
        String seen = idOf(flow.upload(code, SubmissionMother.LIQUOR_LICENCE_DOCUMENTS.getFirst(), "don.pdf", DossierFlow.PDF,
                citizen(CITIZEN_1)));
        String missing = SubmissionMother.LIQUOR_LICENCE_DOCUMENTS.get(1);
        flow.step(code, "intake-supplement-request", "{\"reason\": \"Thiếu bản sao\", \"documents\": [\"" + missing + "\"]}",
                officer(AGENCY_THUONG_TIN));

        mvc.perform(delete(files + seen).with(citizen(CITIZEN_1))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("the agency has seen it")));
        String added = idOf(flow.upload(code, missing, "ban-sao-sai.pdf", DossierFlow.PDF, citizen(CITIZEN_1)));
        mvc.perform(delete(files + added).with(citizen(CITIZEN_1))).andExpect(status().isNoContent());
        flow.tryStep(code, "supplement", "{\"note\": \"Đã bổ sung\"}", citizen(CITIZEN_1))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.missingDocuments[0]").value(missing));

        // A removal that stopped after hiding the file, before the history recorded it: the file is still the
        // dossier's, listed, and the retry finishes the removal.
        String stopped = idOf(flow.upload(code, missing, "ban-sao-2.pdf", DossierFlow.PDF, citizen(CITIZEN_1)));
        hideAsAStoppedRemovalWould(stopped);
        assertThat(fileIds(code)).containsExactly(seen, stopped);
        int entries = history(code).size();
        mvc.perform(delete(files + stopped).with(citizen(CITIZEN_1))).andExpect(status().isNoContent());
        assertThat(history(code)).hasSize(entries + 1);
        assertThat(mongo.findById(stopped, Document.class, "dossier_documents")).doesNotContainKey("content");
        flow.tryStep(code, "supplement", "{\"note\": \"Đã bổ sung\"}", citizen(CITIZEN_1))
                .andExpect(status().isUnprocessableContent());

        // One that stopped before the dossier moved on: the supplement counts the file, which stays the dossier's.
        String late = idOf(flow.upload(code, missing, "ban-sao-3.pdf", DossierFlow.PDF, citizen(CITIZEN_1)));
        hideAsAStoppedRemovalWould(late);
        flow.step(code, "supplement", "{\"note\": \"Đã bổ sung\"}", citizen(CITIZEN_1));
        flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN));
        mvc.perform(delete(files + late).with(citizen(CITIZEN_1))).andExpect(status().isConflict());
        assertThat(fileIds(code)).containsExactly(seen, late);
        assertThat(mongo.findById(late, Document.class, "dossier_documents")).doesNotContainKeys("removedAt", "removedBy");
    }

    @Test
    void aReceptionThatCountedAFileBeforeItsRemovalFailsOnTheVersionAndIsDecidedAgainWithoutIt() throws Exception {
        String code = flow.submit(SubmissionMother.liquorLicenceFor(CITIZEN_1), citizen(CITIZEN_1));
        List<String> required = SubmissionMother.LIQUOR_LICENCE_DOCUMENTS;
        String application = idOf(flow.upload(code, required.get(0), "don.pdf", DossierFlow.PDF, citizen(CITIZEN_1)));
        flow.upload(code, required.get(1), "ban-sao.pdf", DossierFlow.PDF, citizen(CITIZEN_1)).andExpect(status().isCreated());

        // A reception reads the dossier and its files, as Lifecycle does, and decides with both files...
        Dossier asRead = dossiers.findById(code).orElseThrow();
        List<Event> received = asRead.receive(new Actor("officer-1", "officer1", "officer"), documents.kindsOf(asRead),
                deadlines, Instant.now());
        // ...then the citizen takes one back before the reception is stored.
        mvc.perform(delete("/api/v1/dossiers/" + code + "/documents/" + application).with(citizen(CITIZEN_1)))
                .andExpect(status().isNoContent());

        assertThatThrownBy(() -> aggregates.update(asRead, received)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(dossiers.findById(code).orElseThrow().status()).isEqualTo(NationalStatus.NEWLY_REGISTERED);
        flow.tryStep(code, "reception", null, officer(AGENCY_THUONG_TIN)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.missingDocuments").value(contains(required.get(0))));
    }

    @Test
    void aRemovalThatStoppedAndWasNeverRetriedIsSettledAfterItsGracePeriod() throws Exception {
        String code = flow.submit(SubmissionMother.liquorLicenceFor(CITIZEN_1), citizen(CITIZEN_1));
        String files = "/api/v1/dossiers/" + code + "/documents/";
        String kind = SubmissionMother.LIQUOR_LICENCE_DOCUMENTS.getFirst();
        String neverRecorded = idOf(flow.upload(code, kind, "don.pdf", DossierFlow.PDF, citizen(CITIZEN_1)));
        String recorded = idOf(flow.upload(code, "Ảnh", "anh.pdf", DossierFlow.PDF, citizen(CITIZEN_1)));
        String recent = idOf(flow.upload(code, "Ảnh", "anh-2.pdf", DossierFlow.PDF, citizen(CITIZEN_1)));
        Instant now = Instant.now();

        // Stopped after hiding: the history never recorded it, and its uploader was told it failed.
        hideAsAStoppedRemovalWould(neverRecorded, now.minus(Duration.ofMinutes(11)));
        // Stopped after the history recorded it, before the content was erased.
        mvc.perform(delete(files + recorded).with(citizen(CITIZEN_1))).andExpect(status().isNoContent());
        mongo.getCollection("dossier_documents").updateOne(new Document("_id", recorded), new Document("$set",
                new Document("content", DossierFlow.PDF).append("removedAt", Date.from(now.minus(Duration.ofMinutes(11))))));
        // Hidden a moment ago: its removal may still be under way.
        hideAsAStoppedRemovalWould(recent, now);
        int entries = history(code).size();
        // Until the sweep, what the history has decides: both files it never recorded taken back count and are listed.
        assertThat(fileIds(code)).containsExactly(neverRecorded, recent);
        flow.tryStep(code, "reception", null, officer(AGENCY_THUONG_TIN)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.missingDocuments").value(not(hasItem(kind))));
        mvc.perform(get(files + recorded).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isNotFound());

        removals.settle(now);

        assertThat(fileIds(code)).containsExactly(neverRecorded, recent);
        mvc.perform(get(files + neverRecorded).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/dossiers/" + code + "/documents").with(citizen(CITIZEN_1)))
                .andExpect(jsonPath("$[0].removable").value(true));
        assertThat(mongo.findById(neverRecorded, Document.class, "dossier_documents"))
                .doesNotContainKeys("removedAt", "removedBy");
        assertThat(mongo.findById(recorded, Document.class, "dossier_documents")).doesNotContainKey("content")
                .containsEntry("removedBy", "citizen-" + CITIZEN_1);
        assertThat(mongo.findById(recent, Document.class, "dossier_documents")).containsKeys("content", "removedAt");
        assertThat(history(code)).hasSize(entries);

        // The file shown again counts at reception; a late retry of its removal still works as any removal does.
        flow.tryStep(code, "reception", null, officer(AGENCY_THUONG_TIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.missingDocuments").value(not(hasItem(kind))));
        mvc.perform(delete(files + neverRecorded).with(citizen(CITIZEN_1))).andExpect(status().isNoContent());
        assertThat(history(code)).hasSize(entries + 1);
    }

    private void hideAsAStoppedRemovalWould(String id) {
        hideAsAStoppedRemovalWould(id, Instant.now());
    }

    private void hideAsAStoppedRemovalWould(String id, Instant at) {
        hideAsAStoppedRemovalWould(id, at, "citizen-" + CITIZEN_1);
    }

    private void hideAsAStoppedRemovalWould(String id, Instant at, String remover) {
        mongo.getCollection("dossier_documents").updateOne(new Document("_id", id),
                new Document("$set", new Document("removedAt", Date.from(at)).append("removedBy", remover)));
    }

    private String uploaderOf(String id) {
        return mongo.findById(id, Document.class, "dossier_documents").getString("uploadedBy");
    }

    private String idOf(ResultActions upload) throws Exception {
        return json.readTree(upload.andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).get("id").asString();
    }

    private List<String> fileIds(String code) throws Exception {
        List<String> ids = new ArrayList<>();
        flow.getJson("/api/v1/dossiers/" + code + "/documents", citizen(CITIZEN_1)).forEach(file -> ids.add(file.get("id").asString()));
        return ids;
    }

    private JsonNode history(String code) throws Exception {
        return flow.getJson("/api/v1/dossiers/" + code + "/history", citizen(CITIZEN_1));
    }

    @Test
    void theApiDocumentSaysAnUploadIsMultipart() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/dossiers/{code}/documents'].post.requestBody.content['multipart/form-data']"
                        + ".schema.properties.file.format").value("binary"))
                .andExpect(jsonPath("$.paths['/api/v1/dossiers/{code}/documents'].post.requestBody.content['application/json']")
                        .doesNotExist())
                .andExpect(jsonPath("$.paths['/api/v1/dossiers/{code}/documents'].post.responses['404']"
                        + ".content['application/problem+json'].schema.$ref").value("#/components/schemas/Problem"))
                .andExpect(jsonPath("$.paths['/api/v1/dossiers/{code}/documents'].post.responses['415']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/dossiers/{code}/documents'].post.responses['401']").exists())
                // The public catalog needs no token, and its operations say so.
                .andExpect(jsonPath("$.paths['/api/v1/public/procedures/{code}'].get.security").isEmpty())
                .andExpect(jsonPath("$.paths['/api/v1/public/procedures/{code}'].get.responses['401']").doesNotExist())
                .andExpect(jsonPath("$.paths['/api/v1/public/procedures/{code}'].get.responses['404']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/procedures/{code}'].get.security").doesNotExist());
    }

    @Test
    void aKindTypedWithCombiningMarksCountsAsTheDocumentItNamesAndAFileNameCannotShowReversed() throws Exception {
        String code = flow.submit(SubmissionMother.liquorLicenceFor(CITIZEN_1), citizen(CITIZEN_1));
        long before = mongo.getCollection("dossier_documents").countDocuments();

        flow.upload(code, "Đơn\u202e", "don.pdf", DossierFlow.PDF, citizen(CITIZEN_1))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:character-not-accepted"))
                .andExpect(jsonPath("$.field").value("kind")).andExpect(jsonPath("$.character").value("U+202E"));
        flow.upload(code, "\u200b\ufeff", "don.pdf", DossierFlow.PDF, citizen(CITIZEN_1))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.type").value("urn:motcua:problem:bad-kind"));
        assertThat(mongo.getCollection("dossier_documents").countDocuments()).isEqualTo(before);

        for (String kind : SubmissionMother.LIQUOR_LICENCE_DOCUMENTS) {
            flow.upload(code, Normalizer.normalize(kind, Normalizer.Form.NFD), "hop-dong\u202efdp.exe\u0000", DossierFlow.PDF,
                    citizen(CITIZEN_1)).andExpect(status().isCreated())
                    .andExpect(jsonPath("$.kind").value(kind)).andExpect(jsonPath("$.fileName").value("hop-dong_fdp.exe_"));
        }

        assertThat(flow.step(code, "reception", null, officer(AGENCY_THUONG_TIN)).get("nationalStatus").asInt()).isEqualTo(2);
    }

    private ResultActions paper(String procedure, String channel,
            RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/api/v1/dossiers/paper").param("channel", channel)
                .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .content(SubmissionMother.body(procedure, AGENCY_THUONG_TIN, CITIZEN_2, "b@example.com")).with(who));
    }

    @Test
    void underAnOnlineFirstPolicyTheCounterTakesOnlyWhatIsNotOnlineAndThePostOnlyWhatMayComeByPost() throws Exception {
        // The 2020 emergency rule for the district, open-ended (another test of this JVM may have published it).
        mvc.perform(post("/api/v1/channel-policies").contentType(MediaType.APPLICATION_JSON).with(ops()).content(
                        "{\"agencyCode\": \"" + AGENCY_THUONG_TIN + "\", \"rule\": \"ONLINE_FIRST\", \"validFrom\":"
                                + " \"2020-03-23\", \"source\": {\"document\": \"17/CT-UBND\", \"date\": \"2020-03-20\"}}"))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(201, 409));
        long before = dossiers.count();
        paper(HOUSEHOLD_BUSINESS, "IN_PERSON", officer(AGENCY_THUONG_TIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:submit-online"))
                .andExpect(jsonPath("$.onlineSubmission").value("/api/v1/dossiers"));
        paper(LAND_CERTIFICATE, "BY_POST", officer(AGENCY_THUONG_TIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:not-by-post"));
        paper(LAND_CERTIFICATE, "IN_PERSON", specialist(AGENCY_THUONG_TIN)).andExpect(status().isForbidden());
        paper(LAND_CERTIFICATE, "IN_PERSON", citizen(CITIZEN_2)).andExpect(status().isForbidden());
        // Whatever a citizen sends, the counter's endpoint answers 403, not which parameters it lacks or takes.
        mvc.perform(post("/api/v1/dossiers/paper").with(citizen(CITIZEN_2))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:forbidden"));
        mvc.perform(post("/api/v1/dossiers/paper").param("chanel", "BY_POST").with(citizen(CITIZEN_2)))
                .andExpect(status().isForbidden());
        paper(LAND_CERTIFICATE, "IN_PERSON", officer(AGENCY_JUSTICE)).andExpect(status().isForbidden());
        paper(LAND_CERTIFICATE, "BY_FAX", officer(AGENCY_THUONG_TIN)).andExpect(status().isBadRequest());
        assertThat(dossiers.count()).isEqualTo(before);

        paper(LAND_CERTIFICATE, "IN_PERSON", officer(AGENCY_THUONG_TIN))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.channel").value("IN_PERSON"))
                .andExpect(jsonPath("$.nationalStatus").value(1));
        paper(HOUSEHOLD_BUSINESS, "BY_POST", officer(AGENCY_THUONG_TIN))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.channel").value("POSTAL"));
        // The applicant owns the dossier the officer registered.
        mvc.perform(get("/api/v1/dossiers").with(citizen(CITIZEN_2)))
                .andExpect(jsonPath("$.items[?(@.channel == 'IN_PERSON')]").exists());
    }

    @Test
    void aDossierThePostCollectedIsRegisteredOnceWithItsItemIdByTheAgencyItArrivedAt() throws Exception {
        String item = deliveredToTheDesk(1).getFirst();
        long before = dossiers.count();

        paperByPost(item, officer(AGENCY_JUSTICE)).andExpect(status().isForbidden());
        paperByPost(item, citizen(CITIZEN_2)).andExpect(status().isForbidden());
        paperByPost("RR123VN", officer(AGENCY_THUONG_TIN)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:tracking-number-invalid"));
        paperByPost("RR999999999VN", officer(AGENCY_THUONG_TIN)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:postal-item-not-arrived"));
        mvc.perform(post("/api/v1/dossiers/paper").param("channel", "BY_POST").param("trackingNumber", item)
                .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .content(SubmissionMother.body(HOUSEHOLD_BUSINESS, AGENCY_THUONG_TIN, CITIZEN_1, "a@example.com"))
                .with(officer(AGENCY_THUONG_TIN))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:postal-item-of-another-applicant"));
        assertThat(dossiers.count()).isEqualTo(before);

        String code = json.readTree(paperByPost(item, officer(AGENCY_THUONG_TIN)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel").value("POSTAL")).andExpect(jsonPath("$.postalItemId").value(item))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get("code").asString();
        paperByPost(item, officer(AGENCY_THUONG_TIN)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:postal-item-registered"))
                .andExpect(jsonPath("$.dossierCode").value(code));
        assertThat(dossiers.count()).isEqualTo(before + 1);
        // The post learns which dossier the envelope became, to send it back if it is refused (ADR 0081).
        assertThat(KafkaProbe.await(Topics.DOSSIER, record -> code.equals(record.key())
                && "DossierSubmitted".equals(KafkaProbe.header(record, CloudEventHeaders.TYPE)), Duration.ofSeconds(10)).value())
                .contains("\"collectedItemId\":\"" + item + "\"");
    }

    @Test
    void theDeskListsTheEnvelopesArrivedAndNotRegisteredLongestWaitingFirstToItsOwnStaffOnly() throws Exception {
        String older = newItemId();
        String newer = newItemId();
        String elsewhere = newItemId();
        Instant now = Instant.now();
        KafkaProbe.send(EventMother.record(new PaperDossierArrived("PIC-" + newer, newer, AGENCY_THUONG_TIN, HOUSEHOLD_BUSINESS,
                CITIZEN_2, "Trần Thị Bình", "0987654321", now.minusSeconds(60))));
        KafkaProbe.send(EventMother.record(new PaperDossierArrived("PIC-" + older, older, AGENCY_THUONG_TIN, HOUSEHOLD_BUSINESS,
                CITIZEN_2, "Trần Thị Bình", "0987654321", now.minus(Duration.ofDays(3)))));
        KafkaProbe.send(EventMother.record(new PaperDossierArrived("PIC-" + elsewhere, elsewhere, AGENCY_JUSTICE, HOUSEHOLD_BUSINESS,
                CITIZEN_2, "Trần Thị Bình", "0987654321", now)));
        await().atMost(Duration.ofSeconds(20)).until(() -> Stream.of(older, newer, elsewhere)
                .allMatch(item -> mongo.findById(item, Document.class, "postal_arrivals") != null));

        String listed = arrivalsOf(AGENCY_THUONG_TIN, officer(AGENCY_THUONG_TIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.itemId == '" + older + "')].ownerCitizenId").value(contains(CITIZEN_2)))
                .andExpect(jsonPath("$.items[?(@.itemId == '" + older + "')].senderName").value(contains("Trần Thị Bình")))
                .andExpect(jsonPath("$.items[?(@.itemId == '" + elsewhere + "')]").doesNotExist())
                .andExpect(jsonPath("$.total").value(greaterThanOrEqualTo(2)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(listed.indexOf(older)).as("the longest waiting first").isLessThan(listed.indexOf(newer)).isNotNegative();
        arrivalsOf(AGENCY_THUONG_TIN, leader(AGENCY_THUONG_TIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.itemId == '" + newer + "')]").exists());
        arrivalsOf(AGENCY_JUSTICE, officer(AGENCY_JUSTICE)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.itemId == '" + elsewhere + "')]").exists())
                .andExpect(jsonPath("$.items[?(@.itemId == '" + older + "')]").doesNotExist());

        mvc.perform(get("/api/v1/agencies/" + AGENCY_THUONG_TIN + "/postal-arrivals")).andExpect(status().isUnauthorized());
        arrivalsOf(AGENCY_THUONG_TIN, officer(AGENCY_JUSTICE)).andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString(older))));
        arrivalsOf(AGENCY_THUONG_TIN, citizen(CITIZEN_2)).andExpect(status().isForbidden());
        arrivalsOf(AGENCY_THUONG_TIN, specialist(AGENCY_THUONG_TIN)).andExpect(status().isForbidden());
        arrivalsOf(AGENCY_THUONG_TIN, ops()).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/agencies/" + AGENCY_THUONG_TIN + "/postal-arrivals").param("size", "0")
                .with(officer(AGENCY_THUONG_TIN))).andExpect(status().isBadRequest());

        paperByPost(older, officer(AGENCY_THUONG_TIN)).andExpect(status().isCreated());
        arrivalsOf(AGENCY_THUONG_TIN, officer(AGENCY_THUONG_TIN))
                .andExpect(jsonPath("$.items[?(@.itemId == '" + older + "')]").doesNotExist())
                .andExpect(jsonPath("$.items[?(@.itemId == '" + newer + "')]").exists());
    }

    @Test
    void anEnvelopeThatCannotBeRegisteredIsTurnedAwayOnceWithItsReasonByAnOfficerOfItsOwnAgencyOnly() throws Exception {
        List<String> arrived = deliveredToTheDesk(2);
        String item = arrived.get(0);
        String registered = arrived.get(1);
        String reason = "{\"reason\": \"Người nộp không phải chủ hộ kinh doanh\"}";

        mvc.perform(post(onEnvelope(AGENCY_THUONG_TIN, item, "turning-away")).contentType(MediaType.APPLICATION_JSON).content(reason))
                .andExpect(status().isUnauthorized());
        turnAway(AGENCY_THUONG_TIN, item, reason, officer(AGENCY_JUSTICE)).andExpect(status().isForbidden());
        // Another agency's envelope does not exist for this one.
        turnAway(AGENCY_JUSTICE, item, reason, officer(AGENCY_JUSTICE)).andExpect(status().isNotFound());
        turnAway(AGENCY_THUONG_TIN, item, reason, citizen(CITIZEN_2)).andExpect(status().isForbidden());
        turnAway(AGENCY_THUONG_TIN, item, reason, leader(AGENCY_THUONG_TIN)).andExpect(status().isForbidden());
        turnAway(AGENCY_THUONG_TIN, item, reason, specialist(AGENCY_THUONG_TIN)).andExpect(status().isForbidden());
        turnAway(AGENCY_THUONG_TIN, item, "{\"reason\": \"  \"}", officer(AGENCY_THUONG_TIN)).andExpect(status().isBadRequest());
        turnAway(AGENCY_THUONG_TIN, newItemId(), reason, officer(AGENCY_THUONG_TIN)).andExpect(status().isNotFound());
        turnAway(AGENCY_THUONG_TIN, "not-an-item", reason, officer(AGENCY_THUONG_TIN)).andExpect(status().isNotFound());
        assertThat(mongo.findById(item, Document.class, "postal_arrivals").get("turnedAway")).as("refused, nothing changed").isNull();

        turnAway(AGENCY_THUONG_TIN, item, reason, officer(AGENCY_THUONG_TIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.itemId").value(item))
                .andExpect(jsonPath("$.turnedAway.reason").value("Người nộp không phải chủ hộ kinh doanh"))
                .andExpect(jsonPath("$.turnedAway.by").value("officer-" + AGENCY_THUONG_TIN));
        turnAway(AGENCY_THUONG_TIN, item, "{\"reason\": \"another reason\"}", officer(AGENCY_THUONG_TIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.turnedAway.reason").value("Người nộp không phải chủ hộ kinh doanh"));
        assertThat(KafkaProbe.collect(Topics.DOSSIER, record -> ("PIC-" + item).equals(record.key())
                && "PaperDossierTurnedAway".equals(KafkaProbe.header(record, CloudEventHeaders.TYPE)), 2, Duration.ofSeconds(5)))
                .as("once").singleElement().extracting(ConsumerRecord::value).asString()
                .contains("\"ownerCitizenId\":\"" + CITIZEN_2 + "\"", "\"itemId\":\"" + item + "\"");

        arrivalsOf(AGENCY_THUONG_TIN, officer(AGENCY_THUONG_TIN)).andExpect(jsonPath("$.items[?(@.itemId == '" + item + "')]").doesNotExist());
        paperByPost(item, officer(AGENCY_THUONG_TIN)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:postal-item-turned-away"));

        paperByPost(registered, officer(AGENCY_THUONG_TIN)).andExpect(status().isCreated());
        turnAway(AGENCY_THUONG_TIN, registered, reason, officer(AGENCY_THUONG_TIN)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:postal-item-registered"));
    }

    @Test
    void theCounterListsThePapersItHoldsAndHandsThemBackOnceToWhoeverCameForThem() throws Exception {
        List<String> arrived = deliveredToTheDesk(3);
        String turned = arrived.get(0);
        String waiting = arrived.get(1);
        String registered = arrived.get(2);
        turnAway(AGENCY_THUONG_TIN, turned, "{\"reason\": \"Không có đơn\"}", officer(AGENCY_THUONG_TIN)).andExpect(status().isOk());
        paperByPost(registered, officer(AGENCY_THUONG_TIN)).andExpect(status().isCreated());

        papersHeldBy(AGENCY_THUONG_TIN, leader(AGENCY_THUONG_TIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.itemId == '" + turned + "')].turnedAway.reason").value(contains("Không có đơn")))
                .andExpect(jsonPath("$.items[?(@.itemId == '" + waiting + "')]").doesNotExist())
                .andExpect(jsonPath("$.items[?(@.itemId == '" + registered + "')]").doesNotExist());
        mvc.perform(get(papersHeld(AGENCY_THUONG_TIN))).andExpect(status().isUnauthorized());
        papersHeldBy(AGENCY_THUONG_TIN, officer(AGENCY_JUSTICE)).andExpect(status().isForbidden());
        papersHeldBy(AGENCY_THUONG_TIN, citizen(CITIZEN_2)).andExpect(status().isForbidden());
        papersHeldBy(AGENCY_THUONG_TIN, specialist(AGENCY_THUONG_TIN)).andExpect(status().isForbidden());

        String daughter = "{\"collectedBy\": \"Trần Thu Hà\", \"idNumber\": \"001190000321\"}";
        mvc.perform(post(onEnvelope(AGENCY_THUONG_TIN, turned, "hand-back")).contentType(MediaType.APPLICATION_JSON).content(daughter))
                .andExpect(status().isUnauthorized());
        handBack(AGENCY_THUONG_TIN, turned, daughter, officer(AGENCY_JUSTICE)).andExpect(status().isForbidden());
        handBack(AGENCY_JUSTICE, turned, daughter, officer(AGENCY_JUSTICE)).andExpect(status().isNotFound());
        handBack(AGENCY_THUONG_TIN, turned, daughter, citizen(CITIZEN_2)).andExpect(status().isForbidden());
        handBack(AGENCY_THUONG_TIN, turned, daughter, leader(AGENCY_THUONG_TIN)).andExpect(status().isForbidden());
        handBack(AGENCY_THUONG_TIN, turned, daughter, specialist(AGENCY_THUONG_TIN)).andExpect(status().isForbidden());
        handBack(AGENCY_THUONG_TIN, turned, "{\"collectedBy\": \" \", \"idNumber\": \"001190000321\"}", officer(AGENCY_THUONG_TIN))
                .andExpect(status().isBadRequest());
        handBack(AGENCY_THUONG_TIN, turned, "{\"collectedBy\": \"Trần Thu Hà\", \"idNumber\": \"12345\"}", officer(AGENCY_THUONG_TIN))
                .andExpect(status().isBadRequest());
        handBack(AGENCY_THUONG_TIN, newItemId(), daughter, officer(AGENCY_THUONG_TIN)).andExpect(status().isNotFound());
        handBack(AGENCY_THUONG_TIN, "not-an-item", daughter, officer(AGENCY_THUONG_TIN)).andExpect(status().isNotFound());
        handBack(AGENCY_THUONG_TIN, waiting, daughter, officer(AGENCY_THUONG_TIN)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:postal-item-not-turned-away"));
        handBack(AGENCY_THUONG_TIN, registered, daughter, officer(AGENCY_THUONG_TIN)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:postal-item-registered"));
        assertThat(mongo.findById(turned, Document.class, "postal_arrivals").get("handedBack")).as("refused, nothing changed").isNull();

        handBack(AGENCY_THUONG_TIN, turned, daughter, officer(AGENCY_THUONG_TIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.handedBack.collectedBy").value("Trần Thu Hà"))
                .andExpect(jsonPath("$.handedBack.idNumber").value("001190000321"))
                .andExpect(jsonPath("$.handedBack.by").value("officer-" + AGENCY_THUONG_TIN));
        handBack(AGENCY_THUONG_TIN, turned, "{\"collectedBy\": \"Trần Thị Bình\", \"idNumber\": \"001090000002\"}",
                officer(AGENCY_THUONG_TIN)).andExpect(status().isOk()).andExpect(jsonPath("$.handedBack.collectedBy").value("Trần Thu Hà"));
        assertThat(KafkaProbe.collect(Topics.DOSSIER, record -> ("PIC-" + turned).equals(record.key())
                && "PaperDossierHandedBack".equals(KafkaProbe.header(record, CloudEventHeaders.TYPE)), 2, Duration.ofSeconds(5)))
                .as("once").singleElement().extracting(ConsumerRecord::value).asString()
                .contains("\"collectedBy\":\"Trần Thu Hà\"", "\"ownerCitizenId\":\"" + CITIZEN_2 + "\"")
                .as("the identity paper's number stays with the agency").doesNotContain("001190000321");
        papersHeldBy(AGENCY_THUONG_TIN, officer(AGENCY_THUONG_TIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.itemId == '" + turned + "')]").doesNotExist());
    }

    @Test
    void theSenderFollowsTheirEnvelopeFromTheDeskToItsDossierOrBackToWhoeverTookThePapersAndNobodyElseSeesIt() throws Exception {
        List<String> arrived = deliveredToTheDesk(2);
        String registered = arrived.get(0);
        String turned = arrived.get(1);

        tracked(registered, citizen(CITIZEN_2)).andExpect(status().isOk())
                .andExpect(jsonPath("$.whereabouts").value("AWAITING_REGISTRATION"))
                .andExpect(jsonPath("$.agencyCode").value(AGENCY_THUONG_TIN))
                .andExpect(jsonPath("$.agencyName").value("UBND xã Thường Tín"));
        String code = JsonPath.read(paperByPost(registered, officer(AGENCY_THUONG_TIN)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.code");
        tracked(registered, citizen(CITIZEN_2)).andExpect(jsonPath("$.whereabouts").value("REGISTERED"))
                .andExpect(jsonPath("$.dossierCode").value(code));

        turnAway(AGENCY_THUONG_TIN, turned, "{\"reason\": \"Không có đơn\"}", officer(AGENCY_THUONG_TIN)).andExpect(status().isOk());
        tracked(turned, citizen(CITIZEN_2)).andExpect(jsonPath("$.whereabouts").value("TURNED_AWAY"))
                .andExpect(jsonPath("$.turnedAwayReason").value("Không có đơn"));
        handBack(AGENCY_THUONG_TIN, turned, "{\"collectedBy\": \"Trần Thu Hà\", \"idNumber\": \"001190000321\"}",
                officer(AGENCY_THUONG_TIN)).andExpect(status().isOk());
        tracked(turned, citizen(CITIZEN_2)).andExpect(jsonPath("$.whereabouts").value("HANDED_BACK"))
                .andExpect(jsonPath("$.collectedBy").value("Trần Thu Hà"))
                .andExpect(content().string(not(containsString("001190000321"))))
                .andExpect(content().string(not(containsString("officer-" + AGENCY_THUONG_TIN))));
        tracked(turned, leader(AGENCY_THUONG_TIN)).andExpect(status().isOk());

        // Anyone else cannot tell it from an item that never arrived.
        tracked(turned, citizen(CITIZEN_1)).andExpect(status().isNotFound());
        tracked(turned, officer(AGENCY_JUSTICE)).andExpect(status().isNotFound());
        tracked(newItemId(), citizen(CITIZEN_2)).andExpect(status().isNotFound());
        tracked("not-an-item", citizen(CITIZEN_2)).andExpect(status().isNotFound());
        tracked(turned, ops()).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/postal-arrivals/" + turned)).andExpect(status().isUnauthorized());
    }

    /** Envelopes citizen 2 sent that the post delivered to Thường Tín's desk, once the desk has stored them. */
    private List<String> deliveredToTheDesk(int count) {
        List<String> items = Stream.generate(DocumentsAndPaperIntakeIT::newItemId).limit(count).toList();
        for (String arriving : items) {
            KafkaProbe.send(EventMother.record(new PaperDossierArrived("PIC-" + arriving, arriving, AGENCY_THUONG_TIN, HOUSEHOLD_BUSINESS,
                    CITIZEN_2, "Trần Thị Bình", "0987654321", Instant.now())));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> items.stream()
                .allMatch(arriving -> mongo.findById(arriving, Document.class, "postal_arrivals") != null));
        return items;
    }

    private ResultActions tracked(String item, RequestPostProcessor who) throws Exception {
        return mvc.perform(get("/api/v1/postal-arrivals/" + item).with(who));
    }

    @Test
    void envelopesStoredBeforeTheyHadAVersionAreListedRegisteredAndTurnedAwayAsNewOnes() throws Exception {
        String toRegister = storedBeforeTheVersion();
        String toTurnAway = storedBeforeTheVersion();
        arrivalsOf(AGENCY_THUONG_TIN, officer(AGENCY_THUONG_TIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.itemId == '" + toRegister + "')].senderName").value(contains("Trần Thị Bình")))
                .andExpect(jsonPath("$.items[?(@.itemId == '" + toTurnAway + "')]").exists());

        paperByPost(toRegister, officer(AGENCY_THUONG_TIN)).andExpect(status().isCreated());
        turnAway(AGENCY_THUONG_TIN, toRegister, "{\"reason\": \"Không có đơn\"}", officer(AGENCY_THUONG_TIN))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("urn:motcua:problem:postal-item-registered"));
        turnAway(AGENCY_THUONG_TIN, toTurnAway, "{\"reason\": \"Không có đơn\"}", officer(AGENCY_THUONG_TIN))
                .andExpect(status().isOk()).andExpect(jsonPath("$.turnedAway.reason").value("Không có đơn"));
        paperByPost(toTurnAway, officer(AGENCY_THUONG_TIN)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:postal-item-turned-away"));

        assertThat(mongo.findById(toRegister, Document.class, "postal_arrivals").get("dossierCode")).isNotNull();
        assertThat(((Number) mongo.findById(toTurnAway, Document.class, "postal_arrivals").get("version")).longValue())
                .as("versioned from its first write").isEqualTo(1L);
        arrivalsOf(AGENCY_THUONG_TIN, officer(AGENCY_THUONG_TIN))
                .andExpect(jsonPath("$.items[?(@.itemId == '" + toRegister + "')]").doesNotExist())
                .andExpect(jsonPath("$.items[?(@.itemId == '" + toTurnAway + "')]").doesNotExist());
    }

    /** An envelope as the desk stored it before ADR 0088 made it an aggregate: a plain record, no version. */
    private String storedBeforeTheVersion() {
        String item = newItemId();
        mongo.getCollection("postal_arrivals").insertOne(new Document("_id", item).append("shipmentId", "PIC-" + item)
                .append("agencyCode", AGENCY_THUONG_TIN).append("procedureCode", HOUSEHOLD_BUSINESS).append("ownerCitizenId", CITIZEN_2)
                .append("senderName", "Trần Thị Bình").append("arrivedAt", Date.from(Instant.now().minus(Duration.ofDays(2))))
                .append("_class", "vn.motcua.dossier.intake.internal.PostalArrivals$Arrival"));
        return item;
    }

    private static String onEnvelope(String agency, String item, String action) {
        return "/api/v1/agencies/" + agency + "/postal-arrivals/" + item + "/" + action;
    }

    private ResultActions turnAway(String agency, String item, String body, RequestPostProcessor who) throws Exception {
        return mvc.perform(post(onEnvelope(agency, item, "turning-away")).contentType(MediaType.APPLICATION_JSON).content(body).with(who));
    }

    private ResultActions handBack(String agency, String item, String body, RequestPostProcessor who) throws Exception {
        return mvc.perform(post(onEnvelope(agency, item, "hand-back")).contentType(MediaType.APPLICATION_JSON).content(body).with(who));
    }

    private static String papersHeld(String agency) {
        return "/api/v1/agencies/" + agency + "/postal-arrivals/papers-held";
    }

    private ResultActions papersHeldBy(String agency, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(papersHeld(agency)).param("size", "100").with(who));
    }

    private ResultActions arrivalsOf(String agency, RequestPostProcessor who) throws Exception {
        return mvc.perform(get("/api/v1/agencies/" + agency + "/postal-arrivals").param("size", "100").with(who));
    }

    private static String newItemId() {
        return "RR" + (100_000_000 + new Random().nextInt(800_000_000)) + "VN";
    }

    private ResultActions paperByPost(String item, RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/api/v1/dossiers/paper").param("channel", "BY_POST").param("trackingNumber", item)
                .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .content(SubmissionMother.body(HOUSEHOLD_BUSINESS, AGENCY_THUONG_TIN, CITIZEN_2, "b@example.com")).with(who));
    }
}
