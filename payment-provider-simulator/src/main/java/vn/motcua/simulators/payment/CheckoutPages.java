package vn.motcua.simulators.payment;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the payer sees: the signed payment URL opens a page with the order and two buttons; the
 * decision is final, sends the payer back to the merchant's return URL and the notification to
 * its IPN endpoint.
 */
final class CheckoutPages {
    private static final String VERSION = "2.1.0";

    private final Settings settings;
    private final Checksum checksum;
    private final ConcurrentMap<String, Transaction> ledger;
    private final Notifier notifier;
    private final Clock clock;
    private final AtomicLong numbers = new AtomicLong(14_000_000);

    CheckoutPages(Settings settings, Checksum checksum, ConcurrentMap<String, Transaction> ledger, Notifier notifier, Clock clock) {
        this.settings = settings;
        this.checksum = checksum;
        this.ledger = ledger;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** GET /paymentv2/vpcpay.html */
    void open(HttpExchange exchange) throws IOException {
        Map<String, String> p = Exchanges.query(exchange);
        String refused = refusal(p);
        if (refused != null) {
            Exchanges.answer(exchange, 400, "text/html", page("Giao dịch không hợp lệ", "<p class=error>" + Exchanges.html(refused) + "</p>"));
            return;
        }
        Transaction txn = ledger.computeIfAbsent(p.get("vnp_TxnRef"), ref -> new Transaction(ref,
                Long.parseLong(p.get("vnp_Amount")), p.get("vnp_OrderInfo"), p.get("vnp_CreateDate"),
                instant(p.get("vnp_ExpireDate")), URI.create(p.get("vnp_ReturnUrl"))));
        if (txn.amountTimes100 != Long.parseLong(p.get("vnp_Amount"))) {
            Exchanges.answer(exchange, 400, "text/html", page("Giao dịch không hợp lệ",
                    "<p class=error>Mã giao dịch " + Exchanges.html(txn.txnRef) + " đã dùng cho số tiền khác (mã lỗi 94)</p>"));
            return;
        }
        if (txn.state() != Transaction.State.PENDING) {
            Exchanges.answer(exchange, 409, "text/html", page("Giao dịch đã xử lý",
                    "<p>Giao dịch " + Exchanges.html(txn.txnRef) + " đã được xử lý trước đó.</p>"));
            return;
        }
        String form = """
                <p>Đơn vị: %s</p><p>Nội dung: %s</p><p>Số tiền: <b>%,d VND</b></p>
                <form method=post action="/paymentv2/decide"><input type=hidden name=txnRef value="%s">
                <button name=outcome value=approve>Thanh toán</button>
                <button name=outcome value=decline>Hủy giao dịch</button></form>
                """.formatted(Exchanges.html(settings.tmnCode()), Exchanges.html(txn.orderInfo), txn.amountTimes100 / 100,
                Exchanges.html(txn.txnRef));
        Exchanges.answer(exchange, 200, "text/html", page("Cổng thanh toán (mô phỏng)", form));
    }

    private String refusal(Map<String, String> p) {
        if (!checksum.verifiesQuery(p)) {
            return "Sai chữ ký (mã lỗi 97)";
        }
        if (!VERSION.equals(p.get("vnp_Version")) || !"pay".equals(p.get("vnp_Command"))) {
            return "Phiên bản hoặc lệnh không được hỗ trợ: cần vnp_Version=2.1.0, vnp_Command=pay";
        }
        if (!settings.tmnCode().equals(p.get("vnp_TmnCode"))) {
            return "Website chưa được phê duyệt (vnp_TmnCode không đúng)";
        }
        if (!"VND".equals(p.get("vnp_CurrCode"))) {
            return "Chỉ hỗ trợ VND";
        }
        String amount = p.get("vnp_Amount");
        if (amount == null || !amount.matches("[1-9]\\d{2,14}") || !amount.endsWith("00")) {
            return "Số tiền không hợp lệ: vnp_Amount là số đồng nhân 100";
        }
        for (String required : new String[] {"vnp_TxnRef", "vnp_OrderInfo", "vnp_CreateDate", "vnp_ExpireDate", "vnp_ReturnUrl", "vnp_IpAddr"}) {
            if (p.get(required) == null || p.get(required).isBlank()) {
                return "Thiếu tham số " + required;
            }
        }
        try {
            if (instant(p.get("vnp_ExpireDate")).isBefore(clock.instant())) {
                return "Giao dịch đã quá thời gian chờ thanh toán (mã lỗi 11)";
            }
            instant(p.get("vnp_CreateDate"));
        } catch (DateTimeParseException e) {
            return "Ngày giờ phải có dạng yyyyMMddHHmmss";
        }
        return null;
    }

    /** POST /paymentv2/decide: the payer's button; {@code ipn=none} keeps the notification back (a lost IPN). */
    void decide(HttpExchange exchange) throws IOException {
        Map<String, String> form = Checksum.parseQuery(Exchanges.body(exchange));
        Transaction txn = ledger.get(form.getOrDefault("txnRef", ""));
        if (txn == null) {
            Exchanges.answer(exchange, 404, "text/html", page("Không tìm thấy giao dịch", ""));
            return;
        }
        String outcome = form.getOrDefault("outcome", "");
        Instant now = clock.instant();
        boolean decided;
        if (now.isAfter(txn.expiresAt)) {
            decided = txn.decide(Transaction.State.FAILED, "11", "0", form.getOrDefault("bank", "NCB"), now);
        } else {
            decided = switch (outcome) {
                case "approve" -> txn.decide(Transaction.State.SUCCESS, "00", Long.toString(numbers.incrementAndGet()),
                        form.getOrDefault("bank", "NCB"), now);
                case "decline" -> txn.decide(Transaction.State.FAILED, "24", "0", form.getOrDefault("bank", "NCB"), now);
                case "insufficient" -> txn.decide(Transaction.State.FAILED, "51", "0", form.getOrDefault("bank", "NCB"), now);
                default -> throw new IllegalArgumentException("outcome is approve, decline or insufficient");
            };
        }
        if (!decided) {
            Exchanges.answer(exchange, 409, "text/html", page("Giao dịch đã xử lý", ""));
            return;
        }
        String signed = checksum.signedQuery(result(txn));
        if (!"none".equals(form.get("ipn"))) {
            notifier.notifyMerchant(txn.txnRef, signed);
        }
        Exchanges.redirect(exchange, txn.returnUrl + (txn.returnUrl.getQuery() == null ? "?" : "&") + signed);
    }

    /** The result's parameters, as both the return URL and the IPN carry them. */
    Map<String, String> result(Transaction txn) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("vnp_TmnCode", settings.tmnCode());
        p.put("vnp_Amount", Long.toString(txn.amountTimes100));
        p.put("vnp_BankCode", txn.bankCode());
        p.put("vnp_BankTranNo", txn.state() == Transaction.State.SUCCESS ? "VNP" + txn.transactionNo() : "");
        p.put("vnp_CardType", "ATM");
        p.put("vnp_OrderInfo", txn.orderInfo);
        p.put("vnp_PayDate", Checksum.DATE_TIME.format(txn.paidAt()));
        p.put("vnp_ResponseCode", txn.responseCode());
        p.put("vnp_TransactionNo", txn.transactionNo());
        p.put("vnp_TransactionStatus", txn.state() == Transaction.State.SUCCESS ? "00" : "02");
        p.put("vnp_TxnRef", txn.txnRef);
        return p;
    }

    static Instant instant(String providerDateTime) {
        return LocalDateTime.parse(providerDateTime, Checksum.DATE_TIME).atZone(Checksum.ZONE).toInstant();
    }

    private static String page(String title, String content) {
        return "<!doctype html><html lang=vi><meta charset=utf-8><title>" + Exchanges.html(title) + "</title><h1>"
                + Exchanges.html(title) + "</h1>" + content + "</html>";
    }
}
