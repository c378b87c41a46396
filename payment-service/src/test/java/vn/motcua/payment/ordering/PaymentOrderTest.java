package vn.motcua.payment.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static vn.motcua.payment.ordering.PaymentOrderMother.NOW;
import static vn.motcua.payment.ordering.PaymentOrderMother.PAY_BY;
import static vn.motcua.payment.ordering.PaymentOrderMother.line;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.events.payment.PaymentCancelled;
import vn.motcua.events.payment.PaymentCompleted;
import vn.motcua.events.payment.PaymentDueSoon;
import vn.motcua.events.payment.PaymentExpired;
import vn.motcua.events.payment.PaymentFailed;
import vn.motcua.events.payment.PaymentMethod;
import vn.motcua.events.payment.PaymentRefundAwaitingCollection;
import vn.motcua.events.payment.PaymentRefunded;
import vn.motcua.events.payment.PaymentRequested;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.outbox.Changed;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.testinfra.EventMother;

class PaymentOrderTest {
    private static final String CODE = "000.10.20.30.H29-261124-0001";

    @Test
    void anOrderDueAtOnceIsRequestedFromItsPricedLinesAndAnnounced() {
        Changed<PaymentOrder> opened = PaymentOrder.open(PaymentOrder.idFor(CODE, FeeStage.INTAKE),
                EventMother.snapshot(CODE, "001090000001", ResultDelivery.COUNTER), FeeStage.INTAKE,
                List.of(line(FeeStage.INTAKE, 50_000, true), line(FeeStage.INTAKE, 30_000, false)), true, NOW, PAY_BY);

        PaymentOrder order = opened.aggregate();
        assertThat(order.id()).isEqualTo("PAY-" + CODE + "-INTAKE");
        assertThat(order.status()).isEqualTo(PaymentStatus.REQUESTED);
        assertThat(order.amount()).isEqualTo(80_000);
        assertThat(order.refundableAmount()).isEqualTo(50_000);
        assertThat(opened.events()).containsExactly(new PaymentRequested(order.id(), CODE, "001090000001", FeeStage.INTAKE, 80_000,
                PaymentOrder.CURRENCY, NOW, PAY_BY));
    }

    @Test
    void aLaterStageIsPlannedUntilTheDossierGetsThereAndFallsDueOnce() {
        PaymentOrder order = PaymentOrderMother.opened(CODE, FeeStage.RESULT, ResultDelivery.POST, false, line(FeeStage.RESULT, 20_000, false));
        assertThat(order.status()).isEqualTo(PaymentStatus.PLANNED);
        assertThat(order.collectableByPost()).isTrue();
        assertThat(order.whyNotPayable()).isPresent();

        assertThat(order.fallDue(NOW, PAY_BY)).hasSize(1).first().isInstanceOf(PaymentRequested.class);
        assertThat(order.fallDue(NOW, PAY_BY)).isSameAs(AggregateStore.UNCHANGED);
        assertThat(order.whyNotPayable()).isEmpty();
    }

    @Test
    void theProvidersConfirmationOfAKnownAttemptWithItsAmountCompletesTheOrderOnce() {
        PaymentOrder order = PaymentOrderMother.due(CODE, FeeStage.INTAKE, 80_000);
        order.begin("MCREF1", NOW, NOW.plus(Duration.ofMinutes(15)));

        PaymentOrder.Outcome paid = order.settle(success("MCREF1", 80_000), NOW);
        assertThat(paid.settlement()).isEqualTo(Settlement.CONFIRMED);
        assertThat(paid.events()).singleElement().isInstanceOf(PaymentCompleted.class);
        assertThat(order.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(order.method()).isEqualTo(PaymentMethod.ONLINE);

        assertThat(order.settle(success("MCREF1", 80_000), NOW).settlement()).isEqualTo(Settlement.ALREADY_CONFIRMED);
        assertThat(order.settle(failure("MCREF1", 80_000), NOW).settlement()).isEqualTo(Settlement.ALREADY_CONFIRMED);
        assertThat(order.status()).isEqualTo(PaymentStatus.COMPLETED);
    }

    @Test
    void anUnknownAttemptOrAnotherAmountChangesNothing() {
        PaymentOrder order = PaymentOrderMother.due(CODE, FeeStage.INTAKE, 80_000);
        order.begin("MCREF1", NOW, NOW.plus(Duration.ofMinutes(15)));

        assertThat(order.settle(success("MCOTHER", 80_000), NOW).settlement()).isEqualTo(Settlement.ORDER_NOT_FOUND);
        assertThat(order.settle(success("MCREF1", 8_000), NOW).settlement()).isEqualTo(Settlement.WRONG_AMOUNT);
        assertThat(order.status()).isEqualTo(PaymentStatus.REQUESTED);
        assertThat(order.attempts()).singleElement().extracting(Attempt::state).isEqualTo(Attempt.State.PENDING);
    }

    @Test
    void aFailedAttemptLeavesTheOrderOpenAndMoneyTakenLaterIsNeverIgnored() {
        PaymentOrder order = PaymentOrderMother.due(CODE, FeeStage.INTAKE, 80_000);
        order.begin("MCREF1", NOW, NOW.plus(Duration.ofMinutes(15)));

        assertThat(order.settle(failure("MCREF1", 80_000), NOW).events()).singleElement().isInstanceOf(PaymentFailed.class);
        assertThat(order.status()).isEqualTo(PaymentStatus.REQUESTED);
        assertThat(order.settle(success("MCREF1", 80_000), NOW).events()).singleElement().isInstanceOf(PaymentCompleted.class);
        assertThat(order.status()).isEqualTo(PaymentStatus.COMPLETED);
    }

    @Test
    void aSecondAttemptPaidAfterTheFirstIsSurplusAndCompletesNothingAgain() {
        PaymentOrder order = PaymentOrderMother.due(CODE, FeeStage.INTAKE, 80_000);
        order.begin("MCREF1", NOW, NOW.plus(Duration.ofMinutes(15)));
        order.begin("MCREF2", NOW, NOW.plus(Duration.ofMinutes(15)));
        order.settle(success("MCREF2", 80_000), NOW);

        PaymentOrder.Outcome twice = order.settle(success("MCREF1", 80_000), NOW);
        assertThat(twice.settlement()).isEqualTo(Settlement.CONFIRMED);
        assertThat(twice.events()).isEmpty();
        assertThat(order.attempt("MCREF1").orElseThrow().isSurplus()).isTrue();
        assertThat(order.paidAttempt().orElseThrow().reference()).isEqualTo("MCREF2");
        assertThat(order.attempt("MCREF1").orElseThrow().owesSurplusRefund()).isTrue();
        assertThat(order.surplusRefunded("MCREF1", "15000001", NOW)).containsExactly(new PaymentRefunded(order.id(), CODE, "001090000001",
                FeeStage.INTAKE, 80_000, PaymentMethod.ONLINE, "15000001",
                "Khoản nộp đã được thanh toán trước đó; giao dịch này là thanh toán trùng", NOW));
        assertThat(order.surplusRefunded("MCREF1", "15000002", NOW)).isSameAs(AggregateStore.UNCHANGED);
        assertThat(order.attempt("MCREF1").orElseThrow().surplusRefund()).isEqualTo("15000001");
    }

    @Test
    void anUnpaidOrderExpiresAtItsPayByTimeAndALateConfirmationStillCompletesIt() {
        PaymentOrder order = PaymentOrderMother.due(CODE, FeeStage.OBLIGATION, 80_000);
        order.begin("MCREF1", NOW, NOW.plus(Duration.ofMinutes(15)));
        assertThat(order.expire(PAY_BY.minusSeconds(1))).isSameAs(AggregateStore.UNCHANGED);

        assertThat(order.expire(PAY_BY)).singleElement().isInstanceOf(PaymentExpired.class);
        assertThat(order.whyNotPayable()).as("the fee is owed all the same (ADR 0073)").isEmpty();
        assertThat(order.settle(success("MCREF1", 80_000), PAY_BY.plusSeconds(60)).events()).singleElement()
                .isInstanceOf(PaymentCompleted.class);
        assertThat(order.paidAfterExpiry()).isTrue();
    }

    @Test
    void aClosedDossiersUnpaidOrderIsCancelledOnceAndAnnouncedWithWhetherTheCitizenHadBeenAskedToPay() {
        PaymentOrder due = PaymentOrderMother.due(CODE, FeeStage.INTAKE, 80_000);
        PaymentOrder planned = PaymentOrderMother.opened(CODE, FeeStage.RESULT, ResultDelivery.COUNTER, false, line(FeeStage.RESULT, 20_000,
                false));
        PaymentOrder expired = PaymentOrderMother.due(CODE, FeeStage.OBLIGATION, 50_000);
        expired.expire(PAY_BY);

        assertThat(due.cancel("Hồ sơ được rút: không cần nữa", NOW)).containsExactly(new PaymentCancelled(due.id(), CODE, "001090000001",
                FeeStage.INTAKE, 80_000, true, "Hồ sơ được rút: không cần nữa", NOW));
        assertThat(planned.cancel("Hồ sơ bị từ chối: thiếu giấy tờ", NOW)).singleElement().extracting(e -> ((PaymentCancelled) e).wasDue())
                .isEqualTo(false);
        assertThat(expired.cancel("Hồ sơ dừng xử lý: chết", NOW)).singleElement().extracting(e -> ((PaymentCancelled) e).wasDue())
                .isEqualTo(true);
        assertThat(due.cancel("lần nữa", NOW.plusSeconds(60))).isSameAs(AggregateStore.UNCHANGED);

        assertThat(due.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(due.cancellation()).isEqualTo(new Cancellation("Hồ sơ được rút: không cần nữa", NOW));
        assertThat(due.whyNotPayable()).hasValueSatisfying(why -> assertThat(why).contains("cancelled").contains("không cần nữa"));
        assertThat(planned.fallDue(NOW, PAY_BY)).isSameAs(AggregateStore.UNCHANGED);
        assertThat(planned.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(refusal(() -> due.paidAtCounter(80_000, "officer1", NOW))).isEqualTo("urn:motcua:problem:order-not-payable");
        assertThat(due.status()).isEqualTo(PaymentStatus.CANCELLED);
    }

    @Test
    void aPaidOrderIsNotCancelledAndMoneyTakenAfterCancellationIsSurplusToGiveBack() {
        PaymentOrder paid = PaymentOrderMother.due(CODE, FeeStage.INTAKE, 80_000);
        paid.paidAtCounter(80_000, "officer1", NOW);
        assertThat(paid.cancel("Hồ sơ được rút", NOW)).isSameAs(AggregateStore.UNCHANGED);
        assertThat(paid.status()).isEqualTo(PaymentStatus.COMPLETED);

        PaymentOrder open = PaymentOrderMother.due(CODE, FeeStage.INTAKE, 80_000);
        open.begin("MCREF1", NOW, NOW.plus(Duration.ofMinutes(15)));
        open.cancel("Hồ sơ được rút", NOW);
        PaymentOrder.Outcome late = open.settle(success("MCREF1", 80_000), NOW.plusSeconds(30));
        assertThat(late.settlement()).isEqualTo(Settlement.CONFIRMED);
        assertThat(late.events()).isEmpty();
        assertThat(open.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(open.attempt("MCREF1").orElseThrow().owesSurplusRefund()).isTrue();
        assertThat(open.surplusRefunded("MCREF1", "15000001", NOW)).singleElement().isInstanceOfSatisfying(PaymentRefunded.class,
                refunded -> assertThat(refunded.reason()).isEqualTo("Khoản nộp đã được hủy trước khi giao dịch hoàn tất (Hồ sơ được rút)"));
        assertThat(open.status()).isEqualTo(PaymentStatus.CANCELLED);
    }

    @Test
    void anExpiredOrderIsStillPaidOnlineOnAPageThatGetsItsWholeTime() {
        PaymentOrder order = PaymentOrderMother.due(CODE, FeeStage.RESULT, 300_000);
        order.expire(PAY_BY);
        Instant later = PAY_BY.plus(Duration.ofDays(3));

        Attempt page = order.begin("MCLATE1", later, later.plus(Duration.ofMinutes(15)));
        assertThat(page.expiresAt()).isEqualTo(later.plus(Duration.ofMinutes(15)));
        assertThat(order.settle(success("MCLATE1", 300_000), later.plusSeconds(60)).events()).singleElement()
                .isInstanceOf(PaymentCompleted.class);
        assertThat(order.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(order.paidAfterExpiry()).isTrue();

        PaymentOrder endingSoon = PaymentOrderMother.due(CODE, FeeStage.INTAKE, 80_000);
        assertThat(endingSoon.begin("MCSOON1", PAY_BY.minusSeconds(60), PAY_BY.plus(Duration.ofMinutes(14))).expiresAt())
                .as("not cut short at the pay-by time").isEqualTo(PAY_BY.plus(Duration.ofMinutes(14)));
    }

    @Test
    void onlyAnUnansweredAttemptWhosePageClosedLapsesAndTheProvidersLateAnswerStillCounts() {
        PaymentOrder order = PaymentOrderMother.due(CODE, FeeStage.INTAKE, 80_000);
        Instant closes = NOW.plus(Duration.ofMinutes(15));
        order.begin("MCREF1", NOW, closes);
        order.begin("MCREF2", NOW, closes);
        order.begin("MCREF3", NOW, closes);
        order.settle(failure("MCREF3", 80_000), NOW);

        assertThat(order.lapse(List.of("MCREF1"), closes.minusSeconds(1))).as("its page still takes money").isSameAs(AggregateStore.UNCHANGED);
        assertThat(order.lapse(List.of("MCREF3"), closes)).as("answered").isSameAs(AggregateStore.UNCHANGED);
        assertThat(order.lapse(List.of("MCOTHER"), closes)).isSameAs(AggregateStore.UNCHANGED);
        assertThat(order.lapse(List.of("MCREF1"), closes)).isEmpty();
        assertThat(order.lapse(List.of("MCREF2"), closes)).isEmpty();
        assertThat(order.lapse(List.of("MCREF1"), closes)).isSameAs(AggregateStore.UNCHANGED);
        assertThat(order.attempt("MCREF1").orElseThrow().state()).isEqualTo(Attempt.State.LAPSED);
        assertThat(order.openAttempts(NOW)).as("a lapsed page is not open").extracting(Attempt::reference).isEmpty();

        assertThat(order.settle(failure("MCREF2", 80_000), closes).events()).singleElement().isInstanceOf(PaymentFailed.class);
        assertThat(order.attempt("MCREF2").orElseThrow().state()).isEqualTo(Attempt.State.FAILED);
        assertThat(order.settle(success("MCREF1", 80_000), closes).events()).singleElement().isInstanceOf(PaymentCompleted.class);
        assertThat(order.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(order.paidAttempt().orElseThrow().reference()).isEqualTo("MCREF1");
    }

    @Test
    void thePostmanSettlesOnlyAnOrderThatRidesOnTheResultsShipment() {
        PaymentOrder atCounter = PaymentOrderMother.due(CODE, FeeStage.RESULT, 20_000);
        assertThat(atCounter.collectedByPostman(45_000, "BN-1", NOW)).isSameAs(AggregateStore.UNCHANGED);

        PaymentOrder byPost = PaymentOrderMother.opened(CODE, FeeStage.RESULT, ResultDelivery.POST, true, line(FeeStage.RESULT, 20_000, false));
        assertThat(byPost.collectedByPostman(45_000, "BN-1", NOW)).singleElement().isEqualTo(new PaymentCompleted(byPost.id(), CODE,
                FeeStage.RESULT, 20_000, PaymentMethod.CASH_ON_DELIVERY, NOW, "001090000001"));
        assertThat(byPost.collectedAmount()).isEqualTo(45_000);
        assertThat(byPost.collectedByPostman(45_000, "BN-1", NOW)).isSameAs(AggregateStore.UNCHANGED);
    }

    @Test
    void cashCountedAtTheCounterCompletesADueOrExpiredOrderWhole() {
        PaymentOrder due = PaymentOrderMother.due(CODE, FeeStage.RESULT, 20_000);
        assertThat(due.paidAtCounter(20_000, "officer1", NOW)).singleElement().isEqualTo(new PaymentCompleted(due.id(), CODE,
                FeeStage.RESULT, 20_000, PaymentMethod.CASH_AT_COUNTER, NOW, "001090000001"));
        assertThat(due.paidReference()).as("who took the cash").isEqualTo("officer1");

        PaymentOrder expired = PaymentOrderMother.due(CODE, FeeStage.INTAKE, 30_000);
        expired.expire(PAY_BY);
        assertThat(expired.paidAtCounter(30_000, "officer1", PAY_BY.plusSeconds(60))).singleElement().isInstanceOf(PaymentCompleted.class);
        assertThat(expired.paidAfterExpiry()).isTrue();
    }

    @Test
    void cashAtTheCounterIsRefusedForAnOrderNotDueOrPaidAlreadyAndForAnotherAmount() {
        PaymentOrder planned = PaymentOrderMother.opened(CODE, FeeStage.RESULT, ResultDelivery.COUNTER, false,
                line(FeeStage.RESULT, 20_000, false));
        assertThat(refusal(() -> planned.paidAtCounter(20_000, "officer1", NOW))).isEqualTo("urn:motcua:problem:order-not-payable");

        PaymentOrder due = PaymentOrderMother.due(CODE, FeeStage.RESULT, 20_000);
        assertThat(refusal(() -> due.paidAtCounter(15_000, "officer1", NOW))).isEqualTo("urn:motcua:problem:amount-differs");
        assertThat(due.status()).isEqualTo(PaymentStatus.REQUESTED);

        due.paidAtCounter(20_000, "officer1", NOW);
        assertThat(refusal(() -> due.paidAtCounter(20_000, "officer2", NOW))).isEqualTo("urn:motcua:problem:order-not-payable");
        assertThat(due.paidReference()).isEqualTo("officer1");
    }

    private static String refusal(ThrowingCallable step) {
        return String.valueOf(catchThrowableOfType(ApiProblem.class, step).toProblemDetail().getType());
    }

    @Test
    void aRefundStartsOnceAndIsAnnouncedOnce() {
        PaymentOrder order = PaymentOrderMother.due(CODE, FeeStage.INTAKE, 80_000);
        assertThat(order.startRefund(80_000, "rút hồ sơ", "RF1", null, NOW)).isSameAs(AggregateStore.UNCHANGED);
        order.begin("MCREF1", NOW, NOW.plus(Duration.ofMinutes(15)));
        order.settle(success("MCREF1", 80_000), NOW);

        assertThat(order.startRefund(90_000, "too much", "RF1", null, NOW)).isSameAs(AggregateStore.UNCHANGED);
        assertThat(order.startRefund(80_000, "rút hồ sơ", "RF1", null, NOW)).isEmpty();
        assertThat(order.startRefund(80_000, "rút hồ sơ", "RF1", null, NOW)).isSameAs(AggregateStore.UNCHANGED);
        assertThat(order.refunded("VNP-R1", NOW)).singleElement().isInstanceOf(PaymentRefunded.class);
        assertThat(order.refunded("VNP-R1", NOW)).isSameAs(AggregateStore.UNCHANGED);
        assertThat(order.status()).isEqualTo(PaymentStatus.REFUNDED);
    }

    @Test
    void feesThePostmanCollectsAfterAnOnlinePaymentGoBackOnceThroughTheProviderAndTheCashThenPaysTheOrder() {
        PaymentOrder order = PaymentOrderMother.opened(CODE, FeeStage.RESULT, ResultDelivery.POST, true, line(FeeStage.RESULT, 20_000, false));
        assertThat(order.collectedTwice(45_000, 20_000, "BN-1", "RET-1", NOW, "RC1")).as("not paid yet: the postman's collection pays it")
                .isSameAs(AggregateStore.UNCHANGED);
        order.begin("MCREF1", NOW, NOW.plus(Duration.ofMinutes(15)));
        order.settle(success("MCREF1", 20_000), NOW);
        assertThat(order.collectedTwice(45_000, 0, "BN-1", "RET-1", NOW, "RC1")).as("postage only").isSameAs(AggregateStore.UNCHANGED);

        assertThat(order.collectedTwice(45_000, 20_000, "BN-1", "RET-1", NOW, "RC1")).isEmpty();
        assertThat(order.collectedTwice(45_000, 20_000, "BN-1", "RET-1", NOW, "RC1")).isSameAs(AggregateStore.UNCHANGED);
        assertThat(order.collectedTwice().throughProvider()).isTrue();
        assertThat(order.collectedTwice().amount()).isEqualTo(20_000);
        assertThat(order.standsPaidInCash()).as("a later refund goes back in cash").isTrue();
        assertThat(order.cashReference()).as("the postman's").isEqualTo("BN-1");

        assertThat(order.collectedTwiceGivenBack("VNP-R1", NOW)).singleElement().isEqualTo(new PaymentRefunded(order.id(), CODE,
                "001090000001", FeeStage.RESULT, 20_000, PaymentMethod.ONLINE, "VNP-R1",
                "Ông/Bà đã nộp phí, lệ phí trước khi nhận kết quả nhưng nhân viên bưu điện vẫn thu thêm 20.000 đồng khi phát (biên nhận BN-1)",
                NOW));
        assertThat(order.collectedTwiceGivenBack("VNP-R1", NOW)).isSameAs(AggregateStore.UNCHANGED);
        assertThat(order.collectedTwiceGivenBackInCash()).isSameAs(AggregateStore.UNCHANGED);
        assertThat(order.status()).as("paid, by the postman's cash now").isEqualTo(PaymentStatus.COMPLETED);
    }

    @Test
    void feesCollectedTwiceGoBackInCashWhenPaidAtTheCounterOrWhenTheProviderWillNotRefund() {
        PaymentOrder atCounter = PaymentOrderMother.opened(CODE, FeeStage.RESULT, ResultDelivery.POST, true,
                line(FeeStage.RESULT, 20_000, false));
        atCounter.paidAtCounter(20_000, "officer1", NOW);
        atCounter.collectedTwice(45_000, 20_000, "BN-1", "RET-1", NOW, "RC1");
        assertThat(atCounter.collectedTwice().givenBackAs()).isEqualTo(PaymentMethod.CASH_ON_DELIVERY);
        assertThat(atCounter.collectedTwiceGivenBack("TIEN-MAT-BN-1", NOW)).singleElement()
                .extracting(event -> ((PaymentRefunded) event).method()).isEqualTo(PaymentMethod.CASH_ON_DELIVERY);

        PaymentOrder online = PaymentOrderMother.opened(CODE, FeeStage.RESULT, ResultDelivery.POST, true, line(FeeStage.RESULT, 20_000, false));
        online.begin("MCREF1", NOW, NOW.plus(Duration.ofMinutes(15)));
        online.settle(success("MCREF1", 20_000), NOW);
        online.collectedTwice(45_000, 20_000, "BN-1", "RET-1", NOW, "RC1");
        assertThat(online.collectedTwiceGivenBackInCash()).isEmpty();
        assertThat(online.collectedTwice().givenBackAs()).isEqualTo(PaymentMethod.CASH_ON_DELIVERY);
        assertThat(online.standsPaidInCash()).as("the online payment stands").isFalse();
    }

    @Test
    void cashOwedAtTheCounterIsHandedOverWholeAndOnce() {
        PaymentOrder order = PaymentOrderMother.opened(CODE, FeeStage.RESULT, ResultDelivery.POST, true, line(FeeStage.RESULT, 20_000, true));
        order.paidAtCounter(20_000, "officer1", NOW);
        assertThat(refusal(() -> order.cashPaidOut(20_000, "officer2", NOW))).as("nothing noted yet").isEqualTo("urn:motcua:problem:no-cash-owed");

        order.collectedTwice(45_000, 20_000, "BN-1", "RET-1", NOW, "RC1");
        order.collectedTwiceGivenBack("TIEN-MAT-BN-1", NOW);
        order.startRefund(20_000, "Rút hồ sơ", "RF1", null, NOW);
        order.refundedInCash(NOW);
        assertThat(order.refund().reference()).isEqualTo("TIEN-MAT-officer1");
        assertThat(order.cashOwed()).as("the refund and the postman's cash").isEqualTo(40_000);
        assertThat(order.cashBack()).extracting(CashBack::paidBy, CashBack::amount).containsExactly(
                tuple(PaymentMethod.CASH_AT_COUNTER, 20_000L), tuple(PaymentMethod.CASH_ON_DELIVERY, 20_000L));

        ApiProblem partly = catchThrowableOfType(ApiProblem.class, () -> order.cashPaidOut(20_000, "officer2", NOW));
        assertThat(String.valueOf(partly.toProblemDetail().getType())).isEqualTo("urn:motcua:problem:amount-differs");
        assertThat(partly.toProblemDetail().getProperties()).containsEntry("amount", 40_000L);
        assertThat(order.cashOwed()).as("a refused count changes nothing").isEqualTo(40_000);

        Instant later = NOW.plus(Duration.ofDays(2));
        assertThat(order.cashPaidOut(40_000, "officer2", later)).isEmpty();
        assertThat(order.cashOwed()).isZero();
        assertThat(order.refund().paidOut()).isEqualTo(new CashPaidOut("officer2", later));
        assertThat(order.collectedTwice().paidOut()).isEqualTo(new CashPaidOut("officer2", later));
        assertThat(order.lastCashPaidOut()).contains(new CashPaidOut("officer2", later));
        assertThat(order.cashBack()).as("still listed, handed over").hasSize(2).noneMatch(CashBack::owed);
        assertThat(refusal(() -> order.cashPaidOut(40_000, "officer2", later))).as("paid out before").isEqualTo("urn:motcua:problem:no-cash-owed");
    }

    @Test
    void anUnpaidFeeIsRemindedOnceWithinTwoDaysOfItsPayByTimeAndNotOnceOverdue() {
        PaymentOrder order = PaymentOrderMother.due(CODE, FeeStage.INTAKE, 80_000);
        Duration twoDays = Duration.ofDays(2);
        Instant threeDaysBefore = PAY_BY.minus(Duration.ofDays(3));
        Instant aDayBefore = PAY_BY.minus(Duration.ofDays(1));
        assertThat(order.remindDueSoon(twoDays, threeDaysBefore)).as("time left").isSameAs(AggregateStore.UNCHANGED);

        assertThat(order.remindDueSoon(twoDays, aDayBefore)).containsExactly(new PaymentDueSoon(order.id(), CODE, "001090000001",
                order.agencyCode(), FeeStage.INTAKE, 80_000, PAY_BY, aDayBefore));
        assertThat(order.dueSoonRemindedAt()).isEqualTo(aDayBefore);
        assertThat(order.remindDueSoon(twoDays, aDayBefore.plusSeconds(3600))).as("once").isSameAs(AggregateStore.UNCHANGED);

        PaymentOrder overdue = PaymentOrderMother.due(CODE, FeeStage.INTAKE, 80_000);
        assertThat(overdue.remindDueSoon(twoDays, PAY_BY)).as("the expiry tells that").isSameAs(AggregateStore.UNCHANGED);
        overdue.expire(PAY_BY);
        assertThat(overdue.remindDueSoon(twoDays, aDayBefore)).as("expired").isSameAs(AggregateStore.UNCHANGED);
    }

    @Test
    void noReminderForAFeePaidPlannedBeingPaidCollectedAtTheDoorOrAskedWithinTheWindow() {
        Duration twoDays = Duration.ofDays(2);
        Instant aDayBefore = PAY_BY.minus(Duration.ofDays(1));
        PaymentOrder paid = PaymentOrderMother.due(CODE, FeeStage.INTAKE, 80_000);
        paid.paidAtCounter(80_000, "officer1", NOW);
        assertThat(paid.remindDueSoon(twoDays, aDayBefore)).as("paid").isSameAs(AggregateStore.UNCHANGED);

        PaymentOrder planned = PaymentOrderMother.opened(CODE, FeeStage.RESULT, ResultDelivery.COUNTER, false, line(FeeStage.RESULT, 50_000, true));
        assertThat(planned.remindDueSoon(twoDays, aDayBefore)).as("not due").isSameAs(AggregateStore.UNCHANGED);

        PaymentOrder paying = PaymentOrderMother.due(CODE, FeeStage.INTAKE, 80_000);
        paying.begin("REF-OPEN", aDayBefore.minusSeconds(60), aDayBefore.plus(Duration.ofMinutes(14)));
        assertThat(paying.remindDueSoon(twoDays, aDayBefore)).as("a page open").isSameAs(AggregateStore.UNCHANGED);
        assertThat(paying.remindDueSoon(twoDays, aDayBefore.plus(Duration.ofMinutes(15)))).as("once it closed").hasSize(1);

        PaymentOrder atTheDoor = PaymentOrderMother.opened(CODE, FeeStage.RESULT, ResultDelivery.POST, true, line(FeeStage.RESULT, 50_000, true));
        assertThat(atTheDoor.remindDueSoon(twoDays, aDayBefore)).as("the postman collects it").isSameAs(AggregateStore.UNCHANGED);

        PaymentOrder askedLate = PaymentOrderMother.dueAt(CODE, FeeStage.INTAKE, 80_000, NOW);
        Duration eightDays = Duration.ofDays(8);
        assertThat(askedLate.remindDueSoon(eightDays, NOW.plus(Duration.ofDays(6)))).as("asked within the window")
                .isSameAs(AggregateStore.UNCHANGED);
    }

    @Test
    void aFeeThePostmanCollectsIsNotOverdueWhileTheResultIsWithThePost() {
        PaymentOrder atTheDoor = PaymentOrderMother.opened(CODE, FeeStage.RESULT, ResultDelivery.POST, true, line(FeeStage.RESULT, 50_000, true));
        Instant aWeekLate = PAY_BY.plus(Duration.ofDays(7));
        assertThat(atTheDoor.expire(aWeekLate)).as("the post takes its time").isSameAs(AggregateStore.UNCHANGED);
        assertThat(atTheDoor.status()).isEqualTo(PaymentStatus.REQUESTED);
        assertThat(atTheDoor.collectedByPostman(50_000, "COD-1", aWeekLate)).singleElement().isInstanceOf(PaymentCompleted.class);
        assertThat(atTheDoor.paidAfterExpiry()).as("never overdue").isFalse();
    }

    @Test
    void aResultBroughtBackUndeliveredLeavesItsFeeAWeekToPayAtTheCounterThenItFallsOverdue() {
        PaymentOrder order = PaymentOrderMother.opened(CODE, FeeStage.RESULT, ResultDelivery.POST, true, line(FeeStage.RESULT, 50_000, true));
        Duration aWeek = Duration.ofDays(7);
        Instant broughtBack = PAY_BY.plus(Duration.ofDays(3));

        assertThat(order.leftToCounter(aWeek, broughtBack)).isEmpty();
        assertThat(order.leftToCounterAt()).isEqualTo(broughtBack);
        assertThat(order.payBy()).as("a week from its return").isEqualTo(broughtBack.plus(aWeek));
        assertThat(order.leftToCounter(aWeek, broughtBack.plusSeconds(60))).as("once").isSameAs(AggregateStore.UNCHANGED);
        assertThat(order.expire(broughtBack.plus(Duration.ofDays(6)))).isSameAs(AggregateStore.UNCHANGED);
        assertThat(order.remindDueSoon(Duration.ofDays(2), broughtBack.plus(Duration.ofDays(6)))).as("reminded as any fee")
                .singleElement().isInstanceOf(PaymentDueSoon.class);
        assertThat(order.expire(broughtBack.plus(aWeek))).singleElement().isInstanceOf(PaymentExpired.class);

        PaymentOrder early = PaymentOrderMother.opened(CODE, FeeStage.RESULT, ResultDelivery.POST, true, line(FeeStage.RESULT, 50_000, true));
        Instant theDayAfter = NOW.plus(Duration.ofDays(1));
        early.leftToCounter(Duration.ofDays(3), theDayAfter);
        assertThat(early.payBy()).as("the date told stands when it leaves more time").isEqualTo(PAY_BY);
    }

    @Test
    void aResultBroughtBackChangesNoFeeThePostmanWasNotToCollectOrThatIsNoLongerOwed() {
        Instant broughtBack = PAY_BY.plus(Duration.ofDays(3));
        PaymentOrder atTheCounter = PaymentOrderMother.due(CODE, FeeStage.RESULT, 50_000);
        assertThat(atTheCounter.leftToCounter(Duration.ofDays(7), broughtBack)).isSameAs(AggregateStore.UNCHANGED);
        assertThat(atTheCounter.payBy()).isEqualTo(PAY_BY);

        PaymentOrder paidOnline = PaymentOrderMother.opened(CODE, FeeStage.RESULT, ResultDelivery.POST, true, line(FeeStage.RESULT, 50_000, true));
        paidOnline.paidAtCounter(50_000, "officer1", NOW);
        assertThat(paidOnline.leftToCounter(Duration.ofDays(7), broughtBack)).isSameAs(AggregateStore.UNCHANGED);
        assertThat(paidOnline.leftToCounterAt()).isNull();
    }

    @Test
    void aCitizenWhoDoesNotComeForTheCashOwedIsRemindedOnceWhenItHasWaitedAndNotOnceItIsHandedOver() {
        PaymentOrder order = PaymentOrderMother.due(CODE, FeeStage.INTAKE, 80_000);
        Instant fortnightAfter = NOW.plus(Duration.ofDays(14));
        assertThat(order.remindCashOwed(fortnightAfter, fortnightAfter)).as("nothing owed").isSameAs(AggregateStore.UNCHANGED);
        order.paidAtCounter(80_000, "officer1", NOW);
        order.startRefund(80_000, "Rút hồ sơ", "RF1", null, NOW);
        order.refundedInCash(NOW);

        assertThat(order.remindCashOwed(NOW.minusSeconds(1), fortnightAfter)).as("noted later than that").isSameAs(AggregateStore.UNCHANGED);
        assertThat(order.remindCashOwed(NOW, fortnightAfter)).containsExactly(new PaymentRefundAwaitingCollection(order.id(), CODE,
                "001090000001", order.agencyCode(), 80_000, NOW, fortnightAfter));
        assertThat(order.cashOwedRemindedAt()).isEqualTo(fortnightAfter);
        assertThat(order.remindCashOwed(fortnightAfter, fortnightAfter.plus(Duration.ofDays(1)))).as("once")
                .isSameAs(AggregateStore.UNCHANGED);

        PaymentOrder handedOver = PaymentOrderMother.due(CODE, FeeStage.INTAKE, 80_000);
        handedOver.paidAtCounter(80_000, "officer1", NOW);
        handedOver.startRefund(80_000, "Rút hồ sơ", "RF1", null, NOW);
        handedOver.refundedInCash(NOW);
        handedOver.cashPaidOut(80_000, "officer1", NOW.plus(Duration.ofDays(3)));
        assertThat(handedOver.remindCashOwed(fortnightAfter, fortnightAfter)).isSameAs(AggregateStore.UNCHANGED);
    }

    @Test
    void aRefundThroughTheProviderOwesNoCash() {
        PaymentOrder order = PaymentOrderMother.due(CODE, FeeStage.INTAKE, 80_000);
        order.begin("MCREF1", NOW, NOW.plus(Duration.ofMinutes(15)));
        order.settle(success("MCREF1", 80_000), NOW);
        order.startRefund(80_000, "rút hồ sơ", "RF1", null, NOW);
        order.refunded("VNP-R1", NOW);

        assertThat(order.refund().inCash()).isFalse();
        assertThat(order.cashOwed()).isZero();
        assertThat(refusal(() -> order.cashPaidOut(80_000, "officer1", NOW))).isEqualTo("urn:motcua:problem:no-cash-owed");
    }

    @Test
    void eachObligationIsAnOrderOfItsOwn() {
        Instant later = NOW.plus(Duration.ofDays(3));
        assertThat(PaymentOrder.obligationIdFor(CODE, NOW)).isNotEqualTo(PaymentOrder.obligationIdFor(CODE, later))
                .startsWith(PaymentOrder.idFor(CODE, FeeStage.OBLIGATION));
    }

    private static ProviderResult success(String reference, long amount) {
        return new ProviderResult(reference, amount, true, "00", "14000001", NOW);
    }

    private static ProviderResult failure(String reference, long amount) {
        return new ProviderResult(reference, amount, false, "24", "0", null);
    }
}
