package vn.motcua.notification.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.ops;

import java.time.Duration;
import java.time.Instant;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.events.dossier.DossierStopped;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.notification.inbox.NotificationRepository;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class TemplatesIT {
    @Autowired
    MockMvc mvc;
    @Autowired
    NotificationRepository notifications;

    @Test
    void opsPublishANewVersionWhichTheNextMessageUsesAndAnUnknownPlaceholderIsRefusedAtPublishTime() throws Exception {
        mvc.perform(get("/api/v1/notifications/templates").with(ops()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.key == 'dossier-stopped')].placeholders[*]").value(Matchers.containsInAnyOrder("dossier_code", "reason")));
        mvc.perform(post("/api/v1/notifications/templates/dossier-stopped/versions").with(ops()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Hồ sơ {dossier_code} dừng\", \"body\": \"Gửi {ho_ten}: {reason}\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("[ho_ten]")));
        mvc.perform(get("/api/v1/notifications/templates/dossier-stopped").with(ops())).andExpect(jsonPath("$.current.version").value(1));

        mvc.perform(post("/api/v1/notifications/templates/dossier-stopped/versions").with(ops()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Hồ sơ {dossier_code} đã dừng giải quyết\", \"body\": \"Lý do dừng: {reason}.\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.publishedBy").value("ops1"));

        String code = EventMother.newDossierCode();
        String owner = "001090000130";
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, owner, 0)));
        KafkaProbe.send(EventMother.record(new DossierStopped(EventMother.snapshot(code, owner, ResultDelivery.ONLINE), "Người nộp qua đời",
                Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications.findAll().stream()
                .anyMatch(n -> code.equals(n.dossierCode()) && n.template().equals("dossier-stopped")));
        var stopped = notifications.findAll().stream().filter(n -> code.equals(n.dossierCode()) && n.template().equals("dossier-stopped"))
                .findFirst().orElseThrow();
        assertThat(stopped.title()).isEqualTo("Hồ sơ " + code + " đã dừng giải quyết");
        assertThat(stopped.body()).isEqualTo("Lý do dừng: Người nộp qua đời.");
    }

    @Test
    void aPreviewShowsTheTextsAndTheSmsWithItsPartsWithoutPublishing() throws Exception {
        mvc.perform(post("/api/v1/notifications/templates/dossier-received/preview").with(ops()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"values\": {\"dossier_code\": \"000.10.20.30.H29-261201-0001\", \"due_date\": \"15/12/2026\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shortText").value("Hồ sơ 000.10.20.30.H29-261201-0001 đã được tiếp nhận. Ngày hẹn trả kết quả: 15/12/2026."))
                .andExpect(jsonPath("$.sms").value("Ho so 000.10.20.30.H29-261201-0001 da duoc tiep nhan. Ngay hen tra ket qua: 15/12/2026."))
                .andExpect(jsonPath("$.smsParts").value(1))
                .andExpect(jsonPath("$.smsAccentedParts").value(2));
        mvc.perform(post("/api/v1/notifications/templates/dossier-received/preview").with(ops()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Hồ sơ {dossier_code}\", \"body\": \"Hẹn {due_date}, phòng {room}\"}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/v1/notifications/templates/dossier-received/preview").with(ops()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Hồ sơ «dossier_code» đã được tiếp nhận"));
        mvc.perform(get("/api/v1/notifications/templates/dossier-received").with(ops())).andExpect(jsonPath("$.current.version").value(1));
    }

    @Test
    void onlyOpsSeeOrChangeTemplatesAndAnUnknownOneIsNotFound() throws Exception {
        String body = "{\"title\": \"Hồ sơ {dossier_code}\", \"body\": \"{reason}\"}";
        mvc.perform(get("/api/v1/notifications/templates")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/notifications/templates").with(citizen("001090000131"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/notifications/templates/dossier-rejected/versions").with(officer(AGENCY_THUONG_TIN))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/notifications/templates/dossier-rejected/preview").with(citizen("001090000131"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/notifications/templates/no-such-kind/versions").with(ops()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/notifications/templates/dossier-rejected/versions").with(ops()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"\", \"body\": \"x\"}")).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/notifications/templates/dossier-rejected").with(ops())).andExpect(jsonPath("$.current.version").value(1));
    }
}
