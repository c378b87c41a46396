package vn.motcua.payment.closure;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.events.dossier.DossierRejected;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.DossierStopped;
import vn.motcua.events.dossier.DossierWithdrawn;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.Subscriptions;
import vn.motcua.payment.ordering.Orders;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.PaymentOrderRepository;
import vn.motcua.payment.ordering.PaymentStatus;
import vn.motcua.payment.refunds.Refunds;

/**
 * A dossier refused, withdrawn or stopped owes nothing more: what it has not paid is cancelled (ADR 0072), and what it paid for
 * the fee lines priced as refundable goes back. Each step finds its own done when the event comes again.
 */
@Component
class ClosedDossiers implements EventSubscriber {
    private final PaymentOrderRepository repository;
    private final Orders orders;
    private final Refunds refunds;
    private final Clock clock;

    ClosedDossiers(PaymentOrderRepository repository, Orders orders, Refunds refunds, Clock clock) {
        this.repository = repository;
        this.orders = orders;
        this.refunds = refunds;
        this.clock = clock;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(DossierRejected.class, event -> closed(event.data().dossier(), "Hồ sơ bị từ chối: " + event.data().reason()))
                .on(DossierWithdrawn.class, event -> closed(event.data().dossier(), "Hồ sơ được rút: " + event.data().reason()))
                .on(DossierStopped.class, event -> closed(event.data().dossier(), "Hồ sơ dừng xử lý: " + event.data().reason()));
    }

    /** The cancellations first: they are the platform's own writes, and a provider out of reach must not hold them back. */
    private void closed(DossierSnapshot dossier, String reason) {
        List<PaymentOrder> ofTheDossier = repository.findByDossierCodeOrderByRequestedAt(dossier.dossierCode());
        for (PaymentOrder order : ofTheDossier) {
            if (order.unpaid()) {
                orders.change(order.id(), unpaid -> unpaid.cancel(reason, clock.instant()));
            }
        }
        for (PaymentOrder order : ofTheDossier) {
            if (order.status() == PaymentStatus.COMPLETED && order.refundableAmount() > 0) {
                refunds.refund(order.id(), order.refundableAmount(), reason, "motcua");
            }
        }
    }
}
