package vn.motcua.notification.delivery;

import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.motcua.events.Event;
import vn.motcua.events.appointment.AppointmentBooked;
import vn.motcua.events.appointment.AppointmentCancelled;
import vn.motcua.events.appointment.AppointmentReminderDue;
import vn.motcua.events.appointment.AppointmentRescheduled;
import vn.motcua.events.appointment.TurnNear;
import vn.motcua.events.dossier.DossierDocumentShared;
import vn.motcua.events.dossier.DossierDueDateExtended;
import vn.motcua.events.dossier.DossierFinancialObligationRequested;
import vn.motcua.events.dossier.DossierReceived;
import vn.motcua.events.dossier.DossierRejected;
import vn.motcua.events.dossier.DossierResultAwaitingCollection;
import vn.motcua.events.dossier.DossierResultReady;
import vn.motcua.events.dossier.DossierReturned;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.DossierStopped;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.events.dossier.DossierSupplementRequested;
import vn.motcua.events.dossier.DossierTransferred;
import vn.motcua.events.dossier.DossierWithdrawn;
import vn.motcua.events.dossier.PaperDossierHandedBack;
import vn.motcua.events.dossier.PaperDossierTransferred;
import vn.motcua.events.dossier.PaperDossierTurnedAway;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.payment.PaymentCancelled;
import vn.motcua.events.payment.PaymentCompleted;
import vn.motcua.events.payment.PaymentDueSoon;
import vn.motcua.events.payment.PaymentExpired;
import vn.motcua.events.payment.PaymentFailed;
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
import vn.motcua.kit.messaging.EventHandler;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.Subscriptions;
import vn.motcua.notification.inbox.Message;
import vn.motcua.notification.recipients.Recipient;
import vn.motcua.notification.recipients.Recipients;

/**
 * Tells citizens what happened to their dossiers, payments and appointments: in their inbox and on their
 * channels. One notification per event (its id is the event's), so a redelivered event tells nobody twice.
 */
@Component
class TellsCitizens implements EventSubscriber {
    private static final Logger log = LoggerFactory.getLogger(TellsCitizens.class);

    private final Recipients recipients;
    private final Templates templates;
    private final Deliveries deliveries;

    TellsCitizens(Recipients recipients, Templates templates, Deliveries deliveries) {
        this.recipients = recipients;
        this.templates = templates;
        this.deliveries = deliveries;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(DossierSubmitted.class, this::submitted)
                .on(DossierReceived.class, owner(DossierReceived::dossier, templates::dossierReceived))
                .on(DossierRejected.class, owner(DossierRejected::dossier, templates::dossierRejected))
                .on(DossierSupplementRequested.class,
                        owner(DossierSupplementRequested::dossier, templates::supplementRequested))
                .on(DossierResultReady.class, owner(DossierResultReady::dossier, templates::resultReady))
                .on(DossierDueDateExtended.class, owner(DossierDueDateExtended::dossier, templates::dueDateExtended))
                .on(DossierDocumentShared.class, owner(DossierDocumentShared::dossier, templates::documentShared))
                .on(DossierReturned.class, this::returned)
                .on(DossierStopped.class, owner(DossierStopped::dossier, templates::stopped))
                .on(DossierFinancialObligationRequested.class,
                        owner(DossierFinancialObligationRequested::dossier, templates::financialObligationRequested))
                .on(DossierWithdrawn.class, owner(DossierWithdrawn::dossier, templates::withdrawn))
                .on(DossierResultAwaitingCollection.class,
                        owner(DossierResultAwaitingCollection::dossier, templates::resultAwaitingCollection))
                .on(ReturnAddressConfirmationRequested.class, event -> notifyOwner(event.eventId(), event.data().ownerCitizenId(),
                        event.data().dossierCode(), templates.addressConfirmationRequested(event.data())))
                .on(OriginalsReturnPlanned.class, event -> notifyOwner(event.eventId(), event.data().ownerCitizenId(),
                        event.data().dossierCode(), templates.originalsReturnPlanned(event.data())))
                .on(OriginalsAwaitingCollection.class, event -> notifyOwner(event.eventId(), event.data().ownerCitizenId(),
                        event.data().dossierCode(), templates.originalsAwaitingCollection(event.data())))
                .on(PaperDossierArrived.class, event -> postal(event, event.data().ownerCitizenId(), null,
                        templates.paperDossierArrived(event.data())))
                .on(PaperDossierTurnedAway.class, event -> postal(event, event.data().ownerCitizenId(), null,
                        templates.paperDossierTurnedAway(event.data())))
                .on(DossierTransferred.class, owner(DossierTransferred::dossier, templates::dossierTransferred))
                .on(PaperDossierTransferred.class, event -> postal(event, event.data().ownerCitizenId(), null,
                        templates.paperDossierTransferred(event.data())))
                .on(PaperDossierHandedBack.class, event -> postal(event, event.data().ownerCitizenId(), null,
                        templates.paperDossierHandedBack(event.data())))
                .on(PaperDossierReturnPlanned.class, event -> notifyOwner(event.eventId(), event.data().ownerCitizenId(),
                        event.data().dossierCode(), templates.dossierReturnPlanned(event.data())))
                .on(PaperDossierAwaitingCollection.class, event -> notifyOwner(event.eventId(), event.data().ownerCitizenId(),
                        event.data().dossierCode(), templates.dossierAwaitingCollection(event.data())))
                .on(ShipmentDispatched.class, event -> postal(event, event.data().ownerCitizenId(), event.data().dossierCode(),
                        templates.dispatched(event.data())))
                .on(ShipmentOutForDelivery.class, event -> postal(event, event.data().ownerCitizenId(), event.data().dossierCode(),
                        templates.outForDelivery(event.data())))
                .on(OriginalsKeptOnFile.class, event -> notifyOwner(event.eventId(), event.data().ownerCitizenId(),
                        event.data().dossierCode(), templates.originalsKept(event.data())))
                .on(ShipmentCollectionScheduled.class, event -> postal(event, event.data().ownerCitizenId(), event.data().dossierCode(),
                        templates.collectionScheduled(event.data())))
                .on(ShipmentCollectionAttemptFailed.class, event -> postal(event, event.data().ownerCitizenId(), event.data().dossierCode(),
                        templates.collectionAttemptFailed(event.data())))
                .on(ShipmentCollectionAbandoned.class, event -> postal(event, event.data().ownerCitizenId(), event.data().dossierCode(),
                        templates.collectionAbandoned(event.data())))
                .on(ShipmentDeliveryAttemptFailed.class, event -> postal(event, event.data().ownerCitizenId(), event.data().dossierCode(),
                        templates.deliveryAttemptFailed(event.data())))
                .on(AppointmentBooked.class, event -> citizen(event, event.data().citizenId(), event.data().phone(), event.data().dossierCode(),
                        templates.appointmentBooked(event.data())))
                .on(AppointmentRescheduled.class, event -> citizen(event, event.data().citizenId(), event.data().phone(), null,
                        templates.appointmentRescheduled(event.data())))
                .on(AppointmentCancelled.class, event -> citizen(event, event.data().citizenId(), event.data().phone(), null,
                        templates.appointmentCancelled(event.data())))
                .on(AppointmentReminderDue.class, event -> citizen(event, event.data().citizenId(), event.data().phone(), null,
                        templates.appointmentReminder(event.data())))
                .on(TurnNear.class, event -> citizen(event, event.data().citizenId(), event.data().phone(), null, templates.turnNear(event.data())))
                .on(PaymentRequested.class, this::paymentRequested)
                .on(PaymentCompleted.class, this::paymentCompleted)
                .on(PaymentFailed.class, event -> notifyOwner(event.eventId(), event.data().ownerCitizenId(), event.data().dossierCode(),
                        templates.paymentFailed(event.data())))
                .on(PaymentExpired.class, event -> notifyOwner(event.eventId(), event.data().ownerCitizenId(), event.data().dossierCode(),
                        templates.paymentExpired(event.data())))
                .on(PaymentRefunded.class, event -> notifyOwner(event.eventId(), event.data().ownerCitizenId(),
                        event.data().dossierCode(), templates.paymentRefunded(event.data())))
                .on(PaymentCancelled.class, this::paymentCancelled)
                .on(PaymentDueSoon.class, event -> notifyOwner(event.eventId(), event.data().ownerCitizenId(), event.data().dossierCode(),
                        templates.paymentDueSoon(event.data())))
                .on(PaymentRefundAwaitingCollection.class, event -> notifyOwner(event.eventId(), event.data().ownerCitizenId(),
                        event.data().dossierCode(), templates.refundAwaitingCollection(event.data())));
    }

    /** Only a fee the citizen had been asked to pay: one of a stage the dossier never reached was never theirs to pay. */
    private void paymentCancelled(IncomingEvent<PaymentCancelled> event) {
        if (event.data().wasDue()) {
            notifyOwner(event.eventId(), event.data().ownerCitizenId(), event.data().dossierCode(), templates.paymentCancelled(event.data()));
        }
    }

    private void submitted(IncomingEvent<DossierSubmitted> event) {
        Recipient stated = recipients.learnFrom(event);
        DossierSubmitted submitted = event.data();
        deliveries.tellAtStated(event.eventId(), stated, submitted.dossier().dossierCode(), templates.dossierSubmitted(submitted));
        deliveries.contactKnown(stated.citizenId(), stated.awaitingContact());
    }

    /**
     * A result handed over at the counter or delivered by post. One returned online is released to the applicant's account
     * with the result-ready message, which says where to read it or what to pay first (ADR 0064, 0071): a second message at
     * that moment, or after the payment the applicant was told of, would tell nothing new.
     */
    private void returned(IncomingEvent<DossierReturned> event) {
        if (!ResultDelivery.ONLINE.name().equals(event.data().returnedVia())) {
            owner(DossierReturned::dossier, templates::returned).handle(event);
        }
    }

    /** A step of the dossier the owner must hear about; their address is known from its submission. */
    private <T extends Event> EventHandler<T> owner(Function<T, DossierSnapshot> dossierOf,
            Function<T, Message> template) {
        return event -> {
            DossierSnapshot dossier = dossierOf.apply(event.data());
            notifyOwner(event.eventId(), dossier.ownerCitizenId(), dossier.dossierCode(), template.apply(event.data()));
        };
    }

    /**
     * An appointment or a queue ticket: told at the phone number it was booked for, and in the inbox
     * of the citizen it is for. One booked for a phone number only (the hotline, a chat bot) is told
     * by that number's channels alone: nobody has an inbox for it.
     */
    private void citizen(IncomingEvent<?> event, String citizenId, String phone, String dossierCode, Message message) {
        if (citizenId != null) {
            deliveries.tellAboutBooking(event.eventId(), citizenId, phone, dossierCode, message);
        } else if (phone != null) {
            deliveries.tellPhone(event.eventId(), phone, dossierCode, message);
        } else {
            log.info("{} {} names neither a citizen nor a phone number; nobody to tell", event.type(), event.eventId());
        }
    }

    /** A result on its way by post; a shipment without an owner on record tells nobody. */
    private void postal(IncomingEvent<?> event, String ownerCitizenId, String dossierCode, Message message) {
        if (ownerCitizenId == null) {
            log.info("{} {} names no owner; nobody told", event.type(), event.eventId());
            return;
        }
        notifyOwner(event.eventId(), ownerCitizenId, dossierCode, message);
    }

    /** Records published before the owner was carried name nobody to tell: skipped. */
    private void paymentCompleted(IncomingEvent<PaymentCompleted> event) {
        PaymentCompleted payment = event.data();
        if (payment.ownerCitizenId() == null) {
            log.info("PaymentCompleted {} names no owner (an older record); nobody told", event.eventId());
            return;
        }
        notifyOwner(event.eventId(), payment.ownerCitizenId(), payment.dossierCode(), templates.paymentCompleted(payment));
    }

    private void paymentRequested(IncomingEvent<PaymentRequested> event) {
        PaymentRequested payment = event.data();
        notifyOwner(event.eventId(), payment.ownerCitizenId(), payment.dossierCode(), templates.paymentRequested(payment));
    }

    /**
     * The owner's addresses come with the dossier's submission, on another topic than this event:
     * when they are not known yet, the notification waits in the inbox for them.
     */
    private void notifyOwner(String causeEventId, String citizenId, String dossierCode, Message message) {
        deliveries.tell(causeEventId, citizenId, dossierCode, message);
    }
}
