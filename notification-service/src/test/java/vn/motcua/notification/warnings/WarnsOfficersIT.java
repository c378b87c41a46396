package vn.motcua.notification.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.leader;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.ops;
import static vn.motcua.testinfra.CallerMother.staff;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.events.dossier.DossierApprovalRequested;
import vn.motcua.events.dossier.DossierAtRisk;
import vn.motcua.events.dossier.DossierDraftApproved;
import vn.motcua.events.dossier.DossierOverdue;
import vn.motcua.events.dossier.DossierProcessingStarted;
import vn.motcua.events.dossier.DossierReassigned;
import vn.motcua.events.dossier.DossierResultReady;
import vn.motcua.events.dossier.DossierRevisionRequested;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.events.dossier.DossierTransferred;
import vn.motcua.events.dossier.PaperDossierTransferred;
import vn.motcua.events.dossier.PaperDossierTurnedAway;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.postal.PaperDossierArrived;
import vn.motcua.kit.time.CivilTime;
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
    private static final String DISSOLVED_DISTRICT = "000.10.20.H29";

    @Autowired
    MockMvc mvc;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    MorningDigest digest;
    @Autowired
    MongoTemplate mongo;

    @Test
    void anOverdueDossierWarnsItsSpecialistAtOnceOnceAndOnlyThemCanReadIt() throws Exception {
        String specialist = "specialist-" + System.nanoTime();
        DossierSnapshot dossier = dossier();
        KafkaProbe.send(EventMother.record(new DossierProcessingStarted(dossier, specialist, DUE, Instant.now())));
        ProducerRecord<String, String> overdue = EventMother.record(new DossierOverdue(dossier, DUE, Instant.now()));
        KafkaProbe.send(overdue);
        KafkaProbe.send(overdue);

        await().atMost(Duration.ofSeconds(20)).until(() -> toldBesidesAssignment(specialist) == 1);
        Thread.sleep(1000); // time for a wrong second warning to show
        assertThat(toldBesidesAssignment(specialist)).isEqualTo(1);
        mvc.perform(get("/api/v1/notifications").with(staff(specialist, AGENCY_THUONG_TIN, "specialist")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.template == 'staff-dossier-overdue')].title")
                        .value("Hồ sơ " + dossier.dossierCode() + " đã quá hạn giải quyết"))
                .andExpect(jsonPath("$[?(@.template == 'staff-dossier-overdue')].body")
                        .value(Matchers.contains(Matchers.containsString("27/11/2026"))));
        mvc.perform(get("/api/v1/notifications").with(staff("someone-else", AGENCY_THUONG_TIN, "specialist")))
                .andExpect(jsonPath("$[?(@.dossierCode == '" + dossier.dossierCode() + "')]").doesNotExist());
        mvc.perform(get("/api/v1/notifications").with(citizen(dossier.ownerCitizenId())))
                .andExpect(jsonPath("$[?(@.template == 'staff-dossier-overdue')]").doesNotExist());
    }

    @Test
    void anOverdueDossierPassedToAnotherSpecialistWarnsTheNewOneOnly() throws Exception {
        String before = "specialist-" + System.nanoTime();
        String after = "specialist-" + System.nanoTime() + "b";
        DossierSnapshot dossier = dossier();
        KafkaProbe.send(EventMother.record(new DossierProcessingStarted(dossier, before, DUE, Instant.now())));
        KafkaProbe.send(EventMother.record(new DossierReassigned(dossier, before, after, "Nguyễn Lãnh Đạo", Instant.now())));
        KafkaProbe.send(EventMother.record(new DossierOverdue(dossier, DUE, Instant.now())));

        await().atMost(Duration.ofSeconds(20)).until(() -> toldBesidesAssignment(after) == 1);
        Thread.sleep(1000); // time for a wrong warning to show
        assertThat(toldBesidesAssignment(before)).isZero();
        assertThat(mongo.findById(dossier.dossierCode(), WatchedDossier.class).assignee()).isEqualTo(after);
    }

    @Test
    void aSpecialistIsToldOnceOfADossierGivenToThemAndBothAreToldWhenItIsPassedOn() throws Exception {
        String first = "specialist-" + System.nanoTime();
        String second = first + "b";
        DossierSnapshot dossier = dossier();
        ProducerRecord<String, String> started = EventMother.record(new DossierProcessingStarted(dossier, first, DUE, Instant.now()));
        ProducerRecord<String, String> passedOn = EventMother.record(
                new DossierReassigned(dossier, first, second, "Vũ Đức Khánh", Instant.now()));
        KafkaProbe.send(started);
        KafkaProbe.send(started);
        KafkaProbe.send(passedOn);
        KafkaProbe.send(passedOn);

        await().atMost(Duration.ofSeconds(20)).until(() -> inboxOf(first).size() == 2 && inboxOf(second).size() == 1);
        Thread.sleep(1000); // time for a wrong second message to show
        assertThat(inboxOf(first)).extracting(Notification::template)
                .containsExactlyInAnyOrder("staff-dossier-assigned", "staff-dossier-handed-away");
        assertThat(inboxOf(second)).extracting(Notification::template).containsExactly("staff-dossier-handed-over");
        Notification given = inboxOf(first).stream().filter(n -> n.template().equals("staff-dossier-assigned")).findFirst().orElseThrow();
        assertThat(given.title()).isEqualTo("Hồ sơ " + dossier.dossierCode() + " được giao cho anh/chị xử lý");
        assertThat(given.body()).contains("Hạn trả kết quả: 27/11/2026");
        Notification away = inboxOf(first).stream().filter(n -> n.template().equals("staff-dossier-handed-away")).findFirst().orElseThrow();
        assertThat(away.body()).contains("chuyên viên " + second, "Người chuyển: Vũ Đức Khánh");
        assertThat(inboxOf(second).getFirst().body())
                .contains("từ chuyên viên " + first, "Hạn trả kết quả: 27/11/2026", "Người chuyển: Vũ Đức Khánh");
        mvc.perform(get("/api/v1/notifications").with(staff(second, AGENCY_THUONG_TIN, "specialist")))
                .andExpect(jsonPath("$[0].template").value("staff-dossier-handed-over"))
                .andExpect(jsonPath("$[0].dossierCode").value(dossier.dossierCode()));
        mvc.perform(get("/api/v1/notifications").with(citizen(dossier.ownerCitizenId())))
                .andExpect(jsonPath("$[?(@.template =~ /staff-dossier-.*/)]").doesNotExist());
    }

    @Test
    void aWatchedDossierMovedToASuccessorAgencyIsItsStaffsAndAnUnwatchedOneStaysUnwatched() throws Exception {
        DossierSnapshot watched = dossier();
        DossierSnapshot notYetAssigned = dossier();
        KafkaProbe.send(EventMother.record(new DossierProcessingStarted(watched, "specialist1", DUE, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(watched.dossierCode(), WatchedDossier.class) != null);

        for (DossierSnapshot d : new DossierSnapshot[] {watched, notYetAssigned}) {
            KafkaProbe.send(EventMother.record(new DossierTransferred(
                    EventMother.snapshot(d.dossierCode(), d.ownerCitizenId(), "SUCCESSOR", ResultDelivery.ONLINE, 4),
                    AGENCY_THUONG_TIN, Instant.now(), "UBND xã Kế Thừa")));
        }

        await().atMost(Duration.ofSeconds(20))
                .until(() -> "SUCCESSOR".equals(mongo.findById(watched.dossierCode(), WatchedDossier.class).agencyCode()));
        assertThat(mongo.findById(watched.dossierCode(), WatchedDossier.class).assignee()).isEqualTo("specialist1");
        Thread.sleep(1000); // time for a wrong watch to show
        assertThat(mongo.findById(notYetAssigned.dossierCode(), WatchedDossier.class)).isNull();
    }

    @Test
    void aDraftSentBackWarnsItsSpecialistOnceWithWhatToRevise() throws Exception {
        String specialist = "specialist-" + System.nanoTime();
        DossierSnapshot dossier = dossier();
        ProducerRecord<String, String> sentBack = EventMother.record(new DossierRevisionRequested(dossier, specialist,
                "Sai tên cơ sở kinh doanh", "Nguyễn Lãnh Đạo", Instant.now()));
        KafkaProbe.send(sentBack);
        KafkaProbe.send(sentBack);

        await().atMost(Duration.ofSeconds(20)).until(() -> toldBesidesAssignment(specialist) == 1);
        Thread.sleep(1000); // time for a wrong second warning to show
        assertThat(toldBesidesAssignment(specialist)).isEqualTo(1);
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
        await().atMost(Duration.ofSeconds(20)).until(() -> toldBesidesAssignment(specialist) == 1); // the overdue one's immediate warning
        Thread.sleep(1000);

        LocalDate day = LocalDate.parse("2026-12-01");
        digest.send(day);
        digest.send(day);
        Notification sent = notifications.findById("digest:" + day + ":" + specialist).orElseThrow();
        assertThat(sent.title()).isEqualTo("Nhắc việc ngày 01/12/2026: 1 hồ sơ quá hạn, 1 hồ sơ sắp đến hạn");
        assertThat(sent.body()).contains(atRisk.dossierCode(), late.dossierCode()).doesNotContain(done.dossierCode());
        assertThat(sent.body().indexOf(late.dossierCode())).as("the most pressing first").isLessThan(sent.body().indexOf(atRisk.dossierCode()));
        assertThat(toldBesidesAssignment(specialist)).as("one digest however often it runs that day").isEqualTo(2);
    }

    @Test
    void aSpecialistIsToldOnceThatTheLeaderApprovedTheirDraftWithTheLeadersNote() throws Exception {
        String specialist = "specialist-" + System.nanoTime();
        DossierSnapshot dossier = dossier();
        KafkaProbe.send(EventMother.record(new DossierProcessingStarted(dossier, specialist, DUE, Instant.now())));
        ProducerRecord<String, String> approved = EventMother.record(
                new DossierDraftApproved(dossier, specialist, "Đồng ý, ký ban hành", "Nguyễn Lãnh Đạo", Instant.now()));
        KafkaProbe.send(approved);
        KafkaProbe.send(approved);

        await().atMost(Duration.ofSeconds(20)).until(() -> toldBesidesAssignment(specialist) == 1);
        Thread.sleep(1000); // time for a wrong second message to show
        assertThat(toldBesidesAssignment(specialist)).isEqualTo(1);
        mvc.perform(get("/api/v1/notifications").with(staff(specialist, AGENCY_THUONG_TIN, "specialist")))
                .andExpect(jsonPath("$[?(@.template == 'staff-draft-approved')].dossierCode").value(dossier.dossierCode()))
                .andExpect(jsonPath("$[?(@.template == 'staff-draft-approved')].title")
                        .value("Hồ sơ " + dossier.dossierCode() + ": lãnh đạo đã phê duyệt dự thảo kết quả"))
                .andExpect(jsonPath("$[?(@.template == 'staff-draft-approved')].body").value(Matchers.contains(Matchers.allOf(
                        Matchers.containsString("Lãnh đạo Nguyễn Lãnh Đạo đã phê duyệt"),
                        Matchers.containsString("Đồng ý, ký ban hành")))));
        mvc.perform(get("/api/v1/notifications").with(citizen(dossier.ownerCitizenId())))
                .andExpect(jsonPath("$[?(@.template == 'staff-draft-approved')]").doesNotExist());
    }

    @Test
    void aDraftAwaitsTheLeadersFromItsSubmissionUntilOneApprovesItOrSendsItBack() {
        DossierSnapshot approved = dossier();
        DossierSnapshot sentBack = dossier();
        Instant submitted = Instant.parse("2026-12-01T02:00:00Z");
        for (DossierSnapshot d : new DossierSnapshot[] {approved, sentBack}) {
            KafkaProbe.send(EventMother.record(new DossierProcessingStarted(d, "specialist1", DUE, Instant.now())));
            KafkaProbe.send(EventMother.record(new DossierApprovalRequested(d, "specialist1", null, "Chuyên Viên", submitted)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> awaitingSince(approved) != null && awaitingSince(sentBack) != null);
        assertThat(awaitingSince(approved)).isEqualTo(submitted);

        KafkaProbe.send(EventMother.record(new DossierDraftApproved(approved, "specialist1", null, "Lãnh Đạo", Instant.now())));
        KafkaProbe.send(EventMother.record(new DossierRevisionRequested(sentBack, "specialist1", "Sửa", "Lãnh Đạo", Instant.now())));

        await().atMost(Duration.ofSeconds(20)).until(() -> awaitingSince(approved) == null && awaitingSince(sentBack) == null);
    }

    @Test
    void onlyOpsSendTheDaysDigestsAndASecondCallSendsNoneAgain() throws Exception {
        String specialist = "specialist-" + System.nanoTime();
        DossierSnapshot late = dossier();
        KafkaProbe.send(EventMother.record(new DossierProcessingStarted(late, specialist, DUE, Instant.now())));
        KafkaProbe.send(EventMother.record(new DossierAtRisk(late, DUE, 1, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> "AT_RISK".equals(mongo.findById(late.dossierCode(), WatchedDossier.class)
                .flag()));

        mvc.perform(post("/api/v1/notifications/morning-digest")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/notifications/morning-digest").with(citizen(late.ownerCitizenId()))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/notifications/morning-digest").with(staff(specialist, AGENCY_THUONG_TIN, "specialist")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/notifications/morning-digest").with(leader(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/notifications/morning-digest").with(officer(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        assertThat(toldBesidesAssignment(specialist)).isZero();

        String today = LocalDate.now(CivilTime.VIETNAM).toString();
        mvc.perform(post("/api/v1/notifications/morning-digest").with(ops())).andExpect(status().isOk())
                .andExpect(jsonPath("$.day").value(today)).andExpect(jsonPath("$.sent").value(Matchers.greaterThanOrEqualTo(1)));
        assertThat(notifications.findById("digest:" + today + ":" + specialist).orElseThrow().body()).contains(late.dossierCode());
        mvc.perform(post("/api/v1/notifications/morning-digest").with(ops())).andExpect(status().isOk())
                .andExpect(jsonPath("$.sent").value(0));
        assertThat(toldBesidesAssignment(specialist)).isEqualTo(1);
    }

    @Test
    void anEnvelopeWaitsAtTheDeskFromItsArrivalUntilItIsRegisteredOrTurnedAwayWhicheverFactIsReadFirst() {
        String waiting = itemId();
        String registered = itemId();
        String registeredFirst = itemId();
        String turnedAway = itemId();
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        KafkaProbe.send(EventMother.record(arrived(waiting, yesterday)));
        KafkaProbe.send(EventMother.record(arrived(registered, yesterday)));
        KafkaProbe.send(EventMother.record(arrived(turnedAway, yesterday)));
        Instant refusedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        KafkaProbe.send(EventMother.record(new PaperDossierTurnedAway("PIC-" + turnedAway, turnedAway, AGENCY_THUONG_TIN, "2.000009",
                "001090000120", "Người nộp không phải người gửi", "officer1", refusedAt)));
        String code = EventMother.newDossierCode();
        String earlyCode = EventMother.newDossierCode();
        KafkaProbe.send(EventMother.record(registration(code, registered)));
        KafkaProbe.send(EventMother.record(registration(earlyCode, registeredFirst)));
        await().atMost(Duration.ofSeconds(20)).until(() -> envelope(registered) != null && envelope(registered).registeredAs() != null
                && envelope(registeredFirst) != null && envelope(waiting) != null && envelope(turnedAway) != null
                && envelope(turnedAway).turnedAwayAt() != null);
        KafkaProbe.send(EventMother.record(arrived(registeredFirst, yesterday)));
        await().atMost(Duration.ofSeconds(20)).until(() -> envelope(registeredFirst).agencyCode() != null);

        assertThat(envelope(waiting)).isEqualTo(new ArrivedEnvelope(waiting, AGENCY_THUONG_TIN, "2.000009", "Trần Thị Bình",
                yesterday.truncatedTo(ChronoUnit.MILLIS), null, null, null));
        assertThat(envelope(turnedAway).turnedAwayAt()).as("out of the digest from then").isEqualTo(refusedAt);
        assertThat(envelope(turnedAway).registeredAs()).isNull();
        assertThat(envelope(registered).registeredAs()).isEqualTo(code);
        assertThat(envelope(registeredFirst).registeredAs()).as("the arrival read later keeps the registration").isEqualTo(earlyCode);
        assertThat(envelope(registeredFirst).arrivedAt()).isNotNull();
    }

    @Test
    void anEnvelopePassedToTheSuccessorOfItsDissolvedAgencyWaitsAtTheSuccessorsDeskWhicheverFactIsReadFirst() {
        String passedLater = itemId();
        String passedFirst = itemId();
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        KafkaProbe.send(EventMother.record(arrivedAtTheDistrict(passedLater, yesterday)));
        KafkaProbe.send(EventMother.record(transferred(passedFirst)));
        await().atMost(Duration.ofSeconds(20)).until(() -> envelope(passedLater) != null && envelope(passedFirst) != null);
        KafkaProbe.send(EventMother.record(transferred(passedLater)));
        KafkaProbe.send(EventMother.record(arrivedAtTheDistrict(passedFirst, yesterday)));
        await().atMost(Duration.ofSeconds(20)).until(() -> envelope(passedLater).heldBy() != null
                && envelope(passedFirst).agencyCode() != null);

        for (String item : List.of(passedLater, passedFirst)) {
            assertThat(envelope(item).agencyCode()).as("delivered to").isEqualTo(DISSOLVED_DISTRICT);
            assertThat(envelope(item).desk()).as("its digest is the successor's").isEqualTo(AGENCY_THUONG_TIN);
        }
    }

    private static PaperDossierArrived arrivedAtTheDistrict(String itemId, Instant at) {
        return new PaperDossierArrived("PIC-" + itemId, itemId, DISSOLVED_DISTRICT, "2.000009", "001090000120", "Trần Thị Bình",
                "0987654321", at);
    }

    /** The district dissolved on 30/6/2025 passes its envelopes to the commune that succeeds it. */
    private static PaperDossierTransferred transferred(String itemId) {
        return new PaperDossierTransferred("PIC-" + itemId, itemId, DISSOLVED_DISTRICT, AGENCY_THUONG_TIN, "UBND xã Thường Tín",
                "2.000009", "001090000120", Instant.now());
    }

    private ArrivedEnvelope envelope(String itemId) {
        return mongo.findById(itemId, ArrivedEnvelope.class);
    }

    private static PaperDossierArrived arrived(String itemId, Instant at) {
        return new PaperDossierArrived("PIC-" + itemId, itemId, AGENCY_THUONG_TIN, "2.000009", "001090000120", "Trần Thị Bình",
                "0987654321", at);
    }

    private static DossierSubmitted registration(String code, String itemId) {
        DossierSubmitted submitted = EventMother.dossierSubmitted(code, "001090000120", 0);
        return new DossierSubmitted(submitted.dossier(), submitted.procedureName(), submitted.applicant(), submitted.feeTiming(),
                submitted.feesDue(), submitted.submittedAt(), itemId);
    }

    private static String itemId() {
        return "RR" + (100_000_000 + new Random().nextInt(800_000_000)) + "VN";
    }

    private Instant awaitingSince(DossierSnapshot dossier) {
        WatchedDossier watched = mongo.findById(dossier.dossierCode(), WatchedDossier.class);
        return watched == null ? null : watched.approvalRequestedAt();
    }

    /** What the specialist was told other than being given a dossier or having it passed on, which is tested apart. */
    private long toldBesidesAssignment(String username) {
        return inboxOf(username).stream().filter(n -> !n.template().startsWith("staff-dossier-assigned")
                && !n.template().startsWith("staff-dossier-handed")).count();
    }

    private List<Notification> inboxOf(String username) {
        return notifications.findAll().stream().filter(n -> Notification.staffRecipient(username).equals(n.recipientCitizenId())).toList();
    }

    private static DossierSnapshot dossier() {
        return EventMother.snapshot(EventMother.newDossierCode(), "001090000120", AGENCY_THUONG_TIN, ResultDelivery.ONLINE, 4);
    }
}
