package vn.motcua.events;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.motcua.events.appointment.AppointmentBooked;
import vn.motcua.events.appointment.AppointmentCancelled;
import vn.motcua.events.appointment.AppointmentReminderDue;
import vn.motcua.events.appointment.AppointmentRescheduled;
import vn.motcua.events.appointment.TicketCalled;
import vn.motcua.events.appointment.TicketServed;
import vn.motcua.events.appointment.TurnNear;
import vn.motcua.events.appointment.VisitorCheckedIn;
import vn.motcua.events.appointment.VisitorNoShow;
import vn.motcua.events.calendar.WorkingCalendarPublished;
import vn.motcua.events.catalog.ChannelPolicyPublished;
import vn.motcua.events.catalog.ProcedurePublished;
import vn.motcua.events.dossier.DossierApprovalRequested;
import vn.motcua.events.dossier.DossierAtRisk;
import vn.motcua.events.dossier.DossierDocumentShared;
import vn.motcua.events.dossier.DossierDraftApproved;
import vn.motcua.events.dossier.DossierDueDateExtended;
import vn.motcua.events.dossier.DossierFeesPriced;
import vn.motcua.events.dossier.DossierFinancialObligationMet;
import vn.motcua.events.dossier.DossierFinancialObligationRequested;
import vn.motcua.events.dossier.DossierOverdue;
import vn.motcua.events.dossier.DossierProcessingStarted;
import vn.motcua.events.dossier.DossierReassigned;
import vn.motcua.events.dossier.DossierReceived;
import vn.motcua.events.dossier.DossierRejected;
import vn.motcua.events.dossier.DossierResultAwaitingCollection;
import vn.motcua.events.dossier.DossierResultReady;
import vn.motcua.events.dossier.DossierResultReadyV1;
import vn.motcua.events.dossier.DossierReturned;
import vn.motcua.events.dossier.DossierRevisionRequested;
import vn.motcua.events.dossier.DossierStopped;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.events.dossier.DossierSubmittedV1;
import vn.motcua.events.dossier.DossierSupplementRequested;
import vn.motcua.events.dossier.DossierSupplemented;
import vn.motcua.events.dossier.DossierTransferred;
import vn.motcua.events.dossier.DossierWithdrawn;
import vn.motcua.events.dossier.PaperDossierHandedBack;
import vn.motcua.events.dossier.PaperDossierTransferred;
import vn.motcua.events.dossier.PaperDossierTurnedAway;
import vn.motcua.events.feedback.FeedbackAnswered;
import vn.motcua.events.feedback.FeedbackFiled;
import vn.motcua.events.notification.NotificationDelivered;
import vn.motcua.events.notification.NotificationFailed;
import vn.motcua.events.notification.NotificationSent;
import vn.motcua.events.payment.PaymentCancelled;
import vn.motcua.events.payment.PaymentCompleted;
import vn.motcua.events.payment.PaymentDueSoon;
import vn.motcua.events.payment.PaymentExpired;
import vn.motcua.events.payment.PaymentFailed;
import vn.motcua.events.payment.PaymentRefundAwaitingCollection;
import vn.motcua.events.payment.PaymentRefunded;
import vn.motcua.events.payment.PaymentRequested;
import vn.motcua.events.payment.ReconciliationMismatch;
import vn.motcua.events.postal.CashCollected;
import vn.motcua.events.postal.CashRemitted;
import vn.motcua.events.postal.OriginalsAwaitingCollection;
import vn.motcua.events.postal.OriginalsAwaitingDecision;
import vn.motcua.events.postal.OriginalsKeptOnFile;
import vn.motcua.events.postal.OriginalsReturnPlanned;
import vn.motcua.events.postal.PaperDossierArrived;
import vn.motcua.events.postal.PaperDossierAwaitingCollection;
import vn.motcua.events.postal.PaperDossierReturnPlanned;
import vn.motcua.events.postal.ReturnAddressConfirmationRequested;
import vn.motcua.events.postal.ShipmentAddressConfirmed;
import vn.motcua.events.postal.ShipmentCancelled;
import vn.motcua.events.postal.ShipmentCashOnDeliveryChanged;
import vn.motcua.events.postal.ShipmentCollectionAbandoned;
import vn.motcua.events.postal.ShipmentCollectionAttemptFailed;
import vn.motcua.events.postal.ShipmentCollectionScheduled;
import vn.motcua.events.postal.ShipmentDelivered;
import vn.motcua.events.postal.ShipmentDeliveryAttemptFailed;
import vn.motcua.events.postal.ShipmentDispatched;
import vn.motcua.events.postal.ShipmentOutForDelivery;
import vn.motcua.events.postal.ShipmentRequested;
import vn.motcua.events.postal.ShipmentReturnedToSender;

/** Every published event record (current versions); the AsyncAPI document must describe each of them. */
public final class EventCatalog {
    public static final List<Class<? extends Event>> ALL = List.of(
            DossierSubmitted.class,
            DossierReceived.class,
            DossierRejected.class,
            DossierProcessingStarted.class,
            DossierReassigned.class,
            DossierSupplementRequested.class,
            DossierSupplemented.class,
            DossierFinancialObligationRequested.class,
            DossierFinancialObligationMet.class,
            DossierResultReady.class,
            DossierResultAwaitingCollection.class,
            DossierReturned.class,
            DossierStopped.class,
            DossierWithdrawn.class,
            PaperDossierTurnedAway.class,
            PaperDossierTransferred.class,
            PaperDossierHandedBack.class,
            DossierAtRisk.class,
            DossierOverdue.class,
            DossierDueDateExtended.class,
            DossierFeesPriced.class,
            DossierTransferred.class,
            DossierDocumentShared.class,
            DossierRevisionRequested.class,
            DossierApprovalRequested.class,
            DossierDraftApproved.class,
            WorkingCalendarPublished.class,
            ChannelPolicyPublished.class,
            ProcedurePublished.class,
            FeedbackFiled.class,
            FeedbackAnswered.class,
            PaymentRequested.class,
            PaymentCompleted.class,
            PaymentFailed.class,
            PaymentDueSoon.class,
            PaymentExpired.class,
            PaymentRefunded.class,
            PaymentCancelled.class,
            PaymentRefundAwaitingCollection.class,
            ReconciliationMismatch.class,
            ShipmentRequested.class,
            ShipmentAddressConfirmed.class,
            ShipmentCancelled.class,
            ShipmentCashOnDeliveryChanged.class,
            ReturnAddressConfirmationRequested.class,
            OriginalsReturnPlanned.class,
            OriginalsAwaitingCollection.class,
            OriginalsAwaitingDecision.class,
            OriginalsKeptOnFile.class,
            PaperDossierReturnPlanned.class,
            PaperDossierAwaitingCollection.class,
            PaperDossierArrived.class,
            ShipmentDelivered.class,
            ShipmentCollectionScheduled.class,
            ShipmentCollectionAttemptFailed.class,
            ShipmentCollectionAbandoned.class,
            ShipmentReturnedToSender.class,
            ShipmentDispatched.class,
            ShipmentOutForDelivery.class,
            ShipmentDeliveryAttemptFailed.class,
            CashCollected.class,
            CashRemitted.class,
            AppointmentBooked.class,
            AppointmentCancelled.class,
            AppointmentRescheduled.class,
            VisitorCheckedIn.class,
            TicketCalled.class,
            TicketServed.class,
            VisitorNoShow.class,
            AppointmentReminderDue.class,
            TurnNear.class,
            NotificationSent.class,
            NotificationFailed.class,
            NotificationDelivered.class);

    /** Older versions still read from the topics; each raises itself to the current version. */
    public static final List<Class<? extends Upcast<?>>> OLDER_VERSIONS = List.of(DossierSubmittedV1.class,
            DossierResultReadyV1.class);

    private static final Map<String, Class<? extends Event>> BY_TYPE_AND_VERSION = Stream
            .concat(ALL.stream(), OLDER_VERSIONS.stream())
            .collect(Collectors.toUnmodifiableMap(EventCatalog::key, Function.identity()));

    private EventCatalog() {
    }

    public static EventContract contractOf(Class<? extends Event> type) {
        EventContract contract = type.getAnnotation(EventContract.class);
        if (contract == null) {
            throw new IllegalArgumentException(type.getName() + " is not annotated with @EventContract");
        }
        return contract;
    }

    /** The record that reads {@code version} of event {@code type}, or null when none does. */
    public static Class<? extends Event> recordFor(String type, int version) {
        return BY_TYPE_AND_VERSION.get(type + "/v" + version);
    }

    private static String key(Class<? extends Event> record) {
        EventContract contract = contractOf(record);
        return contract.type() + "/v" + contract.version();
    }
}
