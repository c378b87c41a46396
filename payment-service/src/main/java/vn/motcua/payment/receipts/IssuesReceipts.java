package vn.motcua.payment.receipts;

import org.springframework.stereotype.Component;
import vn.motcua.events.payment.PaymentCompleted;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.Subscriptions;
import vn.motcua.kit.time.CivilTime;
import vn.motcua.payment.ordering.Orders;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.PaymentOrderRepository;
import vn.motcua.payment.receipts.internal.ReceiptBook;

/**
 * Issues the e-receipt of every completed payment from the service's own {@code PaymentCompleted}:
 * the event is stored with the completion, so a crash after it never leaves a payment without
 * its receipt, and a redelivery gets the number it had.
 */
@Component
class IssuesReceipts implements EventSubscriber {

    private final PaymentOrderRepository repository;
    private final Orders orders;
    private final ReceiptBook book;

    IssuesReceipts(PaymentOrderRepository repository, Orders orders, ReceiptBook book) {
        this.repository = repository;
        this.orders = orders;
        this.book = book;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(PaymentCompleted.class, this::completed);
    }

    private void completed(IncomingEvent<PaymentCompleted> event) {
        PaymentOrder order = repository.findById(event.data().paymentId()).orElse(null);
        if (order == null || order.receiptNumber() != null) {
            return;
        }
        issue(order);
    }

    String issue(PaymentOrder order) {
        String series = seriesOf(order);
        long number = book.number(order.id(), series);
        String receiptNumber = series + "/" + String.format("%07d", number);
        orders.change(order.id(), o -> o.receiptIssued(receiptNumber));
        return receiptNumber;
    }

    /** One series per agency and calendar year (Việt Nam time), as receipt books are kept. */
    static String seriesOf(PaymentOrder order) {
        String agency = order.agencyCode() == null ? "KHONG-RO" : order.agencyCode();
        return agency + "/" + order.completedAt().atZone(CivilTime.VIETNAM).getYear();
    }
}
