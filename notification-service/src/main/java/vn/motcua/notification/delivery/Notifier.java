package vn.motcua.notification.delivery;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import vn.motcua.events.Topics;
import java.util.function.Function;
import vn.motcua.events.Event;
import vn.motcua.events.dossier.DossierDueDateExtended;
import vn.motcua.events.dossier.DossierReceived;
import vn.motcua.events.dossier.DossierRejected;
import vn.motcua.events.dossier.DossierResultReady;
import vn.motcua.events.dossier.DossierReturned;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.DossierStopped;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.events.dossier.DossierSupplementRequested;
import vn.motcua.events.payment.PaymentRequested;
import vn.motcua.kit.messaging.EventReader;
import vn.motcua.kit.messaging.IdempotentWrites;
import vn.motcua.kit.messaging.IncomingEvent;
import java.util.List;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.outbox.EventRecorder;
import vn.motcua.kit.outbox.OutboxEntry;
import vn.motcua.notification.inbox.Message;
import vn.motcua.notification.inbox.Notification;
import vn.motcua.notification.recipients.Recipient;
import vn.motcua.notification.recipients.Recipients;

/** Tells citizens what happened to their dossiers: in their inbox and by email. */
@Component
class Notifier {
    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final EventReader reader;
    private final Recipients recipients;
    private final Templates templates;
    private final IdempotentWrites writes;
    private final AggregateStore aggregates;
    private final EventRecorder recorder;
    private final JavaMailSender mail;
    private final Clock clock;
    private final String from;

    Notifier(EventReader reader, Recipients recipients, Templates templates, IdempotentWrites writes,
            AggregateStore aggregates, EventRecorder recorder, JavaMailSender mail, Clock clock,
            @Value("${motcua.notification.from}") String from) {
        this.reader = reader;
        this.recipients = recipients;
        this.templates = templates;
        this.writes = writes;
        this.aggregates = aggregates;
        this.recorder = recorder;
        this.mail = mail;
        this.clock = clock;
        this.from = from;
    }

    @KafkaListener(topics = Topics.DOSSIER)
    void onDossierEvent(ConsumerRecord<String, String> record) {
        if (reader.is(record, DossierSubmitted.class)) {
            IncomingEvent<DossierSubmitted> event = reader.read(record, DossierSubmitted.class);
            recipients.learnFrom(event);
            DossierSubmitted dossier = event.data();
            notify(event.eventId(), dossier.ownerCitizenId(), dossier.dossierCode(),
                    templates.dossierSubmitted(dossier), dossier.applicant().email());
            return;
        }
        tellOwner(record, DossierReceived.class, DossierReceived::dossier, templates::dossierReceived);
        tellOwner(record, DossierRejected.class, DossierRejected::dossier, templates::dossierRejected);
        tellOwner(record, DossierSupplementRequested.class, DossierSupplementRequested::dossier, templates::supplementRequested);
        tellOwner(record, DossierResultReady.class, DossierResultReady::dossier, templates::resultReady);
        tellOwner(record, DossierDueDateExtended.class, DossierDueDateExtended::dossier, templates::dueDateExtended);
        tellOwner(record, DossierReturned.class, DossierReturned::dossier, templates::returned);
        tellOwner(record, DossierStopped.class, DossierStopped::dossier, templates::stopped);
    }

    /** A step of the dossier the owner must hear about; their address is known from its submission. */
    private <T extends Event> void tellOwner(ConsumerRecord<String, String> record, Class<T> type,
            Function<T, DossierSnapshot> dossierOf, Function<T, Message> template) {
        if (!reader.is(record, type)) {
            return;
        }
        IncomingEvent<T> event = reader.read(record, type);
        DossierSnapshot dossier = dossierOf.apply(event.data());
        Recipient recipient = recipients.find(dossier.ownerCitizenId())
                .orElseThrow(() -> new RecipientNotYetKnown(dossier.ownerCitizenId()));
        notify(event.eventId(), dossier.ownerCitizenId(), dossier.dossierCode(), template.apply(event.data()),
                recipient.email());
    }

    @KafkaListener(topics = Topics.PAYMENT)
    void onPaymentEvent(ConsumerRecord<String, String> record) {
        if (reader.is(record, PaymentRequested.class)) {
            IncomingEvent<PaymentRequested> event = reader.read(record, PaymentRequested.class);
            PaymentRequested payment = event.data();
            Recipient recipient = recipients.find(payment.ownerCitizenId())
                    .orElseThrow(() -> new RecipientNotYetKnown(payment.ownerCitizenId()));
            notify(event.eventId(), payment.ownerCitizenId(), payment.dossierCode(),
                    templates.paymentRequested(payment), recipient.email());
        }
    }

    private void notify(String causeEventId, String citizenId, String dossierCode, Message message, String email) {
        Notification.Changed created = Notification.create(causeEventId, citizenId, dossierCode, message, email,
                clock.instant());
        created.notification().enqueue(recorder.record(created.events()));
        if (!writes.insertOnce(created.notification())) {
            log.info("Notification for event {} exists already; not sent again", causeEventId);
            return;
        }
        if (email != null) {
            sendEmail(created.notification());
        }
    }

    private void sendEmail(Notification notification) {
        List<OutboxEntry> outcome;
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(from, true));
            helper.setTo(notification.emailAddress());
            helper.setSubject(notification.title());
            helper.setText(notification.body());
            mail.send(message);
            outcome = recorder.record(notification.emailSent(clock.instant()));
        } catch (MailException | jakarta.mail.MessagingException e) {
            log.warn("Email for notification {} failed: {}", notification.id(), e.toString());
            outcome = recorder.record(notification.emailFailed(e.getMessage(), clock.instant()));
        }
        aggregates.update(notification, outcome);
    }
}
