package vn.motcua.kit.testapp;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.Subscriptions;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.outbox.Changed;

/**
 * Opens one order per submitted dossier, and fails on purpose for dossiers whose code starts
 * with FAIL until a test says the fault is fixed: retries, dead letters and re-drives; and finds
 * the database away for the first attempts of dossiers whose code starts with AWAY.
 */
@Component
public class FlakyOrders implements EventSubscriber {
    public static final String FAILING_PREFIX = "FAIL";
    /** Dossiers whose first attempts find the database away: more than the retries before a dead letter. */
    public static final String STORAGE_AWAY_PREFIX = "AWAY";
    public static final int STORAGE_AWAY_ATTEMPTS = 6;

    private final AggregateStore store;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Set<String> fixed = ConcurrentHashMap.newKeySet();

    FlakyOrders(AggregateStore store) {
        this.store = store;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(DossierSubmitted.class, this::submitted);
    }

    private void submitted(IncomingEvent<DossierSubmitted> event) {
        String code = event.data().dossier().dossierCode();
        attempts.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
        if (code.startsWith(FAILING_PREFIX) && !fixed.contains(code)) {
            throw new IllegalStateException("Downstream unavailable for " + code);
        }
        if (code.startsWith(STORAGE_AWAY_PREFIX) && attempts.get(code).get() <= STORAGE_AWAY_ATTEMPTS) {
            throw new DataAccessResourceFailureException("Timed out waiting for a server (attempt " + attempts.get(code) + ")");
        }
        store.insertOnce(Changed.of(new KitTestOrder(KitTestOrder.idFor(code), code)));
    }

    public int attemptsFor(String dossierCode) {
        AtomicInteger count = attempts.get(dossierCode);
        return count == null ? 0 : count.get();
    }

    /** From now on, the dossier's events are applied. */
    public void fix(String dossierCode) {
        fixed.add(dossierCode);
    }
}
