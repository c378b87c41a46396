package vn.motcua.payment.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.payment.PaymentSteps;
import vn.motcua.payment.WithProviderSimulator;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.provider.internal.SignedCallbacks;
import vn.motcua.payment.receipts.internal.ReceiptBook;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.KafkaProbe;

class ReceiptsIT extends WithProviderSimulator {
    private static final int PAYMENTS = 200;

    @Autowired
    ReceiptBook book;

    @Test
    void twoHundredPaymentsCompletedAtOnceGetReceiptsNumberedOneToTwoHundredInTheirAgencysSeries() throws Exception {
        String agency = "000.99." + (System.nanoTime() % 100_000) + ".H29";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            String code = agency + "-261201-" + String.format("%04d", i);
            DossierSnapshot dossier = EventMother.snapshot(code, CITIZEN_1, agency, ResultDelivery.COUNTER, 1);
            KafkaProbe.send(EventMother.record(EventMother.feesPriced(dossier, EventMother.feeLine(FeeStage.INTAKE, 10_000 + i, true))));
            ids.add(PaymentOrder.idFor(code, FeeStage.INTAKE));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(orders::existsById));
        List<PaymentSteps.Checkout> checkouts = new ArrayList<>();
        for (String id : ids) {
            checkouts.add(steps.checkout(id, CITIZEN_1));
        }

        try (ExecutorService provider = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> answers = checkouts.stream().map(c -> provider.submit(() -> PaymentSteps.ipn(SignedCallbacks.ipn(
                    c.reference(), c.amount(), true, "15" + c.reference().hashCode())))).toList();
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo("00");
            }
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> ids.stream().allMatch(id -> orders.findById(id).orElseThrow().receiptNumber() != null));
        Set<String> numbers = ids.stream().map(id -> orders.findById(id).orElseThrow().receiptNumber()).collect(Collectors.toSet());
        String series = agency + "/";
        assertThat(numbers).hasSize(PAYMENTS).allMatch(n -> n.startsWith(series));
        Set<Long> sequence = numbers.stream().map(n -> Long.parseLong(n.substring(n.lastIndexOf('/') + 1)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(sequence).containsExactlyElementsOf(LongStream.rangeClosed(1, PAYMENTS).boxed().toList());
    }

    @Test
    void numberingTheSameReceiptsFromManyThreadsAtOnceGivesEachOrderOneNumberWithNoGap() throws Exception {
        String series = "TEST-" + UUID.randomUUID() + "/2026";
        int receipts = 100;
        List<Future<Long>> numbered = new ArrayList<>();
        try (ExecutorService issuers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int copy = 0; copy < 2; copy++) {
                for (int i = 0; i < receipts; i++) {
                    String order = series + "-order-" + i;
                    numbered.add(issuers.submit(() -> numberPatiently(order, series)));
                }
            }
        }
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        for (int i = 0; i < numbered.size(); i++) {
            (i < receipts ? first : second).add(numbered.get(i).get());
        }
        assertThat(second).isEqualTo(first);
        assertThat(new TreeSet<>(first)).containsExactlyElementsOf(LongStream.rangeClosed(1, receipts).boxed().toList());
    }

    /** Another issuer holding an order's receipt makes this one wait, as the event's redelivery would. */
    private long numberPatiently(String order, String series) throws InterruptedException {
        while (true) {
            try {
                return book.number(order, series);
            } catch (ReceiptBook.BeingIssued busy) {
                Thread.sleep(20);
            }
        }
    }
}
