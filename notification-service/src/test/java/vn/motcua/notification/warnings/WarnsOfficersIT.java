package vn.motcua.notification.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.staff;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.events.dossier.DossierAtRisk;
import vn.motcua.events.dossier.DossierOverdue;
import vn.motcua.events.dossier.DossierProcessingStarted;
import vn.motcua.events.dossier.DossierResultReady;
import vn.motcua.events.dossier.DossierRevisionRequested;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.notification.inbox.Notification;
import vn.motcua.notification.inbox.NotificationRepository;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

/** Without a realm here, staff are known by the usernames the events name and warned in their inbox. */
@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class WarnsOfficersIT {
    private static final LocalDate DUE = LocalDate.parse("2026-11-27");

    @Autowired
    MockMvc mvc;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    MorningDigest digest;

    @Test
    void anOverdueDossierWarnsItsSpecialistAtOnceOnceAndOnlyThemCanReadIt() throws Exception {
        String specialist = "specialist-" + System.nanoTime();
        DossierSnapshot dossier = dossier();
        KafkaProbe.send(EventMother.record(new DossierProcessingStarted(dossier, specialist, DUE, Instant.now())));
        ProducerRecord<String, String> overdue = EventMother.record(new DossierOverdue(dossier, DUE, Instant.now()));
        KafkaProbe.send(overdue);
        KafkaProbe.send(overdue);

        await().atMost(Duration.ofSeconds(20)).until(() -> inboxOf(specialist) == 1);
        Thread.sleep(1000); // time for a wrong second warning to show
        assertThat(inboxOf(specialist)).isEqualTo(1);
        mvc.perform(get("/api/v1/notifications").with(staff(specialist, AGENCY_THUONG_TIN, "specialist")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].title").value("Hồ sơ " + dossier.dossierCode() + " đã quá hạn giải quyết"))
                .andExpect(jsonPath("$[0].body").value(Matchers.containsString("27/11/2026")));
        mvc.perform(get("/api/v1/notifications").with(staff("someone-else", AGENCY_THUONG_TIN, "specialist")))
                .andExpect(jsonPath("$[?(@.dossierCode == '" + dossier.dossierCode() + "')]").doesNotExist());
        mvc.perform(get("/api/v1/notifications").with(citizen(dossier.ownerCitizenId())))
                .andExpect(jsonPath("$[?(@.template == 'staff-dossier-overdue')]").doesNotExist());
    }

    @Test
    void aDraftSentBackWarnsItsSpecialistOnceWithWhatToRevise() throws Exception {
        String specialist = "specialist-" + System.nanoTime();
        DossierSnapshot dossier = dossier();
        ProducerRecord<String, String> sentBack = EventMother.record(new DossierRevisionRequested(dossier, specialist,
                "Sai tên cơ sở kinh doanh", "Nguyễn Lãnh Đạo", Instant.now()));
        KafkaProbe.send(sentBack);
        KafkaProbe.send(sentBack);

        await().atMost(Duration.ofSeconds(20)).until(() -> inboxOf(specialist) == 1);
        Thread.sleep(1000); // time for a wrong second warning to show
        assertThat(inboxOf(specialist)).isEqualTo(1);
        mvc.perform(get("/api/v1/notifications").with(staff(specialist, AGENCY_THUONG_TIN, "specialist")))
                .andExpect(jsonPath("$[0].template").value("staff-revision-requested"))
                .andExpect(jsonPath("$[0].body").value(Matchers.containsString("Sai tên cơ sở kinh doanh")))
                .andExpect(jsonPath("$[0].body").value(Matchers.containsString("Nguyễn Lãnh Đạo")));
        mvc.perform(get("/api/v1/notifications").with(citizen(dossier.ownerCitizenId())))
                .andExpect(jsonPath("$[?(@.template == 'staff-revision-requested')]").doesNotExist());
    }

    @Test
    void eachMorningEachSpecialistGetsOneDigestOfTheirDossiersAtRiskOrOverdueUntilTheyLeaveProcessing() throws Exception {
        String specialist = "specialist-" + System.nanoTime();
        DossierSnapshot atRisk = dossier();
        DossierSnapshot late = dossier();
        DossierSnapshot done = dossier();
        for (DossierSnapshot d : new DossierSnapshot[] {atRisk, late, done}) {
            KafkaProbe.send(EventMother.record(new DossierProcessingStarted(d, specialist, DUE, Instant.now())));
        }
        KafkaProbe.send(EventMother.record(new DossierAtRisk(atRisk, LocalDate.parse("2026-12-03"), 2, Instant.now())));
        KafkaProbe.send(EventMother.record(new DossierOverdue(late, DUE, Instant.now())));
        KafkaProbe.send(EventMother.record(new DossierAtRisk(done, LocalDate.parse("2026-12-02"), 1, Instant.now())));
        KafkaProbe.send(EventMother.record(new DossierResultReady(done, "leader-1", DUE, DUE, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> inboxOf(specialist) == 1); // the overdue one's immediate warning
        Thread.sleep(1000);

        LocalDate day = LocalDate.parse("2026-12-01");
        digest.send(day);
        digest.send(day);
        Notification sent = notifications.findById("digest:" + day + ":" + specialist).orElseThrow();
        assertThat(sent.title()).isEqualTo("Nhắc việc ngày 01/12/2026: 1 hồ sơ quá hạn, 1 hồ sơ sắp đến hạn");
        assertThat(sent.body()).contains(atRisk.dossierCode(), late.dossierCode()).doesNotContain(done.dossierCode());
        assertThat(sent.body().indexOf(late.dossierCode())).as("the most pressing first").isLessThan(sent.body().indexOf(atRisk.dossierCode()));
        assertThat(inboxOf(specialist)).as("one digest however often it runs that day").isEqualTo(2);
    }

    private long inboxOf(String username) {
        return notifications.findAll().stream().filter(n -> Notification.staffRecipient(username).equals(n.recipientCitizenId())).count();
    }

    private static DossierSnapshot dossier() {
        return EventMother.snapshot(EventMother.newDossierCode(), "001090000120", AGENCY_THUONG_TIN, ResultDelivery.ONLINE, 4);
    }
}
