package vn.motcua.postal.shipments;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.outbox.Changed;
import vn.motcua.postal.PostalServiceApplication;
import vn.motcua.postal.tracking.TrackingRanges;
import vn.motcua.testinfra.Latencies;
import vn.motcua.testinfra.ServiceInstance;

/**
 * Operator reports per second through the report service (read, apply once, versioned write with
 * its events; no HTTP, no token check) on the Mongo wire server and the in-JVM broker: each of
 * -Dbench.shipments shipments gets its five stages and one duplicate, from -Dbench.clients clients,
 * each client working on shipments of its own. Prints reports/s and latency; asserts nothing.
 *
 * <pre>./motcua bench reports</pre>
 */
public final class OperatorReportBenchmark {
    private static final String OPERATOR = "postal-vnpost";
    private static final Shipment.Progress[] STAGES = {Shipment.Progress.ACCEPTED, Shipment.Progress.PICKED_UP,
            Shipment.Progress.IN_TRANSIT, Shipment.Progress.OUT_FOR_DELIVERY, Shipment.Progress.DELIVERED};

    private OperatorReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("bench.shipments", 1_000);
        int clients = Integer.getInteger("bench.clients", 16);
        try (ConfigurableApplicationContext service = ServiceInstance.start(PostalServiceApplication.class,
                "--spring.mongodb.database=motcua-postal-bench")) {
            AggregateStore store = service.getBean(AggregateStore.class);
            TrackingRanges ranges = service.getBean(TrackingRanges.class);
            ConcurrentLinkedQueue<Shipment> work = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < count; i++) {
                Shipment shipment = ShipmentMother.requested("BENCH-" + System.nanoTime() + "-" + i, "001090000001", OPERATOR,
                        ranges.next(OPERATOR, "RR").toString());
                work.add(store.insert(Changed.of(shipment)));
            }
            OperatorReports reports = service.getBean(OperatorReports.class);
            Latencies latencies = new Latencies();
            long elapsed = Latencies.runTogether(clients, () -> {
                for (Shipment shipment = work.poll(); shipment != null; shipment = work.poll()) {
                    for (int stage = 0; stage <= STAGES.length; stage++) {
                        int step = Math.min(stage, STAGES.length - 1);
                        long t0 = System.nanoTime();
                        reports.apply(shipment.id(), OPERATOR, new Shipment.Report(shipment.id() + "-" + step, STAGES[step],
                                Instant.now(), null, null, Instant.now()), shipment.itemId());
                        latencies.record(System.nanoTime() - t0);
                    }
                }
            });
            double seconds = elapsed / 1e9;
            List<Long> sorted = latencies.sorted();
            System.out.printf("operator reports (%d clients, %,d shipments × 5 stages + 1 duplicate): %,d reports in %.2f s ="
                            + " %,.0f reports/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", clients, count, sorted.size(), seconds,
                    sorted.size() / seconds, Latencies.percentileMillis(sorted, 50), Latencies.percentileMillis(sorted, 99),
                    Latencies.maxMillis(sorted));
        }
        System.exit(0);
    }

}
