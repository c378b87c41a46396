package vn.motcua.payment.ordering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.Subscriptions;
import vn.motcua.kit.outbox.AggregateStore;

/** Opens a payment order when a dossier is submitted for a procedure whose fees fall due at intake. */
@Component
class OpensIntakeOrders implements EventSubscriber {
    private static final Logger log = LoggerFactory.getLogger(OpensIntakeOrders.class);

    private final AggregateStore orders;
    private final Clock clock;
    private final Duration payWithin;

    OpensIntakeOrders(AggregateStore orders, Clock clock, @Value("${motcua.payment.pay-within}") Duration payWithin) {
        this.orders = orders;
        this.clock = clock;
        this.payWithin = payWithin;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(DossierSubmitted.class, this::submitted);
    }

    void submitted(IncomingEvent<DossierSubmitted> event) {
        DossierSubmitted submitted = event.data();
        if (submitted.feeTiming() != FeeStage.INTAKE || submitted.totalDue() <= 0) {
            return;
        }
        Instant now = clock.instant();
        String code = submitted.dossier().dossierCode();
        if (!orders.insertOnce(PaymentOrder.open(code, submitted.dossier().ownerCitizenId(), FeeStage.INTAKE,
                submitted.totalDue(), now, now.plus(payWithin), event.eventId()))) {
            log.info("Payment order {} already exists; event {} ignored", PaymentOrder.idFor(code, FeeStage.INTAKE),
                    event.eventId());
        }
    }
}
