package vn.motcua.payment.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.outbox.Changed;
import vn.motcua.payment.PaymentServiceApplication;
import vn.motcua.payment.ProviderSimulatorProcess;
import vn.motcua.payment.ordering.AttemptReferences;
import vn.motcua.payment.ordering.Orders;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.PaymentOrderMother;
import vn.motcua.payment.provider.internal.SignedCallbacks;
import vn.motcua.testinfra.Latencies;
import vn.motcua.testinfra.ServiceInstance;

/**
 * Provider notifications (IPN) per second as the provider sends them: a signed GET over HTTP to the
 * service's IPN endpoint, whose checksum is verified, whose attempt is looked up and applied to
 * its order with one version-guarded write (the completion and its event), and answered. Each of
 * -Dbench.orders orders gets its success notification, every fifth twice (answered 02), from
 * -Dbench.clients clients. The service, the Mongo wire server and the broker share this JVM; the
 * receipts are numbered meanwhile by the service's own consumer. Prints figures; asserts nothing.
 *
 * <pre>./motcua bench ipn</pre>
 */
public final class IpnBenchmark {
    private IpnBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("bench.orders", 2_000);
        int clients = Integer.getInteger("bench.clients", 16);
        try (ConfigurableApplicationContext service = ServiceInstance.start(PaymentServiceApplication.class,
                "--spring.mongodb.database=motcua-payment-bench", "--motcua.payment.provider.hash-secret=" + ProviderSimulatorProcess.SECRET,
                "--motcua.payment.provider.tmn-code=" + ProviderSimulatorProcess.TMN_CODE, "--motcua.payment.expiry.initial-delay=PT1H")) {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            AggregateStore store = service.getBean(AggregateStore.class);
            AttemptReferences references = service.getBean(AttemptReferences.class);
            Orders orders = service.getBean(Orders.class);
            ConcurrentLinkedQueue<Map<String, String>> work = new ConcurrentLinkedQueue<>();
            Instant now = Instant.now();
            for (int i = 0; i < count; i++) {
                PaymentOrder order = PaymentOrderMother.due("BENCH-" + System.nanoTime() + "-" + i, FeeStage.INTAKE, 50_000 + i);
                store.insert(Changed.of(order));
                String reference = references.newFor(order.id(), now);
                orders.change(order.id(), o -> {
                    o.begin(reference, now, now.plus(Duration.ofMinutes(15)));
                    return List.of();
                });
                Map<String, String> ipn = SignedCallbacks.ipn(reference, order.amount(), true, Long.toString(14_000_000L + i));
                work.add(ipn);
                if (i % 5 == 0) {
                    work.add(ipn);
                }
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + port + "/api/v1/payments/provider/ipn?";
            Map<String, Integer> answers = new ConcurrentHashMap<>();
            Latencies latencies = new Latencies();
            long elapsed = Latencies.runTogether(clients, () -> {
                for (Map<String, String> ipn = work.poll(); ipn != null; ipn = work.poll()) {
                    long t0 = System.nanoTime();
                    String body = http.send(HttpRequest.newBuilder(URI.create(base + SignedCallbacks.query(ipn))).GET().build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    latencies.record(System.nanoTime() - t0);
                    answers.merge(body.substring(body.indexOf("RspCode") + 10, body.indexOf("RspCode") + 12), 1, Integer::sum);
                }
            });
            double seconds = elapsed / 1e9;
            List<Long> sorted = latencies.sorted();
            System.out.printf("provider notifications (%d clients, %,d orders, every fifth notified twice): %,d IPNs in %.2f s ="
                            + " %,.0f IPN/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; answers %s%n", clients, count, sorted.size(),
                    seconds, sorted.size() / seconds, Latencies.percentileMillis(sorted, 50), Latencies.percentileMillis(sorted, 99),
                    Latencies.maxMillis(sorted), answers);
        }
        System.exit(0);
    }
}
