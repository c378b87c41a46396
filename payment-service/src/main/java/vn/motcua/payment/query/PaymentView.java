package vn.motcua.payment.query;

import java.time.Instant;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.payment.ordering.PaymentOrder;

public record PaymentView(String id, String dossierCode, FeeStage stage, long amount, String currency, String status,
        Instant requestedAt, Instant payBy) {

    static PaymentView of(PaymentOrder order) {
        return new PaymentView(order.id(), order.dossierCode(), order.stage(), order.amount(), PaymentOrder.CURRENCY,
                order.status().name(), order.requestedAt(), order.payBy());
    }
}
