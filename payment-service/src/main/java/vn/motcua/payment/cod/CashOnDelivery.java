package vn.motcua.payment.cod;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.events.postal.CashCollected;
import vn.motcua.events.postal.CashRemitted;
import vn.motcua.events.postal.ShipmentDelivered;
import vn.motcua.events.postal.ShipmentPurpose;
import vn.motcua.events.postal.ShipmentReturnedToSender;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.Subscriptions;
import vn.motcua.kit.time.CivilTime;
import vn.motcua.payment.ordering.Orders;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.PaymentOrderRepository;
import vn.motcua.payment.provider.PaymentProvider;
import vn.motcua.payment.reconciliation.Mismatches;
import vn.motcua.payment.refunds.Refunds;

/**
 * Fees paid to the postman: the operator's cash-collected report settles the dossier's
 * result-stage order (the one that rides on the result's shipment) with the postman's receipt
 * number; its daily remittance is matched against what was collected, and each difference is
 * recorded as a mismatch. Fees the postman collected for an order already paid online or at the
 * counter are a mismatch of their own (PAID_TWICE), and go back to the citizen (ADR 0067); a
 * collection of postage only settles nothing. A result the post brings back to the agency undelivered, or an officer
 * hands over instead of the post, leaves its fee to the counter or the portal, with time to pay it (ADR 0078).
 */
@Component
class CashOnDelivery implements EventSubscriber {
    private static final Logger log = LoggerFactory.getLogger(CashOnDelivery.class);

    private final PaymentOrderRepository repository;
    private final Orders orders;
    private final Mismatches mismatches;
    private final Refunds refunds;
    private final Clock clock;
    private final Duration payWithin;

    CashOnDelivery(PaymentOrderRepository repository, Orders orders, Mismatches mismatches, Refunds refunds, Clock clock,
            @Value("${motcua.payment.pay-within}") Duration payWithin) {
        this.repository = repository;
        this.orders = orders;
        this.mismatches = mismatches;
        this.refunds = refunds;
        this.clock = clock;
        this.payWithin = payWithin;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(CashCollected.class, this::collected).on(CashRemitted.class, this::remitted)
                .on(ShipmentReturnedToSender.class, event -> leftToCounter(event.data().purpose(), event.data().dossierCode()))
                .on(ShipmentDelivered.class, event -> {
                    if (event.data().handedOverBy() != null) {
                        leftToCounter(event.data().purpose(), event.data().dossierCode());
                    }
                });
    }

    private void leftToCounter(ShipmentPurpose purpose, String dossierCode) {
        if (purpose != ShipmentPurpose.RESULT_RETURN || dossierCode == null) {
            return;
        }
        String id = PaymentOrder.idFor(dossierCode, FeeStage.RESULT);
        if (repository.existsById(id)) {
            orders.change(id, order -> order.leftToCounter(payWithin, clock.instant()));
        }
    }

    private void collected(IncomingEvent<CashCollected> event) {
        CashCollected cash = event.data();
        if (cash.dossierCode() == null) {
            return;
        }
        String id = PaymentOrder.idFor(cash.dossierCode(), FeeStage.RESULT);
        PaymentOrder order = repository.findById(id).orElse(null);
        if (order == null || cash.feesCollected() == 0) {
            log.info("Cash collected for {} with no result-stage fees to settle (postage only)", cash.dossierCode());
            return;
        }
        if (order.paidOtherwiseThanByPostman()) {
            // Paid online or at the counter, and the postman collected the fees too: the citizen gets them back (ADR 0067).
            log.warn("The postman collected {} đồng of fees for {}, already paid {}", cash.feesCollected(), id, order.method());
            mismatches.postal(LocalDate.ofInstant(cash.collectedAt(), CivilTime.VIETNAM), cash.shipmentId(), id, order.amount(), cash.feesCollected(),
                    Mismatches.PAID_TWICE);
            try {
                refunds.giveBackCollectedTwice(id, cash.amount(), cash.feesCollected(), cash.receiptNumber(), cash.shipmentId(),
                        cash.collectedAt());
            } catch (PaymentProvider.Unavailable away) {
                // Recorded, and asked for again later (UnfinishedGiveBacks): the event itself was handled.
                log.warn("The refund of {} paid twice waits for the provider: {}", id, away.getMessage());
            }
            return;
        }
        orders.change(id, o -> o.collectedByPostman(cash.amount(), cash.receiptNumber(), clock.instant()));
    }

    private void remitted(IncomingEvent<CashRemitted> event) {
        CashRemitted remittance = event.data();
        for (CashRemitted.RemittedItem item : remittance.items()) {
            if (!item.carriesFees()) {
                // Postage only, the fees paid otherwise before delivery: the postal service's to reconcile.
                continue;
            }
            PaymentOrder order = item.dossierCode() == null ? null
                    : repository.findById(PaymentOrder.idFor(item.dossierCode(), FeeStage.RESULT)).orElse(null);
            Long collected = order == null ? null : order.postmansCollection();
            if (collected == null) {
                // Postage-only collections are the postal service's to reconcile; fees remitted for an order
                // the postman never settled are the platform's concern.
                if (order != null) {
                    mismatches.postal(remittance.day(), item.shipmentId(), order.id(), 0, item.amount(), "MISSING_IN_PLATFORM");
                }
                continue;
            }
            if (collected != item.amount()) {
                mismatches.postal(remittance.day(), item.shipmentId(), order.id(), collected, item.amount(), "AMOUNT_DIFFERS");
            }
            orders.change(order.id(), o -> o.remitted(remittance.remittanceId()));
        }
    }
}
