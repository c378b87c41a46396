package vn.motcua.payment.ordering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.motcua.events.dossier.DossierFeesPriced;
import vn.motcua.events.dossier.DossierResultReady;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.DossierSupplementRequested;
import vn.motcua.events.dossier.PricedFeeLine;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.Subscriptions;
import vn.motcua.kit.outbox.AggregateStore;

/**
 * Opens payment orders from the fee lines the dossier service priced, never from a catalog of
 * its own: at submission an order per stage that owes money (intake due at once, supplement and
 * result planned until the dossier gets there), at a financial obligation one due at once. A
 * planned order falls due when the dossier asks for a supplement or its result is ready.
 */
@Component
class OpensOrders implements EventSubscriber {
    private static final Logger log = LoggerFactory.getLogger(OpensOrders.class);

    private final AggregateStore orders;
    private final PaymentOrderRepository repository;
    private final Clock clock;
    private final Duration payWithin;

    OpensOrders(AggregateStore orders, PaymentOrderRepository repository, Clock clock,
            @Value("${motcua.payment.pay-within}") Duration payWithin) {
        this.orders = orders;
        this.repository = repository;
        this.clock = clock;
        this.payWithin = payWithin;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(DossierFeesPriced.class, this::priced)
                .on(DossierSupplementRequested.class, event -> reached(event.data().dossier(), FeeStage.SUPPLEMENT))
                .on(DossierResultReady.class, event -> reached(event.data().dossier(), FeeStage.RESULT));
    }

    void priced(IncomingEvent<DossierFeesPriced> event) {
        DossierFeesPriced priced = event.data();
        Instant now = clock.instant();
        Map<FeeStage, List<PricedFeeLine>> byStage = priced.lines().stream()
                .collect(Collectors.groupingBy(PricedFeeLine::stage, () -> new EnumMap<>(FeeStage.class), Collectors.toList()));
        byStage.forEach((stage, lines) -> {
            if (lines.stream().mapToLong(PricedFeeLine::amount).sum() <= 0) {
                return;
            }
            String code = priced.dossier().dossierCode();
            String id = stage == FeeStage.OBLIGATION ? PaymentOrder.obligationIdFor(code, priced.pricedAt())
                    : PaymentOrder.idFor(code, stage);
            boolean dueNow = stage == FeeStage.INTAKE || stage == FeeStage.OBLIGATION;
            if (!orders.insertOnce(PaymentOrder.open(id, priced.dossier(), stage, lines, dueNow, now, now.plus(payWithin)))) {
                log.info("Payment order {} already exists; event {} ignored", id, event.eventId());
            }
        });
    }

    private void reached(DossierSnapshot dossier, FeeStage stage) {
        String id = PaymentOrder.idFor(dossier.dossierCode(), stage);
        if (!repository.existsById(id)) {
            return;
        }
        Instant now = clock.instant();
        orders.updateRetrying(() -> repository.findById(id).orElseThrow(), order -> order.fallDue(now, now.plus(payWithin)));
    }
}
