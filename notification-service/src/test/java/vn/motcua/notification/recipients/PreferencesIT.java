package vn.motcua.notification.recipients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.ops;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import vn.motcua.events.dossier.Applicant;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.events.payment.PaymentRequested;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.time.CivilTime;
import vn.motcua.notification.MessagingSimulators;
import vn.motcua.notification.WithMessagingSimulators;
import vn.motcua.notification.inbox.Delivery;
import vn.motcua.notification.inbox.Notification;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.KafkaProbe;
import vn.motcua.testinfra.TestInfrastructure;

class PreferencesIT extends WithMessagingSimulators {
    @Autowired
    Recipients recipients;

    @Test
    void aCitizenSeesTheDefaultsAndChoosesEmailFirst() throws Exception {
        String owner = "001090000111";
        mvc.perform(get("/api/v1/notifications/preferences").with(citizen(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channels").value(Matchers.contains("ZALO", "SMS", "EMAIL")))
                .andExpect(jsonPath("$.optional").value(Matchers.hasItem("appointment-reminder")));
        change(owner, "{\"channels\":[\"EMAIL\",\"SMS\"],\"phone\":\"0971000111\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.channels").value(Matchers.contains("EMAIL", "SMS")));

        String code = EventMother.newDossierCode();
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, owner, 0)));
        Notification done = awaitDone(owner, code);
        assertThat(done.deliveries()).extracting(Delivery::status).containsExactly(Delivery.Status.SENT, Delivery.Status.NOT_NEEDED);
        assertThat(TestInfrastructure.get().receivedMailsTo("an." + owner + "@example.com")).hasSize(1);
        assertThat(MessagingSimulators.messages(MessagingSimulators.sms(), "84971000111")).isEmpty();
    }

    @Test
    void anOptedOutKindStaysInTheInboxButANoticeTheLawRequiresIsSentAnyway() throws Exception {
        String owner = "001090000112";
        change(owner, "{\"channels\":[\"SMS\"],\"phone\":\"0971000112\",\"optOuts\":[\"dossier-submitted\"]}").andExpect(status().isOk());
        String code = EventMother.newDossierCode();
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, owner, 0)));
        Notification inboxOnly = await().atMost(Duration.ofSeconds(20)).until(() -> find(owner, code), n -> n != null);
        assertThat(inboxOnly.status()).isEqualTo(Notification.Status.INBOX_ONLY);
        assertThat(MessagingSimulators.messages(MessagingSimulators.sms(), "84971000112")).isEmpty();

        change(owner, "{\"optOuts\":[\"dossier-supplement-requested\"]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("dossier-supplement-requested")));
        mvc.perform(get("/api/v1/notifications/preferences").with(citizen(owner)))
                .andExpect(jsonPath("$.optOuts").value(Matchers.contains("dossier-submitted")));
    }

    @Test
    void aCitizenWithoutAnyDossierIsReachedAtTheAddressesTheirTokenCarries() throws Exception {
        String owner = "001090000116";
        mvc.perform(get("/api/v1/notifications/preferences").with(citizen(owner, "tu." + owner + "@example.com", "0971000116")))
                .andExpect(status().isOk());
        KafkaProbe.send(EventMother.record(new PaymentRequested("PAY-T-" + owner, "D-" + owner, owner, FeeStage.INTAKE, 50_000, "VND",
                Instant.now(), Instant.parse("2026-12-05T03:00:00Z"))));
        Notification done = awaitDone(owner, "D-" + owner);
        assertThat(done.phone()).isEqualTo("84971000116");
        assertThat(done.email()).isEqualTo("tu." + owner + "@example.com");
        assertThat(MessagingSimulators.messages(MessagingSimulators.zalo(), "84971000116")).hasSize(1);
    }

    @Test
    void whatWaitedForAnAddressGoesOnceTheCitizenGivesOneInTheirPreferences() throws Exception {
        String owner = "001090000117";
        awaitWaiting(owner);

        change(owner, "{\"phone\":\"0971000117\"}").andExpect(status().isOk());
        Notification done = awaitDone(owner, "D-" + owner);
        assertThat(done.phone()).isEqualTo("84971000117");
        assertThat(MessagingSimulators.messages(MessagingSimulators.zalo(), "84971000117")).hasSize(1);
        assertThat(recipients.find(owner)).get().extracting(Recipient::awaitingContact).asInstanceOf(InstanceOfAssertFactories.LIST)
                .isEmpty();
    }

    @Test
    void whatWaitedForAnAddressGoesOnceTheCitizensTokenCarriesOne() throws Exception {
        String owner = "001090000118";
        awaitWaiting(owner);

        mvc.perform(get("/api/v1/notifications/preferences").with(citizen(owner, "tam." + owner + "@example.com", "0971000118")))
                .andExpect(status().isOk());
        Notification done = awaitDone(owner, "D-" + owner);
        assertThat(done.email()).isEqualTo("tam." + owner + "@example.com");
        assertThat(MessagingSimulators.messages(MessagingSimulators.zalo(), "84971000118")).hasSize(1);
    }

    /** A payment's message for a citizen nothing has said how to reach yet: it waits in the inbox. */
    private void awaitWaiting(String owner) {
        KafkaProbe.send(EventMother.record(new PaymentRequested("PAY-W-" + owner, "D-" + owner, owner, FeeStage.INTAKE, 50_000, "VND",
                Instant.now(), Instant.parse("2026-12-05T03:00:00Z"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> find(owner, "D-" + owner),
                n -> n != null && n.status() == Notification.Status.AWAITING_CONTACT);
        await().atMost(Duration.ofSeconds(10)).until(() -> recipients.find(owner).map(r -> r.awaitingContact().size()).orElse(0) == 1);
    }

    @Test
    void badPreferencesAreRefusedAndChangeNothing() throws Exception {
        String owner = "001090000113";
        change(owner, "{\"channels\":[\"SMS\"],\"phone\":\"0971000113\"}").andExpect(status().isOk());
        for (String bad : new String[] {"{\"channels\":[\"SMS\",\"SMS\"]}", "{\"channels\":[\"IN_APP\"]}", "{\"channels\":[\"FAX\"]}",
                "{\"phone\":\"12345\"}", "{\"email\":\"not-an-address\"}", "{\"optOuts\":[\"no-such-kind\"]}", "[]", "not json"}) {
            mvc.perform(put("/api/v1/notifications/preferences").with(citizen(owner)).contentType(MediaType.APPLICATION_JSON).content(bad))
                    .andExpect(status().is4xxClientError())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        // Typed with the keyboard in Telex mode: "thanhs" became "thánh", a mailbox no server here delivers to.
        mvc.perform(put("/api/v1/notifications/preferences").with(citizen(owner)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"thánh@gmail.com\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:invalid-preferences"))
                .andExpect(jsonPath("$.errors[0]").value(Matchers.containsString("was the keyboard typing Vietnamese?")));
        mvc.perform(get("/api/v1/notifications/preferences").with(citizen(owner)))
                .andExpect(jsonPath("$.channels").value(Matchers.contains("SMS")))
                .andExpect(jsonPath("$.phone").value("0971000113"))
                .andExpect(jsonPath("$.email").value(Matchers.not("thánh@gmail.com")));
    }

    @Test
    void onlyTheCitizenReadsOrChangesTheirPreferencesAndHistoryAndOnlyOpsSeeDeliveries() throws Exception {
        String owner = "001090000114";
        change(owner, "{\"channels\":[\"SMS\"],\"phone\":\"0971000114\"}").andExpect(status().isOk());
        String code = EventMother.newDossierCode();
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, owner, 0)));
        Notification done = awaitDone(owner, code);

        mvc.perform(get("/api/v1/notifications/preferences")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/notifications/preferences").with(officer(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/notifications/preferences").with(ops()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());

        mvc.perform(get("/api/v1/notifications/" + done.id()).with(citizen(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deliveries[0].channel").value("SMS"))
                .andExpect(jsonPath("$.deliveries[0].status").value("DELIVERED"))
                .andExpect(jsonPath("$.deliveries[0].parts").value(1));
        mvc.perform(get("/api/v1/notifications/" + done.id()).with(citizen("001090000115"))).andExpect(status().isNotFound());
        // An officer has an inbox of their own, where a citizen's message is not found.
        mvc.perform(get("/api/v1/notifications/" + done.id()).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/notifications/" + done.id()).with(ops())).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/notifications/" + done.id() + "/read").with(citizen("001090000115"))).andExpect(status().isNotFound());

        mvc.perform(get("/api/v1/notifications?unread=true").with(citizen(owner)))
                .andExpect(jsonPath("$[?(@.id == '" + done.id() + "')]").exists());
        mvc.perform(post("/api/v1/notifications/" + done.id() + "/read").with(citizen(owner))).andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/notifications/" + done.id() + "/read").with(citizen(owner))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/notifications?unread=true").with(citizen(owner)))
                .andExpect(jsonPath("$[?(@.id == '" + done.id() + "')]").doesNotExist());

        // The service's day, by its clock (moved into the day when a run falls in Hà Nội's night).
        String today = LocalDate.ofInstant(clock.instant(), CivilTime.VIETNAM).toString();
        mvc.perform(get("/api/v1/notifications/deliveries/summary?day=" + today).with(citizen(owner))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/notifications/deliveries?day=" + today).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/notifications/deliveries?day=" + today)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/notifications/deliveries/summary?day=" + today).with(ops()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channels.SMS.cost").value(Matchers.greaterThanOrEqualTo(800)));
        mvc.perform(get("/api/v1/notifications/deliveries?day=" + today + "&status=DONE").with(ops()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.notificationId == '" + done.id() + "')].phone").value(Matchers.hasItem("8497****14")));
        mvc.perform(get("/api/v1/notifications/deliveries?day=2020-01-01&page=3").with(ops())).andExpect(status().isOk())
                .andExpect(jsonPath("$").isEmpty());
        mvc.perform(get("/api/v1/notifications/deliveries?day=" + today + "&page=-1").with(ops())).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/notifications/deliveries?day=yesterday").with(ops())).andExpect(status().isBadRequest());
        // A day MongoDB's dates cannot hold is refused as it is read, not failed on as a 500 when it is queried.
        mvc.perform(get("/api/v1/notifications/deliveries?day=-999999999-01-01").with(ops())).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/notifications/deliveries/summary?day=%2B10000-01-01").with(ops())).andExpect(status().isBadRequest());
    }

    @Test
    void theAddressesOfTheLatestDossierWinWhateverOrderTheSubmissionsArriveIn() {
        String owner = "001090000115";
        Instant monday = Instant.parse("2026-11-30T02:00:00Z");
        IncomingEvent<DossierSubmitted> later = submittedAt(owner, "moi." + owner + "@example.com", monday.plusSeconds(3_600));
        IncomingEvent<DossierSubmitted> earlier = submittedAt(owner, "cu." + owner + "@example.com", monday);

        recipients.learnFrom(later);
        assertThat(recipients.learnFrom(earlier).email()).as("that dossier's message goes where that dossier said")
                .isEqualTo("cu." + owner + "@example.com");
        recipients.learnFrom(later);
        assertThat(recipients.find(owner)).get().extracting(Recipient::email).isEqualTo("moi." + owner + "@example.com");

        IncomingEvent<DossierSubmitted> latest = submittedAt(owner, "nhat." + owner + "@example.com", monday.plusSeconds(7_200));
        recipients.learnFrom(latest);
        assertThat(recipients.find(owner)).get().extracting(Recipient::email).isEqualTo("nhat." + owner + "@example.com");
    }

    private static IncomingEvent<DossierSubmitted> submittedAt(String owner, String email, Instant at) {
        DossierSubmitted submitted = EventMother.dossierSubmitted(EventMother.newDossierCode(), owner, 0);
        Applicant applicant = submitted.applicant();
        DossierSubmitted stated = new DossierSubmitted(submitted.dossier(), submitted.procedureName(),
                new Applicant(applicant.fullName(), applicant.idNumber(), applicant.phone(), email, applicant.address()),
                submitted.feeTiming(), submitted.feesDue(), at);
        return new IncomingEvent<>(UUID.randomUUID().toString(), "DossierSubmitted", 2, owner, at, null, stated);
    }

    private ResultActions change(String owner, String json) throws Exception {
        return mvc.perform(put("/api/v1/notifications/preferences").with(citizen(owner)).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private Notification find(String owner, String code) {
        return notifications.findAll().stream().filter(n -> owner.equals(n.recipientCitizenId()) && code.equals(n.dossierCode()))
                .findFirst().orElse(null);
    }

    private Notification awaitDone(String owner, String code) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> find(owner, code),
                n -> n != null && n.status() == Notification.Status.DONE);
    }
}
