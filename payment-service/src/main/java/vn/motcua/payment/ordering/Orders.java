package vn.motcua.payment.ordering;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import vn.motcua.events.Event;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.ReachedFirst;
import vn.motcua.kit.security.Role;

/** Finding an order for a caller, and changing one with retries when a concurrent write won first. */
@Component
public class Orders implements ReachedFirst.Reach {
    private final PaymentOrderRepository repository;
    private final AggregateStore store;

    Orders(PaymentOrderRepository repository, AggregateStore store) {
        this.repository = repository;
        this.store = store;
    }

    /** The order, when the caller may see it: its owner, or staff and the ops team of its agency. Otherwise 404. */
    public PaymentOrder readableBy(String id, Caller caller) {
        PaymentOrder order = repository.findById(id).orElseThrow(() -> ApiProblem.notFound("Payment order", id));
        if (!mayRead(order, caller)) {
            throw ApiProblem.notFound("Payment order", id);
        }
        return order;
    }

    /** An order not the caller's is 404 before a request about it is read (ADR 0039). */
    @Override
    public void check(String id, Caller caller) {
        readableBy(id, caller);
    }

    public static boolean mayRead(PaymentOrder order, Caller caller) {
        return caller.isCitizen(order.ownerCitizenId()) || caller.worksFor(order.agencyCode()) || caller.has(Role.OPS);
    }

    public PaymentOrder change(String id, Function<PaymentOrder, List<? extends Event>> change) {
        return store.updateRetrying(() -> repository.findById(id).orElseThrow(() -> ApiProblem.notFound("Payment order", id)),
                change);
    }

    /**
     * Applies the change to each candidate as it is stored now (a round's query may have read it before another write).
     *
     * @return how many of them it changed
     */
    public int changeEach(Iterable<PaymentOrder> candidates, Function<PaymentOrder, List<? extends Event>> change) {
        int changed = 0;
        for (PaymentOrder candidate : candidates) {
            AtomicBoolean did = new AtomicBoolean();
            change(candidate.id(), order -> {
                List<? extends Event> events = change.apply(order);
                did.set(events != AggregateStore.UNCHANGED);
                return events;
            });
            changed += did.get() ? 1 : 0;
        }
        return changed;
    }
}
