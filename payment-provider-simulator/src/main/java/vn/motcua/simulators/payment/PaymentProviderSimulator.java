package vn.motcua.simulators.payment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A payment platform in the VNPay 2.1.0 style, as its own process: the payer's pages, the IPN
 * calls to the merchant, the merchant web API and the daily statement. {@code /simulator/**}
 * is the test desk: plant a statement difference, resend a notification, read a transaction.
 */
public final class PaymentProviderSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PaymentProviderSimulator.class);

    private final HttpServer server;
    private final Notifier notifier;

    PaymentProviderSimulator(Settings settings, Clock clock) throws IOException {
        Checksum checksum = new Checksum(settings.secret());
        ConcurrentMap<String, Transaction> ledger = new ConcurrentHashMap<>();
        notifier = new Notifier(settings);
        CheckoutPages pages = new CheckoutPages(settings, checksum, ledger, notifier, clock);
        MerchantApi api = new MerchantApi(settings, checksum, ledger, clock);
        server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        route("GET", "/paymentv2/vpcpay.html", pages::open);
        route("POST", "/paymentv2/decide", pages::decide);
        route("POST", "/merchant_webapi/api/transaction", api::transaction);
        route("GET", "/merchant_webapi/statement", api::statement);
        route(null, "/simulator/transactions/", exchange -> desk(exchange, ledger, pages, checksum));
        route("GET", "/health", exchange -> Exchanges.answer(exchange, 200, "application/json", "{\"status\":\"UP\"}"));
        server.start();
        log.info("Payment provider simulator for merchant {} on port {}, IPN to {}", settings.tmnCode(), settings.port(),
                settings.ipnUrl());
    }

    public static void main(String[] args) throws IOException {
        PaymentProviderSimulator simulator = new PaymentProviderSimulator(Settings.parse(System.getenv(), args), Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void route(String method, String path, Handler handler) {
        server.createContext(path, exchange -> {
            try (exchange) {
                if (method != null && !method.equals(exchange.getRequestMethod())) {
                    Exchanges.answer(exchange, 405, "text/plain", "Method not allowed");
                    return;
                }
                handler.handle(exchange);
            } catch (RuntimeException e) {
                log.warn("{} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.toString());
                Exchanges.answer(exchange, 400, "text/plain", e.getMessage() == null ? "Bad request" : e.getMessage());
            }
        });
    }

    /**
     * GET …/{txnRef} reads a transaction; POST …/{txnRef}/ipn sends its notification again;
     * POST …/{txnRef}/statement?amount=N makes the statement say another amount (đồng × 100);
     * DELETE …/{txnRef}/statement leaves it out of the statement.
     */
    private void desk(HttpExchange exchange, ConcurrentMap<String, Transaction> ledger, CheckoutPages pages, Checksum checksum)
            throws IOException {
        String[] parts = exchange.getRequestURI().getPath().substring("/simulator/transactions/".length()).split("/");
        Transaction txn = ledger.get(parts[0]);
        if (txn == null) {
            Exchanges.answer(exchange, 404, "application/json", "{\"error\":\"unknown transaction\"}");
            return;
        }
        String action = (parts.length > 1 ? parts[1] : "") + " " + exchange.getRequestMethod();
        switch (action) {
            case " GET" -> Exchanges.answer(exchange, 200, "application/json", "{\"txnRef\":\"" + txn.txnRef + "\",\"state\":\""
                    + txn.state() + "\",\"amount\":" + txn.amountTimes100 + ",\"refunded\":" + txn.refundedTimes100() + ",\"refunds\":"
                    + txn.refunds().size() + ",\"transactionNo\":\"" + txn.transactionNo() + "\"}");
            case "ipn POST" -> {
                if (txn.state() == Transaction.State.PENDING) {
                    Exchanges.answer(exchange, 409, "application/json", "{\"error\":\"the payer has not decided\"}");
                    return;
                }
                notifier.resend(txn.txnRef, checksum.signedQuery(pages.result(txn)));
                Exchanges.answer(exchange, 202, "application/json", "{}");
            }
            case "statement POST" -> {
                Map<String, String> q = Exchanges.query(exchange);
                txn.statementSays(Long.parseLong(q.get("amount")), false);
                Exchanges.answer(exchange, 200, "application/json", "{}");
            }
            case "statement DELETE" -> {
                txn.statementSays(null, true);
                Exchanges.answer(exchange, 200, "application/json", "{}");
            }
            default -> Exchanges.answer(exchange, 404, "application/json", "{\"error\":\"no such desk action\"}");
        }
    }

    @Override
    public void close() {
        server.stop(0);
        notifier.close();
    }
}
