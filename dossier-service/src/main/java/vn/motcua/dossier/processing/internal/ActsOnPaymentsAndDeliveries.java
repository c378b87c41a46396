package vn.motcua.dossier.processing.internal;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.core.NationalStatus;
import vn.motcua.dossier.processing.Lifecycle;
import vn.motcua.dossier.storage.DossierRepository;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.events.payment.PaymentCompleted;
import vn.motcua.events.postal.ShipmentDelivered;
import vn.motcua.events.postal.ShipmentPurpose;
import vn.motcua.events.postal.ShipmentReturnedToSender;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.Subscriptions;

/**
 * What other services tell the dossier-service: a paid intake fee lets a dossier whose procedure
 * waits for it be received; a paid financial obligation lets processing resume; a confirmed postal delivery of the result returns it; a result the operator brought
 * back waits at the counter. Each event is applied to the
 * dossier once (its id is recorded in the same write); one that does not fit the dossier's
 * status any more (withdrawn meanwhile, say) is logged and skipped.
 */
@Component
class ActsOnPaymentsAndDeliveries implements EventSubscriber {
    private static final Logger log = LoggerFactory.getLogger(ActsOnPaymentsAndDeliveries.class);

    private final DossierRepository dossiers;
    private final Lifecycle lifecycle;

    ActsOnPaymentsAndDeliveries(DossierRepository dossiers, Lifecycle lifecycle) {
        this.dossiers = dossiers;
        this.lifecycle = lifecycle;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(PaymentCompleted.class, this::paid).on(ShipmentDelivered.class, this::delivered)
                .on(ShipmentReturnedToSender.class, this::returnedToSender);
    }

    private void paid(IncomingEvent<PaymentCompleted> event) {
        PaymentCompleted payment = event.data();
        if (payment.stage() == FeeStage.OBLIGATION) {
            dossierIn(payment.dossierCode(), NationalStatus.FINANCIAL_OBLIGATION_REQUESTED, event)
                    .ifPresent(dossier -> lifecycle.obligationPaid(dossier, event.eventId(), payment.paymentId()));
        } else if (payment.stage() == FeeStage.INTAKE) {
            dossiers.findById(payment.dossierCode()).filter(dossier -> !dossier.hasApplied(event.eventId()))
                    .ifPresent(dossier -> lifecycle.intakeFeePaid(dossier, event.eventId()));
        } else if (payment.stage() == FeeStage.RESULT) {
            dossiers.findById(payment.dossierCode()).filter(dossier -> !dossier.hasApplied(event.eventId()))
                    .ifPresent(dossier -> lifecycle.resultFeePaid(dossier, event.eventId()));
        }
    }

    private void delivered(IncomingEvent<ShipmentDelivered> event) {
        ShipmentDelivered delivery = event.data();
        if (delivery.purpose() == ShipmentPurpose.RESULT_RETURN) {
            dossierIn(delivery.dossierCode(), NationalStatus.RESULT_READY, event)
                    .ifPresent(dossier -> lifecycle.returnedByPost(dossier, event.eventId(), delivery.shipmentId()));
        }
    }

    private void returnedToSender(IncomingEvent<ShipmentReturnedToSender> event) {
        ShipmentReturnedToSender returned = event.data();
        if (returned.purpose() == ShipmentPurpose.RESULT_RETURN) {
            dossierIn(returned.dossierCode(), NationalStatus.RESULT_READY, event).ifPresent(dossier -> lifecycle
                    .resultBackFromPost(dossier, event.eventId(), returned.shipmentId(), returned.lastReason()));
        }
    }

    private Optional<Dossier> dossierIn(String code, NationalStatus expected, IncomingEvent<?> event) {
        Optional<Dossier> dossier = dossiers.findById(code);
        if (dossier.isEmpty()) {
            log.warn("{} {} names unknown dossier {}; skipped", event.type(), event.eventId(), code);
            return Optional.empty();
        }
        if (dossier.get().hasApplied(event.eventId())) {
            log.info("{} {} was applied to dossier {} before; skipped", event.type(), event.eventId(), code);
            return Optional.empty();
        }
        if (dossier.get().status() != expected) {
            log.info("{} {} for dossier {} in status {}: not applicable; skipped", event.type(), event.eventId(), code,
                    dossier.get().status().code());
            return Optional.empty();
        }
        return dossier;
    }
}
