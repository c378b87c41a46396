package vn.motcua.simulators.postal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks each shipment through the operator's stages, one report per step after the configured
 * delay: accepted, for a collection the postman's window (a morning's three hours, told to the
 * citizen), picked up (with the slip's number), in transit, out for delivery, then delivered with
 * the cash collected, or three failed attempts. Some reports go out twice. A report
 * the platform could not take (5xx, no answer) is sent again later; one it refused (4xx) is logged
 * and dropped, as a real operator's system would queue it for a person.
 */
final class Courier implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Courier.class);
    private static final int MAX_SENDS = 20;

    private final Settings settings;
    private final OperatorApi api;
    private final Cashier cashier;
    private final Random random;
    private final ScheduledExecutorService steps = Executors.newScheduledThreadPool(2);
    private final Set<String> taken = ConcurrentHashMap.newKeySet();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    /** What to collect at an item's door when the platform changed it after the hand-over; else the shipment's own amount. */
    private final Map<String, Long> toCollect = new ConcurrentHashMap<>();
    private final AtomicLong count = new AtomicLong();

    Courier(Settings settings, OperatorApi api, Cashier cashier) {
        this.settings = settings;
        this.api = api;
        this.cashier = cashier;
        this.random = new Random(settings.seed());
        if (settings.remitEvery() != null && cashier != null) {
            steps.scheduleWithFixedDelay(cashier::remit, settings.remitEvery().toMillis(), settings.remitEvery().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Starts walking a shipment; a shipment seen before (a redelivered record) is not walked twice. */
    void take(Shipment shipment) {
        if (!taken.add(shipment.itemId())) {
            return;
        }
        List<Step> plan = plan(shipment, count.incrementAndGet());
        log.info("Shipment {} ({}) taken: {}", shipment.shipmentId(), shipment.itemId(),
                plan.stream().map(step -> step.progress).toList());
        schedule(shipment, plan, 0, 0);
    }

    /** The platform no longer wants the item carried (an officer brought it, a citizen called off a pick-up): its remaining stages are dropped. */
    void cancel(String itemId) {
        cancelled.add(itemId);
        log.info("Item {} cancelled; not carried further", itemId);
    }

    /** The fees were paid otherwise after the hand-over: the postman collects this instead (0: nothing). */
    void recollect(String itemId, long amount) {
        toCollect.put(itemId, amount);
        log.info("Item {} now collects {} đồng on delivery", itemId, amount);
    }

    /** The citizen changed the address after the hand-over: the round goes there instead. */
    void redirect(String itemId, String address) {
        log.info("Item {} now goes to {}", itemId, address);
    }

    /** How many steps' time the next round of deliveries comes after a failed attempt. */
    static final int NEXT_ROUND = 30;

    /** How long the postman's window for a collection is. */
    static final Duration WINDOW = Duration.ofHours(3);

    /**
     * @param pause how many steps' time after the one before it
     * @param comesInDays on a PICKUP_SCHEDULED step, how many days after the report the postman's window is (0: today)
     */
    record Step(String progress, String detail, Long amount, int pause, Integer comesInDays) {
        Step(String progress, String detail, Long amount) {
            this(progress, detail, amount, 1, null);
        }

        Step(String progress, String detail, Long amount, int pause) {
            this(progress, detail, amount, pause, null);
        }

        static Step scheduled(int comesInDays) {
            return new Step("PICKUP_SCHEDULED", null, null, 1, comesInDays);
        }

        /** From the next full hour after {@code at}, on the step's day, for {@link #WINDOW}; null for other steps. */
        Window window(Instant at) {
            if (comesInDays == null) {
                return null;
            }
            Instant from = at.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)).plus(Duration.ofDays(comesInDays));
            return new Window(from, from.plus(WINDOW));
        }
    }

    record Window(Instant from, Instant until) {
    }

    List<Step> plan(Shipment shipment, long number) {
        if (shipment.pickup() && Settings.NEVER_AT_HOME.equals(shipment.recipientPhone())) {
            // Nobody hands the papers over: the postman comes three times, each on a day he set, and the post gives up.
            List<Step> plan = new ArrayList<>(List.of(new Step("ACCEPTED", null, null)));
            for (int attempt = 1; attempt <= 3; attempt++) {
                plan.add(Step.scheduled(attempt - 1));
                plan.add(new Step("PICKUP_FAILED", "Không gặp người gửi (lần " + attempt + ")", null));
            }
            return plan;
        }
        List<Step> plan = new ArrayList<>(List.of(new Step("ACCEPTED", null, null)));
        if (shipment.pickup()) {
            plan.add(Step.scheduled(0));
        }
        plan.addAll(List.of(new Step("PICKED_UP", "PX-" + shipment.itemId().substring(2, 11), null), new Step("IN_TRANSIT", null, null),
                new Step("OUT_FOR_DELIVERY", null, null)));
        // Failed attempts are for deliveries to a door; a collected dossier reaches the agency's desk.
        boolean neverAtHome = !shipment.pickup() && (Settings.NEVER_AT_HOME.equals(shipment.recipientPhone())
                || (settings.failEvery() > 0 && number % settings.failEvery() == 0));
        if (neverAtHome) {
            for (int attempt = 1; attempt <= 3; attempt++) {
                plan.add(new Step("DELIVERY_FAILED", "Không có người nhận (lần " + attempt + ")", null));
            }
            return plan;
        }
        int pause = 1;
        if (!shipment.pickup() && (Settings.HOME_ON_THE_SECOND_ROUND.equals(shipment.recipientPhone())
                || Settings.AMENDMENT_TOO_LATE.equals(shipment.recipientPhone()))) {
            plan.add(new Step("DELIVERY_FAILED", "Không có người nhận (lần 1)", null));
            pause = NEXT_ROUND;
        }
        plan.add(new Step("DELIVERED", shipment.receivedBy(), null, pause));
        if (shipment.cashOnDelivery() > 0) {
            plan.add(new Step("CASH_COLLECTED", "BL-" + shipment.itemId().substring(2, 11), shipment.cashOnDelivery()));
        }
        return plan;
    }

    private void schedule(Shipment shipment, List<Step> plan, int index, int sends) {
        if (index == plan.size() || cancelled.contains(shipment.itemId())) {
            return;
        }
        Duration delay = sends == 0 ? settings.stepDelay().multipliedBy(plan.get(index).pause())
                : Duration.ofSeconds(Math.min(30, 1L << Math.min(sends, 5)));
        steps.schedule(() -> {
            Step step = asCollectedNow(shipment, plan.get(index));
            if (step == null) {
                schedule(shipment, plan, index + 1, 0);
                return;
            }
            Instant now = Instant.now();
            Window window = step.window(now);
            Report report = new Report(shipment.itemId() + "-" + (index + 1) + "-" + step.progress, step.progress, now,
                    shipment.itemId(), step.detail, step.amount, window == null ? null : window.from(),
                    window == null ? null : window.until());
            if (send(shipment, report)) {
                if (step.amount != null) {
                    cashier.collected(new Remittance.Item(shipment.shipmentId(), shipment.itemId(), step.amount, step.detail));
                }
                if (random.nextDouble() < settings.duplicateRate()) {
                    send(shipment, report);
                }
                schedule(shipment, plan, index + 1, 0);
            } else if (sends < MAX_SENDS) {
                schedule(shipment, plan, index, sends + 1);
            } else {
                log.error("Gave up on {} of {} after {} sends", step.progress, shipment.itemId(), sends + 1);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A collection at the amount the platform last gave; null when nothing is left to collect. */
    Step asCollectedNow(Shipment shipment, Step step) {
        if (step.amount == null) {
            return step;
        }
        if (Settings.AMENDMENT_TOO_LATE.equals(shipment.recipientPhone())) {
            log.info("Item {}: the postman collects the {} đồng he set out with", shipment.itemId(), step.amount);
            return step;
        }
        long amount = toCollect.getOrDefault(shipment.itemId(), step.amount);
        return amount == 0 ? null : new Step(step.progress, step.detail, amount, step.pause, step.comesInDays);
    }

    /** @return false when the report should be sent again later */
    private boolean send(Shipment shipment, Report report) {
        try {
            int status = api.report(shipment.shipmentId(), report);
            if (status >= 500 || status == 429) {
                log.warn("{} of {}: the platform answered {}; sending again later", report.progress(), report.itemId(), status);
                return false;
            }
            if (status >= 400) {
                log.error("{} of {} refused with {}; left for a person", report.progress(), report.itemId(), status);
            }
            return true;
        } catch (IOException e) {
            log.warn("{} of {} not sent ({}); sending again later", report.progress(), report.itemId(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void close() {
        steps.shutdownNow();
    }
}
