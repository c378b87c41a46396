package vn.motcua.payment.refunds;

import org.springframework.stereotype.Component;
import vn.motcua.events.dossier.DossierRejected;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.DossierStopped;
import vn.motcua.events.dossier.DossierWithdrawn;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.Subscriptions;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.PaymentOrderRepository;
import vn.motcua.payment.ordering.PaymentStatus;

/** A dossier refused, withdrawn or stopped gets back what it paid for the fee lines priced as refundable. */
@Component
class RefundsOnClosure implements EventSubscriber {
    private final PaymentOrderRepository orders;
    private final Refunds refunds;

    RefundsOnClosure(PaymentOrderRepository orders, Refunds refunds) {
        this.orders = orders;
        this.refunds = refunds;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(DossierRejected.class, event -> closed(event.data().dossier(), "Hồ sơ bị từ chối: " + event.data().reason()))
                .on(DossierWithdrawn.class, event -> closed(event.data().dossier(), "Hồ sơ được rút: " + event.data().reason()))
                .on(DossierStopped.class, event -> closed(event.data().dossier(), "Hồ sơ dừng xử lý: " + event.data().reason()));
    }

    private void closed(DossierSnapshot dossier, String reason) {
        for (PaymentOrder order : orders.findByDossierCodeOrderByRequestedAt(dossier.dossierCode())) {
            if (order.status() == PaymentStatus.COMPLETED && order.refundableAmount() > 0) {
                refunds.refund(order.id(), order.refundableAmount(), reason, "motcua");
            }
        }
    }
}
