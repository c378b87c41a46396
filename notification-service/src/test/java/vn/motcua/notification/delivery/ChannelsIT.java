package vn.motcua.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.citizen;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.events.Topics;
import vn.motcua.events.dossier.DossierReceived;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.notification.NotificationChannel;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.notification.MessagingSimulators;
import vn.motcua.notification.WithMessagingSimulators;
import vn.motcua.notification.inbox.Delivery;
import vn.motcua.notification.inbox.Message;
import vn.motcua.notification.inbox.Notification;
import vn.motcua.notification.inbox.Reach;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.KafkaProbe;
import vn.motcua.testinfra.TestInfrastructure;

class ChannelsIT extends WithMessagingSimulators {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DeliverySweeper sweeper;
    @Autowired
    AggregateStore store;
    @Autowired
    Deliveries deliveries;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    MeterRegistry meters;

    @Test
    void aCitizenWithoutZaloIsReachedBySmsAndWhenTheSmsIsNotDeliveredByEmail() throws Exception {
        String owner = "001090000101";
        String phone = phoneOf(owner);
        MessagingSimulators.phone(MessagingSimulators.zalo(), phone, "zalo=none");
        MessagingSimulators.phone(MessagingSimulators.sms(), phone, "fate=undelivered");
        String code = submitted(owner);

        Notification done = awaitFinished(owner, code);
        assertThat(done.status()).isEqualTo(Notification.Status.DONE);
        assertThat(done.deliveries()).extracting(Delivery::channel, Delivery::status).containsExactly(
                tuple(NotificationChannel.ZALO, Delivery.Status.FAILED),
                tuple(NotificationChannel.SMS, Delivery.Status.FAILED),
                tuple(NotificationChannel.EMAIL, Delivery.Status.SENT));
        assertThat(done.deliveries().get(0).failure()).contains("-118");
        assertThat(done.deliveries().get(1).failure()).contains("SUBSCRIBER_UNREACHABLE");
        assertThat(TestInfrastructure.get().receivedMailsTo("an." + owner + "@example.com")).hasSize(1);
        assertThat(MessagingSimulators.messages(MessagingSimulators.sms(), phone)).hasSize(1);
        assertThat(KafkaProbe.collect(Topics.NOTIFICATION, r -> code.equals(r.key()), 6, Duration.ofSeconds(5)))
                .extracting(r -> KafkaProbe.header(r, "ce_type") + " " + r.value().replaceAll(".*\"channel\":\"(\\w+)\".*", "$1"))
                .contains("NotificationFailed ZALO", "NotificationSent SMS", "NotificationFailed SMS", "NotificationSent EMAIL");
    }

    @Test
    void aZaloReceiptMarksTheMessageDeliveredAndNoOtherChannelIsUsed() throws Exception {
        String owner = "001090000102";
        String phone = phoneOf(owner);
        String code = submitted(owner);

        Notification done = awaitFinished(owner, code);
        assertThat(done.deliveries()).extracting(Delivery::status)
                .containsExactly(Delivery.Status.DELIVERED, Delivery.Status.NOT_NEEDED, Delivery.Status.NOT_NEEDED);
        assertThat(done.deliveries().get(0).cost()).isEqualTo(300);
        assertThat(MessagingSimulators.messages(MessagingSimulators.zalo(), phone)).hasSize(1);
        assertThat(MessagingSimulators.messages(MessagingSimulators.sms(), phone)).isEmpty();
        assertThat(KafkaProbe.await(Topics.NOTIFICATION, r -> code.equals(r.key())
                && "NotificationDelivered".equals(KafkaProbe.header(r, "ce_type")), Duration.ofSeconds(10)).value()).contains("ZALO");
        assertThat(TestInfrastructure.get().receivedMailsTo("an." + owner + "@example.com")).isEmpty();
    }

    @Test
    void aValueLongerThanItsZaloParameterTakesIsCutAndTheMessageStillGoesByZalo() throws Exception {
        String owner = "001090000109";
        String phone = phoneOf(owner);
        String code = EventMother.newDossierCode();
        DossierSubmitted usual = EventMother.dossierSubmitted(code, owner, 0);
        String longName = "Cấp giấy phép " + "kinh doanh dịch vụ ".repeat(14) + "(thủ tục liên thông)";
        KafkaProbe.send(EventMother.record(new DossierSubmitted(usual.dossier(), longName, usual.applicant(), usual.feeTiming(),
                usual.feesDue(), usual.submittedAt())));

        Notification done = awaitFinished(owner, code);
        assertThat(done.deliveries()).extracting(Delivery::channel, Delivery::status)
                .startsWith(tuple(NotificationChannel.ZALO, Delivery.Status.DELIVERED));
        assertThat(done.body()).contains(longName);
        String sent = MessagingSimulators.messages(MessagingSimulators.zalo(), phone).get(0).path("content").asString();
        String procedure = JSON.readTree(sent.split(" ", 2)[1]).path("procedure").asString();
        assertThat(longName).hasSizeGreaterThan(200).startsWith(procedure.substring(0, procedure.length() - 1));
        assertThat(procedure).hasSize(200).endsWith("…");
        assertThat(MessagingSimulators.messages(MessagingSimulators.sms(), phone)).isEmpty();
    }

    @Test
    void aTransientSmsFailureIsRetriedAndTheMessageGoesOnce() throws Exception {
        String owner = "001090000103";
        String phone = phoneOf(owner);
        choose(owner, "{\"channels\":[\"SMS\"]}");
        // Two failures are retried inside the call (the provider's retry policy).
        MessagingSimulators.phone(MessagingSimulators.sms(), phone, "transient-failures=2");
        String code = submitted(owner);
        Notification first = awaitFinished(owner, code);
        assertThat(first.deliveries().getFirst().status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(first.deliveries().getFirst().parts()).isEqualTo(1);
        assertThat(first.deliveries().getFirst().cost()).isEqualTo(800);

        // Five: the call gives up after three, the stored retry 30 s later gets through.
        MessagingSimulators.phone(MessagingSimulators.sms(), phone, "transient-failures=5");
        String received = received(owner, code);
        Notification waiting = await().atMost(Duration.ofSeconds(20)).until(() -> notifications.findById(received).orElse(null),
                n -> n != null && n.deliveries().getFirst().attemptCount() == 1);
        assertThat(waiting.status()).isEqualTo(Notification.Status.SENDING);
        assertThat(waiting.dueAt()).isAfter(Instant.now().plusSeconds(20));
        sweeper.sweep(waiting.dueAt().plusSeconds(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications.findById(received).orElseThrow().status() == Notification.Status.DONE);
        assertThat(MessagingSimulators.messages(MessagingSimulators.sms(), phone)).hasSize(2);
    }

    @Test
    void quietHoursHoldAnSmsUntilSevenInTheMorning() throws Exception {
        String owner = "001090000104";
        String phone = phoneOf(owner);
        choose(owner, "{\"channels\":[\"SMS\"]}");
        clock.set(Instant.parse("2026-12-01T15:30:00Z")); // 22:30 in Hà Nội
        String code = submitted(owner);

        Notification held = await().atMost(Duration.ofSeconds(20)).until(() -> only(owner, code),
                n -> n != null && n.deliveries().getFirst().status() == Delivery.Status.HELD);
        assertThat(held.dueAt()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
        sweeper.sweep(Instant.parse("2026-12-01T23:59:00Z"));
        assertThat(MessagingSimulators.messages(MessagingSimulators.sms(), phone)).isEmpty();

        clock.set(Instant.parse("2026-12-02T00:00:05Z"));
        sweeper.sweep(clock.instant());
        assertThat(awaitFinished(owner, code).deliveries().getFirst().status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(MessagingSimulators.messages(MessagingSimulators.sms(), phone)).hasSize(1);
    }

    @Test
    void aNotificationLeftByACrashBetweenStoringAndSendingIsSentOnceByTheSweeper() throws Exception {
        String owner = "001090000105";
        String phone = phoneOf(owner);
        String id = "crashed-" + System.nanoTime();
        Instant created = Instant.now();
        // Stored, and the process died before sending.
        store.insert(Notification.create(id, owner, "D-" + id, new Message("dossier-received", "Hồ sơ " + id + " đã được tiếp nhận",
                "Nội dung"), new Reach(null, phone, List.of(NotificationChannel.SMS)), false, false, created));

        sweeper.sweep(created.plusSeconds(1));
        assertThat(MessagingSimulators.messages(MessagingSimulators.sms(), phone)).as("the sender's own time has not run out").isEmpty();
        sweeper.sweep(created.plus(Notification.SENDER_FIRST).plusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications.findById(id).orElseThrow().status() == Notification.Status.DONE);
        sweeper.sweep(created.plus(Duration.ofMinutes(5)));
        assertThat(MessagingSimulators.messages(MessagingSimulators.sms(), phone)).hasSize(1);
    }

    @Test
    void aSendHandedOffCountsAsActiveUntilItsAttemptIsRecorded() throws Exception {
        String owner = "001090000108";
        String phone = phoneOf(owner);
        // Two refusals the sender retries inside the call: the send takes 300 ms at least.
        MessagingSimulators.phone(MessagingSimulators.sms(), phone, "transient-failures=2");
        String id = "in-flight-" + System.nanoTime();
        Notification stored = store.insert(Notification.create(id, owner, "D-" + id, new Message("dossier-received", "Hồ sơ " + id,
                "Nội dung"), new Reach(null, phone, List.of(NotificationChannel.SMS)), false, false, Instant.now()));
        Gauge active = meters.get("motcua.notification.sends.active").gauge();

        dispatcher.soon(stored);

        assertThat(active.value()).as("counted from the hand-off on").isGreaterThanOrEqualTo(1.0);
        await().atMost(Duration.ofSeconds(10)).until(() -> active.value() == 0);
        assertThat(notifications.findById(id).orElseThrow().deliveries().getFirst().status())
                .as("the attempt is stored by the time the send no longer counts").isNotEqualTo(Delivery.Status.WAITING);
        assertThat(MessagingSimulators.messages(MessagingSimulators.sms(), phone)).hasSize(1);
    }

    @Test
    void theSameEventTwentyTimesMakesOneNotificationAndOneSendPerChannel() throws Exception {
        String owner = "001090000106";
        String phone = phoneOf(owner);
        String code = submitted(owner);
        awaitFinished(owner, code);
        ProducerRecord<String, String> received = EventMother.record(new DossierReceived(EventMother.snapshot(code, owner,
                ResultDelivery.ONLINE), LocalDate.parse("2026-12-15"), "officer-1", Instant.now()));
        for (int i = 0; i < 20; i++) {
            KafkaProbe.send(received);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> MessagingSimulators.messages(MessagingSimulators.zalo(), phone).size() == 2);
        Thread.sleep(1500); // time for a wrong second send to show
        assertThat(notifications.findAll().stream().filter(n -> code.equals(n.dossierCode()) && n.template().equals("dossier-received")))
                .hasSize(1);
        assertThat(MessagingSimulators.messages(MessagingSimulators.zalo(), phone)).hasSize(2);
        assertThat(MessagingSimulators.messages(MessagingSimulators.sms(), phone)).isEmpty();
    }

    @Test
    void aReceiptThatOvertakesTheSendersRecordWaitsForItAndOneWhoseAcceptanceNeverComesIsAskedAgain() throws Exception {
        Notification overtaken = storedUnsent("overtaken-");
        CountDownLatch refusedOnce = new CountDownLatch(1);
        deliveries.earlyReceipts().getEventPublisher().onRetry(retry -> refusedOnce.countDown());
        CompletableFuture<Integer> early = CompletableFuture.supplyAsync(() -> postSmsReport(overtaken.id(), "SMS-early"));
        assertThat(refusedOnce.await(10, TimeUnit.SECONDS)).as("the receipt found no acceptance and waits").isTrue();
        Instant now = Instant.now();
        store.update(overtaken, overtaken.accepted("SMS-early", 1, 800L, now, now, now.plus(Duration.ofMinutes(10))));
        assertThat(early.get(10, TimeUnit.SECONDS)).isEqualTo(204);
        assertThat(notifications.findById(overtaken.id()).orElseThrow().deliveries()).extracting(Delivery::status)
                .containsExactly(Delivery.Status.DELIVERED);

        Notification neverAccepted = storedUnsent("never-accepted-");
        String report = smsReport(neverAccepted.id(), "SMS-unknown");
        mvc.perform(post("/api/v1/notifications/provider/sms-reports").contentType(MediaType.APPLICATION_JSON).content(report)
                        .header("X-Signature", smsSignature(report)))
                .andExpect(status().isServiceUnavailable()).andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.type").value(endsWith("receipt-too-early")));
        assertThat(notifications.findById(neverAccepted.id()).orElseThrow().deliveries()).extracting(Delivery::status)
                .containsExactly(Delivery.Status.WAITING);
    }

    @Test
    void aReceiptIsAppliedToTheCopyTheSenderKeptAndToTheStoredNotificationWhenTheCopyWentStale() throws Exception {
        String phone = "84971000109";
        // No receipt of its own: the test posts it, after its own changes.
        MessagingSimulators.phone(MessagingSimulators.sms(), phone, "fate=silent");
        double keptBefore = receiptsApplied("kept");
        double readBefore = receiptsApplied("read");

        Notification sent = storedUnsent("kept-", phone);
        dispatcher.sendNow(sent);
        assertThat(postSmsReport(sent.id(), providerMessageId(sent.id()))).isEqualTo(204);
        assertThat(notifications.findById(sent.id()).orElseThrow().deliveries()).extracting(Delivery::status)
                .containsExactly(Delivery.Status.DELIVERED);
        assertThat(receiptsApplied("kept") - keptBefore).as("applied to the kept copy").isEqualTo(1);
        assertThat(receiptsApplied("read") - readBefore).isZero();

        Notification readMeanwhile = storedUnsent("stale-", phone);
        dispatcher.sendNow(readMeanwhile);
        store.updateRetrying(() -> notifications.findById(readMeanwhile.id()).orElseThrow(), n -> n.markRead(Instant.now()));
        assertThat(postSmsReport(readMeanwhile.id(), providerMessageId(readMeanwhile.id()))).isEqualTo(204);
        Notification stored = notifications.findById(readMeanwhile.id()).orElseThrow();
        assertThat(stored.deliveries()).extracting(Delivery::status).containsExactly(Delivery.Status.DELIVERED);
        assertThat(stored.readAt()).as("the citizen's change is not overwritten by the stale copy").isNotNull();
        assertThat(receiptsApplied("read") - readBefore).as("the stale copy failed its version; read from storage").isEqualTo(1);
        assertThat(receiptsApplied("kept") - keptBefore).isEqualTo(1);
    }

    @Test
    void forgedOrMalformedReceiptsAreRefusedAndChangeNothing() throws Exception {
        String body = "{\"messageId\":\"SMS1\",\"clientRef\":\"x/SMS\",\"phone\":\"84900000000\",\"status\":\"DELIVERED\"}";
        mvc.perform(post("/api/v1/notifications/provider/sms-reports").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("X-Signature", "00ff"))
                .andExpect(status().isUnauthorized()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/notifications/provider/sms-reports").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/notifications/provider/zalo-events").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"event_name\":\"user_received_message\",\"timestamp\":\"1\"}").header("X-ZEvent-Signature", "mac=00"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/notifications/provider/zalo-events").contentType(MediaType.APPLICATION_JSON).content("not json"))
                .andExpect(status().isUnauthorized());
        // The API document says so: no token, a signature, and 401 when it does not match.
        for (String callback : List.of("sms-reports", "zalo-events")) {
            String operation = "$.paths['/api/v1/notifications/provider/" + callback + "'].post";
            mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                    .andExpect(jsonPath(operation + ".security").isEmpty())
                    .andExpect(jsonPath(operation + ".responses['401'].description").value(startsWith("Not an authentic")))
                    .andExpect(jsonPath(operation + ".responses['204']").exists())
                    .andExpect(jsonPath(operation + ".responses['403']").doesNotExist());
        }
    }

    /** Stored as the sender is about to send it by SMS: no sweeper or sender touches it in the test. */
    private Notification storedUnsent(String prefix) {
        return storedUnsent(prefix, "84971000107");
    }

    private Notification storedUnsent(String prefix, String phone) {
        String id = prefix + System.nanoTime();
        return store.insert(Notification.create(id, "001090000107", "D-" + id, new Message("dossier-received", "Hồ sơ " + id,
                "Nội dung"), new Reach(null, phone, List.of(NotificationChannel.SMS)), false, false, Instant.now()));
    }

    private String providerMessageId(String notificationId) {
        Delivery sms = notifications.findById(notificationId).orElseThrow().deliveries().getFirst();
        assertThat(sms.status()).as("accepted by the gateway").isEqualTo(Delivery.Status.ACCEPTED);
        return sms.providerMessageId();
    }

    private double receiptsApplied(String copy) {
        return meters.get("motcua.notification.receipts").tag("copy", copy).counter().count();
    }

    private int postSmsReport(String notificationId, String messageId) {
        String body = smsReport(notificationId, messageId);
        try {
            return mvc.perform(post("/api/v1/notifications/provider/sms-reports").contentType(MediaType.APPLICATION_JSON).content(body)
                    .header("X-Signature", smsSignature(body))).andReturn().getResponse().getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String smsReport(String notificationId, String messageId) {
        return "{\"messageId\":\"" + messageId + "\",\"clientRef\":\"" + notificationId + "/SMS\",\"phone\":\"84971000107\","
                + "\"status\":\"DELIVERED\",\"doneAt\":\"" + Instant.now() + "\"}";
    }

    private static String smsSignature(String body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(MessagingSimulators.SMS_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private String submitted(String owner) {
        String code = EventMother.newDossierCode();
        KafkaProbe.send(EventMother.record(EventMother.dossierSubmitted(code, owner, 0)));
        return code;
    }

    private String received(String owner, String code) {
        ProducerRecord<String, String> record = EventMother.record(new DossierReceived(EventMother.snapshot(code, owner,
                ResultDelivery.ONLINE), LocalDate.parse("2026-12-15"), "officer-1", Instant.now()));
        KafkaProbe.send(record);
        return KafkaProbe.header(record, "ce_id");
    }

    /** Each test's citizen has a phone number of their own, given through the preferences API, and the simulators' desks reset. */
    private String phoneOf(String owner) throws Exception {
        String phone = "849710" + owner.substring(owner.length() - 5);
        choose(owner, "{\"phone\":\"" + phone + "\"}");
        return phone;
    }

    private void choose(String owner, String json) throws Exception {
        mvc.perform(put("/api/v1/notifications/preferences").with(citizen(owner)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isOk());
    }

    private Notification only(String owner, String code) {
        return notifications.findAll().stream().filter(n -> owner.equals(n.recipientCitizenId()) && code.equals(n.dossierCode()))
                .findFirst().orElse(null);
    }

    private Notification awaitFinished(String owner, String code) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> only(owner, code),
                n -> n != null && (n.status() == Notification.Status.DONE || n.status() == Notification.Status.FAILED));
    }
}
