package vn.motcua.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_2;
import static vn.motcua.testinfra.CallerMother.chatBot;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.ops;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.events.Event;
import vn.motcua.events.Topics;
import vn.motcua.events.appointment.AppointmentBooked;
import vn.motcua.events.appointment.BookingChannel;
import vn.motcua.events.appointment.VisitPurpose;
import vn.motcua.events.dossier.DossierDocumentShared;
import vn.motcua.events.dossier.DossierDueDateExtended;
import vn.motcua.events.dossier.DossierFinancialObligationRequested;
import vn.motcua.events.dossier.DossierResultAwaitingCollection;
import vn.motcua.events.dossier.DossierResultReady;
import vn.motcua.events.dossier.DossierReturned;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.DossierTransferred;
import vn.motcua.events.dossier.PaperDossierHandedBack;
import vn.motcua.events.dossier.PaperDossierTransferred;
import vn.motcua.events.dossier.PaperDossierTurnedAway;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.notification.NotificationChannel;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.events.payment.PaymentCancelled;
import vn.motcua.events.payment.PaymentCompleted;
import vn.motcua.events.payment.PaymentDueSoon;
import vn.motcua.events.payment.PaymentMethod;
import vn.motcua.events.payment.PaymentRefundAwaitingCollection;
import vn.motcua.events.payment.PaymentRefunded;
import vn.motcua.events.payment.PaymentRequested;
import vn.motcua.events.postal.OriginalsAwaitingCollection;
import vn.motcua.events.postal.OriginalsKeptOnFile;
import vn.motcua.events.postal.OriginalsReturnPlanned;
import vn.motcua.events.postal.PaperDossierArrived;
import vn.motcua.events.postal.PaperDossierAwaitingCollection;
import vn.motcua.events.postal.PaperDossierReturnPlanned;
import vn.motcua.events.postal.ReturnAddressConfirmationRequested;
import vn.motcua.events.postal.ShipmentCollectionAbandoned;
import vn.motcua.events.postal.ShipmentCollectionAttemptFailed;
import vn.motcua.events.postal.ShipmentCollectionScheduled;
import vn.motcua.events.postal.ShipmentDeliveryAttemptFailed;
import vn.motcua.events.postal.ShipmentDispatched;
import vn.motcua.events.postal.ShipmentOutForDelivery;
import vn.motcua.events.postal.ShipmentPurpose;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.notification.inbox.Delivery;
import vn.motcua.notification.inbox.Notification;
import vn.motcua.notification.inbox.NotificationRepository;
import vn.motcua.notification.inbox.Reach;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;
import vn.motcua.testinfra.TestInfrastructure;

@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class TellsCitizensIT {
    private static final String OWNER = "001090000077";

    @Autowired
    private AwaitingContact awaiting;

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    AggregateStore store;
    @Autowired
    Templates templates;

    private static List<MimeMessage> mailsTo(String address) {
        return TestInfrastructure.get().receivedMailsTo(address);
    }

    @Test
    void theOwnerIsToldInTheInboxAndByEmailOncePerEventEvenWhenEventsArriveTwice() throws Exception {
        String code = EventMother.newDossierCode();
        String email = "an." + OWNER + "@example.com";
        ProducerRecord<String, String> submitted = EventMother.record(EventMother.dossierSubmitted(code, OWNER, 1_200_000));
        ProducerRecord<String, String> requested = EventMother.record(new PaymentRequested("PAY-" + code + "-INTAKE",
                code, OWNER, FeeStage.INTAKE, 1_200_000, "VND", Instant.now(), Instant.parse("2026-12-01T03:00:00Z")));
        // The payment event may overtake the dossier event: its email waits until the contact is known.
        KafkaProbe.send(requested);
        KafkaProbe.send(submitted);
        KafkaProbe.send(submitted);
        KafkaProbe.send(requested);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                notifications.findByRecipientCitizenIdOrderByCreatedAtDesc(OWNER, Pageable.unpaged())
                        .stream().filter(n -> n.dossierCode().equals(code) && emailSent(n))
                        .count() == 2);
        Thread.sleep(1500); // leave time for a wrong second delivery to show up
        assertThat(mailsTo(email).stream().filter(m -> subject(m).contains(code))).hasSize(2);
        MimeMessage paymentMail = mailsTo(email).stream().filter(m -> subject(m).startsWith("Yêu cầu nộp phí")).findFirst().orElseThrow();
        assertThat(paymentMail.getContent().toString()).contains("1.200.000 đồng").contains("01/12/2026");

        mvc.perform(get("/api/v1/notifications").with(citizen(OWNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.dossierCode == '" + code + "')].template").value(
                        Matchers.containsInAnyOrder("dossier-submitted", "payment-requested")))
                .andExpect(jsonPath("$[?(@.template == 'dossier-submitted')].title").value(
                        Matchers.hasItem("Hồ sơ " + code + " đã được gửi thành công")));

        assertThat(KafkaProbe.collect(Topics.NOTIFICATION, r -> code.equals(r.key()), 10, Duration.ofSeconds(5)))
                .as("IN_APP and EMAIL deliveries of two notifications").hasSize(4);
    }

    @Test
    void anOnlineResultReleasedAndSoReturnedIsToldOnceAndOneHandedOverAtTheCounterIsToldItsReturn() throws Exception {
        String owner = "001090000079";
        String online = EventMother.newDossierCode();
        String atCounter = EventMother.newDossierCode();
        Instant now = Instant.now();
        for (String code : List.of(online, atCounter)) {
            KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, owner, 0)));
        }
        DossierSnapshot onlineReady = EventMother.snapshot(online, owner, ResultDelivery.ONLINE);
        KafkaProbe.send(EventMother.record(new DossierResultReady(onlineReady, "leader1", LocalDate.now(), LocalDate.now(), now, 0L)));
        KafkaProbe.send(EventMother.record(new DossierReturned(onlineReady, "ONLINE", now)));
        KafkaProbe.send(EventMother.record(new DossierReturned(EventMother.snapshot(atCounter, owner, ResultDelivery.COUNTER), "COUNTER", now)));

        await().atMost(Duration.ofSeconds(30)).until(() -> templatesOf(owner, atCounter).contains("dossier-returned")
                && templatesOf(owner, online).contains("dossier-result-ready"));
        Thread.sleep(1500); // leave time for a wrong second message to show up
        assertThat(templatesOf(owner, online)).as("ready online is its return: told once").containsExactlyInAnyOrder("dossier-submitted",
                "dossier-result-ready");
        assertThat(templatesOf(owner, atCounter)).containsExactlyInAnyOrder("dossier-submitted", "dossier-returned");
    }

    private List<String> templatesOf(String owner, String code) {
        return notifications.findByRecipientCitizenIdOrderByCreatedAtDesc(owner, Pageable.unpaged()).stream()
                .filter(n -> code.equals(n.dossierCode())).map(Notification::template).toList();
    }

    @Test
    void eventsAboutACitizenNotYetKnownAreInTheInboxAtOnceAndEmailedWhenTheirContactArrives() throws Exception {
        String owner = "001090000078";
        String code = EventMother.newDossierCode();
        KafkaProbe.send(paymentRequested(code, owner, FeeStage.INTAKE));
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications
                .findByRecipientCitizenIdAndStatus(owner, Notification.Status.AWAITING_CONTACT).size() == 1);
        // The first one's listing made a document for the citizen with no address in it: the second waits too.
        KafkaProbe.send(paymentRequested(code, owner, FeeStage.OBLIGATION));
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications
                .findByRecipientCitizenIdAndStatus(owner, Notification.Status.AWAITING_CONTACT).size() == 2);
        // Later than every retry of the event would have lasted: nothing was dead-lettered, nothing is lost.
        Thread.sleep(9_000);
        assertThat(notifications.findByRecipientCitizenIdAndStatus(owner, Notification.Status.AWAITING_CONTACT)).hasSize(2);
        assertThat(awaiting.of(owner)).hasSize(2);
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, owner, 50_000)));

        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo("an." + owner + "@example.com").stream()
                .filter(m -> subject(m).startsWith("Yêu cầu nộp phí") && subject(m).contains(code)).count() == 2);
        // The submission's own email is sent in parallel with those that waited: it may land a moment later.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                notifications.findByRecipientCitizenIdOrderByCreatedAtDesc(owner, Pageable.unpaged()))
                .hasSize(3).allMatch(TellsCitizensIT::emailSent));
        assertThat(awaiting.of(owner)).as("nothing left waiting for this citizen's addresses").isEmpty();
    }

    @Test
    void notificationsListedWhereAnEarlierVersionKeptThemAreMovedAtStartAndStillResumed() throws Exception {
        String owner = "001090000093";
        String code = EventMother.newDossierCode();
        KafkaProbe.send(paymentRequested(code, owner, FeeStage.INTAKE));
        await().atMost(Duration.ofSeconds(20)).until(() -> awaiting.of(owner).size() == 1);
        // As the version before ADR 0035 left it: listed in a collection of its own.
        List<String> listed = awaiting.of(owner);
        awaiting.settled(owner, listed);
        mongo.insert(new Document("_id", owner).append("notificationIds", listed), AwaitingContact.FORMER_COLLECTION);

        awaiting.listThoseStoredBefore();
        awaiting.listThoseStoredBefore();

        assertThat(awaiting.of(owner)).isEqualTo(listed);
        assertThat(mongo.findById(owner, Document.class, AwaitingContact.FORMER_COLLECTION)).as("moved, not copied").isNull();
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, owner, 50_000)));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo("an." + owner + "@example.com").stream()
                .anyMatch(m -> subject(m).startsWith("Yêu cầu nộp phí") && subject(m).contains(code)));
        assertThat(awaiting.of(owner)).isEmpty();
    }

    private static ProducerRecord<String, String> paymentRequested(String code, String owner, FeeStage stage) {
        return EventMother.record(new PaymentRequested("PAY-" + code + "-" + stage, code, owner, stage, 50_000, "VND",
                Instant.now(), Instant.parse("2026-12-01T03:00:00Z")));
    }

    @Test
    void aWaitingNotificationWhoseListingWasCutShortIsResumedWhenItsEventComesAgain() throws Exception {
        String owner = "001090000084";
        String code = EventMother.newDossierCode();
        ProducerRecord<String, String> requested = paymentRequested(code, owner, FeeStage.INTAKE);
        KafkaProbe.send(requested);
        await().atMost(Duration.ofSeconds(20)).until(() -> awaiting.of(owner).size() == 1);
        // As when the database went away after the notification was stored and before it was listed:
        // the handler failed, and its event comes again.
        awaiting.settled(owner, awaiting.of(owner));

        KafkaProbe.send(requested);
        await().atMost(Duration.ofSeconds(20)).until(() -> awaiting.of(owner).size() == 1);
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, owner, 50_000)));

        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo("an." + owner + "@example.com").stream()
                .anyMatch(m -> subject(m).startsWith("Yêu cầu nộp phí") && subject(m).contains(code)));
        assertThat(notifications.findByRecipientCitizenIdAndStatus(owner, Notification.Status.AWAITING_CONTACT)).isEmpty();
    }

    @Test
    void aNotificationStoredButNeverTriedGoesWhenItsEventComesAgainNotAMinuteLater() throws Exception {
        String owner = "001090000094";
        String email = "an." + owner + "@example.com";
        String code = EventMother.newDossierCode();
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, owner, 50_000)));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(email).stream().anyMatch(m -> subject(m).contains(code)));
        PaymentRequested requested = new PaymentRequested("PAY-" + code + "-INTAKE", code, owner, FeeStage.INTAKE, 50_000, "VND",
                Instant.now(), Instant.parse("2026-12-01T03:00:00Z"));
        String eventId = "evt-cut-short-" + code;
        // As its first handling left it when the database went away after storing it: no attempt, its
        // due time (the sweeper's turn) a minute on.
        store.insertOnce(Notification.create(eventId, owner, code, templates.paymentRequested(requested),
                new Reach(email, null, List.of(NotificationChannel.EMAIL)), false, false, Instant.now()));

        KafkaProbe.send(EventMother.record(requested, eventId));
        KafkaProbe.send(EventMother.record(requested, eventId));

        // Tried once its first sender has plainly stopped (Deliveries.FIRST_ATTEMPT after it was stored), not the sweeper's minute.
        await().atMost(Duration.ofSeconds(30)).until(() -> notifications.findById(eventId).filter(TellsCitizensIT::emailSent).isPresent());
        Thread.sleep(1500); // leave time for a wrong second email to show up
        assertThat(mailsTo(email).stream().filter(m -> subject(m).startsWith("Yêu cầu nộp phí") && subject(m).contains(code)))
                .as("one email, though its event came twice").hasSize(1);
    }

    @Test
    void aDelayReachesTheOwnerAsAnApologyWithTheNewDate() throws Exception {
        String code = EventMother.newDossierCode();
        String email = "an." + OWNER + "@example.com";
        KafkaProbe.send(EventMother.record(new DossierDueDateExtended(submittedByOwner(code),
                LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-04"),
                "Cần xác minh thực địa", Instant.now())));

        MimeMessage apology = awaitMail(email, code, subject -> subject.startsWith("Xin lỗi"));
        assertThat(apology.getContent().toString()).contains("Cần xác minh thực địa").contains("04/12/2026")
                .contains("01/12/2026").contains("mẫu 04");
        assertInboxHas(code, "dossier-due-date-extended");
    }

    @Test
    void aFileTheAgencySharesIsToldToTheOwnerNamingIt() throws Exception {
        String code = EventMother.newDossierCode();
        String email = "an." + OWNER + "@example.com";
        KafkaProbe.send(EventMother.record(new DossierDocumentShared(submittedByOwner(code), "doc-7", "Biên bản thẩm định thực địa",
                "bien-ban.pdf", Instant.now())));

        MimeMessage told = awaitMail(email, code, subject -> subject.contains("Biên bản thẩm định thực địa"));
        assertThat(told.getContent().toString()).contains("bien-ban.pdf").contains("mục hồ sơ");
        assertInboxHas(code, "dossier-document-shared");
    }

    /** Submits a dossier of OWNER's, whose addresses its submission tells, and answers it as the later events name it. */
    private static DossierSnapshot submittedByOwner(String code) {
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, OWNER, 0)));
        return new DossierSnapshot(code, "2.000018", "000.10.20.H29", OWNER, 4, ResultDelivery.COUNTER, 4);
    }

    /** The first email to the address about the dossier whose subject matches, once it has come. */
    private MimeMessage awaitMail(String email, String code, Predicate<String> subjectMatches) {
        Predicate<MimeMessage> wanted = m -> subject(m).contains(code) && subjectMatches.test(subject(m));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email).stream().anyMatch(wanted));
        return mailsTo(email).stream().filter(wanted).findFirst().orElseThrow();
    }

    private void assertInboxHas(String code, String template) throws Exception {
        mvc.perform(get("/api/v1/notifications").with(citizen(OWNER)))
                .andExpect(jsonPath("$[?(@.dossierCode == '" + code + "')].template").value(Matchers.hasItem(template)));
    }

    @Test
    void theOwnerIsToldOfAnObligationItsPaymentWithTheReceiptAndARefund() throws Exception {
        String owner = "001090000079";
        String code = EventMother.newDossierCode();
        String email = "an." + owner + "@example.com";
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, owner, 0)));
        DossierSnapshot dossier = new DossierSnapshot(code, "2.000018", "000.10.20.H29", owner, 2, ResultDelivery.COUNTER, 6);
        String paymentId = "PAY-" + code + "-OBLIGATION-1";
        KafkaProbe.send(EventMother.record(new DossierFinancialObligationRequested(dossier, 1_500_000, "Lệ phí trước bạ", Instant.now())));
        KafkaProbe.send(EventMother.record(new PaymentCompleted(paymentId, code, FeeStage.OBLIGATION, 1_500_000, PaymentMethod.ONLINE,
                Instant.now(), owner)));
        KafkaProbe.send(EventMother.record(new PaymentRefunded(paymentId, code, owner, FeeStage.OBLIGATION, 1_500_000,
                PaymentMethod.ONLINE, "15000001", "Thu nhầm", Instant.now())));
        // A record from before the owner was carried names nobody: told to no one, and nothing fails.
        KafkaProbe.send(EventMother.record(new PaymentCompleted("PAY-" + code + "-INTAKE", code, FeeStage.INTAKE, 1, PaymentMethod.ONLINE,
                Instant.now())));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email).stream().filter(m -> subject(m).contains(code)).count() == 4);
        MimeMessage paid = mailsTo(email).stream().filter(m -> subject(m).startsWith("Đã nhận khoản nộp")).findFirst().orElseThrow();
        assertThat(paid.getContent().toString()).contains("1.500.000 đồng").contains("/api/v1/payments/" + paymentId + "/receipt");
        mvc.perform(get("/api/v1/notifications").with(citizen(owner)))
                .andExpect(jsonPath("$[?(@.dossierCode == '" + code + "')].template").value(Matchers.containsInAnyOrder(
                        "dossier-submitted", "dossier-financial-obligation-requested", "payment-completed", "payment-refunded")));
    }

    @Test
    void theOwnerIsToldAFeeTheyWereAskedToPayIsCancelledAndNotOfOneNeverDue() throws Exception {
        String owner = "001090000097";
        String code = EventMother.newDossierCode();
        String email = "an." + owner + "@example.com";
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, owner, 0)));
        // Sent first on the dossier's partition: once the second is told, the first was handled.
        KafkaProbe.send(EventMother.record(new PaymentCancelled("PAY-" + code + "-RESULT", code, owner, FeeStage.RESULT, 50_000, false,
                "Hồ sơ được rút: không cần nữa", Instant.now())));
        KafkaProbe.send(EventMother.record(new PaymentCancelled("PAY-" + code + "-INTAKE", code, owner, FeeStage.INTAKE, 120_000, true,
                "Hồ sơ được rút: không cần nữa", Instant.now())));

        MimeMessage cancelled = awaitMail(email, code, subject -> subject.startsWith("Không còn phải nộp"));
        assertThat(cancelled.getContent().toString()).contains("120.000 đồng").contains("Lý do: Hồ sơ được rút: không cần nữa");
        mvc.perform(get("/api/v1/notifications").with(citizen(owner)))
                .andExpect(jsonPath("$[?(@.dossierCode == '" + code + "')].template").value(Matchers.containsInAnyOrder(
                        "dossier-submitted", "payment-cancelled")));
    }

    @Test
    void theOwnerIsToldTheirOriginalsStayOrGoBackAndWhereAndToComeForThemWhenTheyCameBack() throws Exception {
        String owner = "001090000090";
        String told = mailOfOwner(owner, code -> new OriginalsReturnPlanned("BAK-" + code, code, owner, "000.10.20.H29", "Trần Thị Bình",
                "0987654321", "Số 9 đường Trần Phú, Hà Đông", "Hà Nội", "Hồ sơ bị từ chối", Instant.now()), "Gửi trả giấy tờ bản chính");

        assertThat(told).contains("Hồ sơ bị từ chối").contains("Số 9 đường Trần Phú, Hà Đông");
        String keptCode = EventMother.newDossierCode();
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(keptCode, owner, 0)));
        KafkaProbe.send(EventMother.record(new OriginalsKeptOnFile("ORI-" + keptCode, keptCode, "000.10.20.H29", "1.003003", owner,
                Instant.now())));
        assertThat(awaitMail("an." + owner + "@example.com", keptCode, subject -> subject.endsWith("cơ quan lưu giữ bản chính trong hồ sơ"))
                .getContent().toString()).contains("không gửi trả cùng kết quả");
        String broughtBack = mailOfOwner(owner, code -> new OriginalsAwaitingCollection("BAK-" + code, code, owner, "000.10.20.H29", 3,
                "Không có người nhận", Instant.now()), "Mời nhận giấy tờ bản chính");
        assertThat(broughtBack).contains("sau 3 lần phát");
    }

    @Test
    void theOwnerIsToldTheirRefusedPaperDossierGoesBackAndToComeForItWhenItCameBack() throws Exception {
        String owner = "001090000060";
        String told = mailOfOwner(owner, code -> new PaperDossierReturnPlanned("TRA-" + code, code, "RR100000017VN", owner, "000.10.20.H29",
                "Trần Thị Bình", "0987654321", "Số 9 đường Trần Phú, Hà Đông", "Hà Nội", "Hồ sơ bị từ chối", Instant.now()),
                "Gửi trả hồ sơ giấy");
        assertThat(told).contains("Hồ sơ bị từ chối").contains("RR100000017VN").contains("Số 9 đường Trần Phú, Hà Đông");
        String broughtBack = mailOfOwner(owner, code -> new PaperDossierAwaitingCollection("TRA-" + code, code, owner, "000.10.20.H29", 3,
                "Không có người nhận", Instant.now()), "Mời nhận lại hồ sơ giấy");
        assertThat(broughtBack).contains("sau 3 lần phát");
    }

    @Test
    void theCitizenIsToldOnceWhyTheDeskTurnedTheirPaperDossierAway() throws Exception {
        String owner = "001090000063";
        String item = newItemId();
        String told = toldOnceOfEnvelope(owner, item, new PaperDossierTurnedAway("PIC-" + item, item, "000.10.20.30.H29", "2.000009",
                owner, "Người nộp không phải chủ hộ kinh doanh", "officer1", Instant.now()), "không được tiếp nhận");

        assertThat(told).contains("Lý do: Người nộp không phải chủ hộ kinh doanh", "giữ tại bộ phận một cửa");
        assertNotTold("001090000060", "dossier-paper-turned-away");
    }

    @Test
    void theCitizenIsToldOnceWhoTookTheirTurnedAwayPapersFromTheCounter() throws Exception {
        String owner = "001090000066";
        String item = newItemId();
        String told = toldOnceOfEnvelope(owner, item, new PaperDossierHandedBack("PIC-" + item, item, "000.10.20.30.H29", owner,
                "Trần Thu Hà", "officer1", Instant.parse("2026-12-08T02:30:00Z")), "đã được trả lại");

        assertThat(told).contains("cho Ông/Bà Trần Thu Hà lúc 09:30 ngày 08/12/2026", "liên hệ ngay bộ phận một cửa");
        assertNotTold("001090000060", "dossier-paper-handed-back");
    }

    @Test
    void theOwnerIsToldWhichAgencyTookOverTheirDossierOrTheirEnvelopeFromADissolvedOne() throws Exception {
        String owner = "001090000064";
        String code = EventMother.newDossierCode();
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, owner, 0)));
        KafkaProbe.send(EventMother.record(new DossierTransferred(EventMother.snapshot(code, owner, "000.10.20.30.H29",
                ResultDelivery.COUNTER, 4), "000.10.20.H29", Instant.now(), "UBND xã Thường Tín")));
        String moved = awaitMail("an." + owner + "@example.com", code, subject -> subject.endsWith("được chuyển đến UBND xã Thường Tín"))
                .getContent().toString();
        assertThat(moved).contains("UBND xã Thường Tín, cơ quan kế thừa", "không thay đổi");

        String sender = "001090000065";
        String item = newItemId();
        String told = toldOnceOfEnvelope(sender, item, new PaperDossierTransferred("PIC-" + item, item, "000.10.20.H29",
                "000.10.20.30.H29", "UBND xã Thường Tín", "2.000009", sender, Instant.now()), "được chuyển đến UBND xã Thường Tín");
        assertThat(told).contains("bộ phận một cửa của UBND xã Thường Tín");
        mvc.perform(get("/api/v1/notifications").with(citizen(owner)))
                .andExpect(jsonPath("$[?(@.template == 'dossier-paper-transferred')]").doesNotExist())
                .andExpect(jsonPath("$[?(@.template == 'dossier-transferred')]").exists());
    }

    @Test
    void theCitizenIsToldTheirPaperDossierReachedTheAgencyBeforeItHasACode() throws Exception {
        String owner = "001090000061";
        String item = newItemId();
        String told = toldOnceOfEnvelope(owner, item, new PaperDossierArrived("PIC-" + item, item, "000.10.20.30.H29", "2.000009",
                owner, "Trần Thị Bình", "0987654321", Instant.now()), "đã đến cơ quan giải quyết");

        assertThat(told).contains("thủ tục 2.000009").contains("Thời hạn giải quyết tính từ ngày tiếp nhận");
        mvc.perform(get("/api/v1/notifications").with(citizen(owner)))
                .andExpect(jsonPath("$[?(@.template == 'postal-paper-dossier-arrived')].title")
                        .value(Matchers.contains("Hồ sơ giấy số hiệu " + item + " đã đến cơ quan giải quyết")));
        assertNotTold("001090000060", "postal-paper-dossier-arrived");
    }

    @Test
    void theCitizenIsToldWhenThePostmanComesEachCollectionHeCouldNotMakeAndWhenThePostGaveUp() throws Exception {
        String owner = "001090000062";
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(EventMother.newDossierCode(), owner, 0))); // their address
        String item = newItemId();
        KafkaProbe.send(EventMother.record(new ShipmentCollectionScheduled("PIC-" + item, null, ShipmentPurpose.DOSSIER_PICKUP, item,
                owner, Instant.parse("2026-12-09T01:00:00Z"), Instant.parse("2026-12-09T04:00:00Z"), Instant.now())));
        KafkaProbe.send(EventMother.record(new ShipmentCollectionAttemptFailed("PIC-" + item, null, ShipmentPurpose.DOSSIER_PICKUP,
                item, owner, 1, 3, "Nhà đóng cửa", Instant.now())));
        KafkaProbe.send(EventMother.record(new ShipmentCollectionAbandoned("PIC-" + item, null, ShipmentPurpose.DOSSIER_PICKUP,
                item, owner, "000.10.20.30.H29", "2.000009", 3, "Nhà đóng cửa", Instant.now())));

        String email = "an." + owner + "@example.com";
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email).stream().filter(m -> subject(m).contains("thu gom")).count() == 3);
        mvc.perform(get("/api/v1/notifications").with(citizen(owner)))
                .andExpect(jsonPath("$[?(@.template == 'postal-collection-scheduled')].body").value(Matchers.contains(
                        Matchers.containsString("số hiệu " + item + ") từ 08:00 đến 11:00 ngày 09/12/2026"))))
                .andExpect(jsonPath("$[?(@.template == 'postal-collection-attempt-failed')].body")
                        .value(Matchers.contains(Matchers.containsString("lần 1: Nhà đóng cửa"))))
                .andExpect(jsonPath("$[?(@.template == 'postal-collection-abandoned')].body")
                        .value(Matchers.contains(Matchers.containsString("yêu cầu bưu điện thu gom lại"))));
        assertNotTold("001090000061", "postal-collection-abandoned");
    }

    @Test
    void theOwnerFollowsTheirOriginalsOnTheWayBack() throws Exception {
        String owner = "001090000092";
        String code = EventMother.newDossierCode();
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, owner, 0)));
        KafkaProbe.send(EventMother.record(new ShipmentDispatched("BAK-" + code, code, "RR123456790VN", owner, Instant.now(), 22_000L, 0L,
                ShipmentPurpose.ORIGINALS_RETURN)));
        KafkaProbe.send(EventMother.record(new ShipmentOutForDelivery("BAK-" + code, code, "RR123456790VN", owner, Instant.now(), 22_000L,
                0L, ShipmentPurpose.ORIGINALS_RETURN)));
        KafkaProbe.send(EventMother.record(new ShipmentDeliveryAttemptFailed("BAK-" + code, code, "RR123456790VN", owner, 1,
                "Không gặp người nhận", Instant.now(), 22_000L, 0L, ShipmentPurpose.ORIGINALS_RETURN)));

        String failed = awaitMail("an." + owner + "@example.com", code, subject -> subject.startsWith("Chưa giao được giấy tờ gửi trả"))
                .getContent().toString();
        assertThat(failed).contains("lần 1: Không gặp người nhận").contains("22.000 đồng cước");
        mvc.perform(get("/api/v1/notifications").with(citizen(owner)))
                .andExpect(jsonPath("$[?(@.dossierCode == '" + code + "')].template").value(Matchers.containsInAnyOrder("dossier-submitted",
                        "postal-papers-dispatched", "postal-papers-out-for-delivery", "postal-papers-delivery-attempt-failed")));
    }

    /**
     * The owner of a dossier just submitted is sent what the event tells, by email.
     *
     * @return the body of the mail whose subject starts so
     */
    /**
     * An envelope has no dossier code: its sender, whose address a submission of theirs taught, is told by its item id, once
     * however often the event comes. The mail's text.
     */
    private String toldOnceOfEnvelope(String sender, String item, Event aboutIt, String subjectEnd) throws Exception {
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(EventMother.newDossierCode(), sender, 0)));
        var record = EventMother.record(aboutIt);
        KafkaProbe.send(record);
        KafkaProbe.send(record);
        String told = awaitMail("an." + sender + "@example.com", item, subject -> subject.endsWith(subjectEnd)).getContent().toString();
        Thread.sleep(1000); // time for a wrong second message to show
        assertThat(mailsTo("an." + sender + "@example.com").stream().filter(m -> subject(m).contains(item)).count())
                .as("told once however often the event comes").isEqualTo(1);
        return told;
    }

    /** Nobody but the citizen concerned hears of it: another citizen's inbox has no message of that kind. */
    private void assertNotTold(String citizenId, String template) throws Exception {
        mvc.perform(get("/api/v1/notifications").with(citizen(citizenId)))
                .andExpect(jsonPath("$[?(@.template == '" + template + "')]").doesNotExist());
    }

    private static String newItemId() {
        return "RR" + (100_000_000 + new Random().nextInt(800_000_000)) + "VN";
    }

    private String mailOfOwner(String owner, Function<String, Event> ofDossier, String subjectStart) throws Exception {
        String code = EventMother.newDossierCode();
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, owner, 0)));
        KafkaProbe.send(EventMother.record(ofDossier.apply(code)));
        return awaitMail("an." + owner + "@example.com", code, subject -> subject.startsWith(subjectStart)).getContent().toString();
    }

    @Test
    void theOwnerIsRemindedOfAFeeDueSoon() throws Exception {
        String owner = "001090000091";
        String reminder = mailOfOwner(owner, code -> new PaymentDueSoon("PAY-" + code + "-INTAKE", code, owner, "000.10.20.H29",
                FeeStage.INTAKE, 45_000, Instant.parse("2026-12-09T03:00:00Z"), Instant.now()), "Sắp đến hạn nộp");

        assertThat(reminder).contains("45.000 đồng").contains("09/12/2026");
    }

    @Test
    void theOwnerIsRemindedOfCashWaitingForThemAtTheCounter() throws Exception {
        String owner = "001090000098";
        String reminder = mailOfOwner(owner, code -> new PaymentRefundAwaitingCollection("PAY-" + code + "-INTAKE", code, owner,
                "000.10.20.H29", 90_000, Instant.parse("2026-11-20T03:00:00Z"), Instant.now()), "Mời nhận lại tiền");

        assertThat(reminder).contains("90.000 đồng").contains("20/11/2026");
    }

    @Test
    void thePostAsksForTheAddressAndAResultBroughtBackWaitsAtTheCounter() throws Exception {
        String owner = "001090000080";
        String code = EventMother.newDossierCode();
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, owner, 0)));
        KafkaProbe.send(EventMother.record(new ReturnAddressConfirmationRequested("RET-" + code, code, owner, "Nguyễn Văn An",
                "0912345678", "Số 5 phố Lê Lợi, xã Thường Tín", "Hà Nội", Instant.now())));
        DossierSnapshot dossier = new DossierSnapshot(code, "2.000018", "000.10.20.H29", owner, 2, ResultDelivery.COUNTER, 9);
        KafkaProbe.send(EventMother.record(new DossierResultAwaitingCollection(dossier, "RET-" + code, "Không gặp người nhận",
                Instant.now())));

        String email = "an." + owner + "@example.com";
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email).stream().filter(m -> subject(m).contains(code)).count() == 3);
        MimeMessage address = mailsTo(email).stream().filter(m -> subject(m).startsWith("Xác nhận địa chỉ")).findFirst().orElseThrow();
        assertThat(address.getContent().toString()).contains("Số 5 phố Lê Lợi, xã Thường Tín").contains("Hà Nội");
        mvc.perform(get("/api/v1/notifications").with(citizen(owner)))
                .andExpect(jsonPath("$[?(@.dossierCode == '" + code + "')].template").value(Matchers.containsInAnyOrder(
                        "dossier-submitted", "postal-address-confirmation-requested", "dossier-result-awaiting-collection")));
    }

    @Test
    void theOwnerFollowsTheResultByPostWithItsTrackingNumber() throws Exception {
        String owner = "001090000083";
        String code = EventMother.newDossierCode();
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, owner, 0)));
        KafkaProbe.send(EventMother.record(new ShipmentDispatched("RET-" + code, code, "RR123456785VN", owner, Instant.now(), 338_000L,
                300_000L, ShipmentPurpose.RESULT_RETURN)));
        KafkaProbe.send(EventMother.record(new ShipmentOutForDelivery("RET-" + code, code, "RR123456785VN", owner, Instant.now())));
        KafkaProbe.send(EventMother.record(new ShipmentDeliveryAttemptFailed("RET-" + code, code, "RR123456785VN", owner, 1,
                "Không gặp người nhận", Instant.now())));

        String email = "an." + owner + "@example.com";
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email).stream().filter(m -> subject(m).contains(code)).count() == 4);
        MimeMessage dispatched = mailsTo(email).stream().filter(m -> subject(m).endsWith("đã được gửi đi")).findFirst().orElseThrow();
        assertThat(dispatched.getContent().toString()).contains("RR123456785VN").contains("338.000 đồng: 300.000 đồng phí, lệ phí");
        MimeMessage failed = mailsTo(email).stream().filter(m -> subject(m).startsWith("Chưa giao được")).findFirst().orElseThrow();
        assertThat(failed.getContent().toString()).contains("lần 1: Không gặp người nhận");
        mvc.perform(get("/api/v1/notifications").with(citizen(owner)))
                .andExpect(jsonPath("$[?(@.dossierCode == '" + code + "')].template").value(Matchers.containsInAnyOrder("dossier-submitted",
                        "postal-result-dispatched", "postal-out-for-delivery", "postal-delivery-attempt-failed")));
    }

    @Test
    void aCitizensAppointmentIsInTheirInboxAndOneForAPhoneNumberOnlyInNoCitizens() throws Exception {
        String owner = "001090000081";
        KafkaProbe.send(EventMother.record(new AppointmentBooked("LHBOOKED81", "TT-HUYEN", "000.10.20.30.H29", LocalDate.parse("2026-12-07"),
                LocalTime.of(8, 0), LocalTime.of(8, 30), VisitPurpose.GUIDANCE, null, null, owner, "0912345678", BookingChannel.PORTAL,
                owner, Instant.now())));
        KafkaProbe.send(EventMother.record(new AppointmentBooked("LHPHONE081", "TT-HUYEN", "000.10.20.30.H29", LocalDate.parse("2026-12-07"),
                LocalTime.of(9, 0), LocalTime.of(9, 30), VisitPurpose.GUIDANCE, null, null, null, "0912345679", BookingChannel.HOTLINE,
                "hotline", Instant.now())));

        await().atMost(Duration.ofSeconds(20)).until(() -> notifications.findAll().stream()
                .filter(n -> n.title().contains("LHBOOKED81") || n.title().contains("LHPHONE081")).count() == 2);
        mvc.perform(get("/api/v1/notifications").with(citizen(owner)))
                .andExpect(jsonPath("$[?(@.template == 'appointment-booked')].title").value(Matchers.hasItem("Lịch hẹn LHBOOKED81 ngày 07/12/2026")))
                .andExpect(jsonPath("$[?(@.title =~ /.*LHPHONE081.*/)]").doesNotExist());
        // The booking's phone says how to reach the citizen: nothing waits for a dossier (no phone channel is offered here).
        assertThat(notifications.findAll()).filteredOn(n -> n.title().contains("LHBOOKED81")).extracting(Notification::status)
                .containsExactly(Notification.Status.INBOX_ONLY);
        assertThat(notifications.findAll()).filteredOn(n -> n.title().contains("LHPHONE081")).extracting(Notification::recipientCitizenId)
                .containsExactly(Notification.phoneRecipient("0912345679"));
    }

    @Test
    void nobodyElseReadsACitizensNotifications() throws Exception {
        String code = EventMother.newDossierCode();
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, OWNER, 0)));
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications.findAll().stream()
                .anyMatch(n -> code.equals(n.dossierCode())));

        mvc.perform(get("/api/v1/notifications").with(citizen(CITIZEN_2)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.dossierCode == '" + code + "')]").doesNotExist());
        // An officer has an inbox of their own (their warnings), never a citizen's.
        mvc.perform(get("/api/v1/notifications").with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.dossierCode == '" + code + "')]").doesNotExist());
        mvc.perform(get("/api/v1/notifications").with(ops())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/notifications")).andExpect(status().isUnauthorized());
    }

    @Test
    void aCitizenSeesHowManyOfTheirNotificationsAreUnreadAndNobodyElseChangesTheCount() throws Exception {
        String owner = "001090000092";
        long othersBefore = unread(citizen(CITIZEN_2));
        String code = EventMother.newDossierCode();
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, owner, 0)));
        Notification submitted = await().atMost(Duration.ofSeconds(20)).until(() -> notifications.findAll().stream()
                .filter(n -> code.equals(n.dossierCode())).findFirst().orElse(null), Objects::nonNull);

        assertThat(unread(citizen(owner))).isEqualTo(1);
        mvc.perform(post("/api/v1/notifications/" + submitted.id() + "/read").with(citizen(CITIZEN_2))).andExpect(status().isNotFound());
        assertThat(unread(citizen(owner))).isEqualTo(1);
        mvc.perform(post("/api/v1/notifications/" + submitted.id() + "/read").with(citizen(owner))).andExpect(status().isNoContent());
        assertThat(unread(citizen(owner))).isZero();
        assertThat(unread(citizen(CITIZEN_2))).isEqualTo(othersBefore);

        mvc.perform(get("/api/v1/notifications/unread-count").with(ops())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/notifications/unread-count")).andExpect(status().isUnauthorized());
    }

    @Test
    void aCitizenMarksTheirWholeInboxReadAndNobodyElsesChanges() throws Exception {
        String owner = "001090000095";
        long othersBefore = unread(citizen(CITIZEN_2));
        List<String> codes = List.of(EventMother.newDossierCode(), EventMother.newDossierCode(), EventMother.newDossierCode());
        codes.forEach(code -> KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, owner, 0))));
        await().atMost(Duration.ofSeconds(20)).until(() -> unread(citizen(owner)) == 3);

        // Who may not: ops and a chat bot have no inbox, nor has a call without a token; another citizen marks only their own.
        mvc.perform(post("/api/v1/notifications/read-all").with(ops())).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/notifications/read-all").with(chatBot())).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/notifications/read-all")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/notifications/read-all").with(citizen("001090000096")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.marked").value(0));
        assertThat(unread(citizen(owner))).isEqualTo(3);

        mvc.perform(post("/api/v1/notifications/read-all").with(citizen(owner)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.marked").value(3));
        assertThat(unread(citizen(owner))).isZero();
        mvc.perform(post("/api/v1/notifications/read-all").with(citizen(owner))).andExpect(jsonPath("$.marked").value(0));
        assertThat(unread(citizen(CITIZEN_2))).isEqualTo(othersBefore);
        // Read is not sent: each still goes out by email.
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications.findAll().stream()
                .filter(n -> n.dossierCode() != null && codes.contains(n.dossierCode())).allMatch(TellsCitizensIT::emailSent));
    }

    private long unread(RequestPostProcessor who) throws Exception {
        String body = mvc.perform(get("/api/v1/notifications/unread-count").with(who)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(body).path("unread").asLong(-1);
    }

    /** Without the SMS and Zalo providers configured here, email is every citizen's one channel. */
    private static boolean emailSent(Notification notification) {
        return notification.deliveries().stream().anyMatch(d -> d.channel() == NotificationChannel.EMAIL && d.status() == Delivery.Status.SENT);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
