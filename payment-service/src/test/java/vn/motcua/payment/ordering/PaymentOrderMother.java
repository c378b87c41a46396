package vn.motcua.payment.ordering;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.FeeBasis;
import vn.motcua.events.dossier.PricedFeeLine;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.testinfra.EventMother;

/** Orders as the fee lines of a dossier open them. */
public final class PaymentOrderMother {
    public static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
    public static final Instant PAY_BY = Instant.parse("2026-12-01T03:00:00Z");

    private PaymentOrderMother() {
    }

    public static PricedFeeLine line(FeeStage stage, long amount, boolean refundable) {
        return new PricedFeeLine(stage, "LE_PHI", FeeBasis.DOSSIER, 1, amount, amount, null, amount, refundable, 3);
    }

    public static PaymentOrder due(String code, FeeStage stage, long amount) {
        return opened(code, stage, ResultDelivery.COUNTER, true, line(stage, amount, true));
    }

    /** Due from that time (a week to pay), its one line refundable. */
    public static PaymentOrder dueAt(String code, FeeStage stage, long amount, Instant at) {
        return PaymentOrder.open(PaymentOrder.idFor(code, stage), EventMother.snapshot(code, "001090000001", ResultDelivery.COUNTER), stage,
                List.of(line(stage, amount, true)), true, at, at.plus(Duration.ofDays(7))).aggregate();
    }

    /** An intake fee of that citizen's dossier, asked for (due) or planned for later, at that time. */
    public static PaymentOrder intakeFeeOf(String citizenId, String code, boolean due, Instant at) {
        DossierSnapshot dossier = EventMother.snapshot(code, citizenId, ResultDelivery.COUNTER);
        return PaymentOrder.open(PaymentOrder.idFor(code, FeeStage.INTAKE), dossier, FeeStage.INTAKE,
                List.of(line(FeeStage.INTAKE, 30_000, true)), due, at, at.plus(Duration.ofDays(7))).aggregate();
    }

    public static PaymentOrder opened(String code, FeeStage stage, ResultDelivery delivery, boolean due, PricedFeeLine... lines) {
        DossierSnapshot dossier = EventMother.snapshot(code, "001090000001", delivery);
        return PaymentOrder.open(PaymentOrder.idFor(code, stage), dossier, stage, List.of(lines), due, NOW, PAY_BY).aggregate();
    }
}
