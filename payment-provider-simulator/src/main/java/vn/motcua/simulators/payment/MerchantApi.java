package vn.motcua.simulators.payment;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The merchant web API: {@code querydr} (what became of a payment), {@code refund} (full 02 or
 * partial 03), each a signed JSON request whose {@code vnp_RequestId} may be used once; and the
 * daily statement of what the provider settled for the merchant.
 */
final class MerchantApi {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final Settings settings;
    private final Checksum checksum;
    private final ConcurrentMap<String, Transaction> ledger;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Set<String> requestIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong refundNumbers = new AtomicLong(15_000_000);

    MerchantApi(Settings settings, Checksum checksum, ConcurrentMap<String, Transaction> ledger, Clock clock) {
        this.settings = settings;
        this.checksum = checksum;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** POST /merchant_webapi/api/transaction */
    void transaction(HttpExchange exchange) throws IOException {
        Map<String, String> request;
        try {
            request = json.readValue(Exchanges.body(exchange), json.getTypeFactory().constructMapType(Map.class, String.class, String.class));
        } catch (JacksonException e) {
            reply(exchange, error("", "99", "Định dạng yêu cầu không hợp lệ"));
            return;
        }
        String command = request.getOrDefault("vnp_Command", "");
        Map<String, String> answer = switch (command) {
            case "querydr" -> query(request);
            case "refund" -> refund(request);
            default -> error(command, "99", "Lệnh không được hỗ trợ");
        };
        reply(exchange, answer);
    }

    /** The fields each command's checksum covers, in the documented order. */
    private static final String[] QUERY_SIGNED = {"vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TxnRef",
        "vnp_TransactionDate", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"};
    private static final String[] REFUND_SIGNED = {"vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode",
        "vnp_TransactionType", "vnp_TxnRef", "vnp_Amount", "vnp_TransactionNo", "vnp_TransactionDate", "vnp_CreateBy",
        "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"};
    private static final String[] REFUND_ANSWER = {"vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message",
        "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType",
        "vnp_TransactionStatus", "vnp_OrderInfo"};
    private static final String[] QUERY_ANSWER = concat(REFUND_ANSWER, "vnp_PromotionCode", "vnp_PromotionAmount");

    /** The transaction a request is about, or the error it is answered with. */
    private record Lookup(Transaction txn, Map<String, String> error) {
    }

    private Map<String, String> query(Map<String, String> r) {
        Lookup found = find("querydr", r, QUERY_SIGNED, "Không tìm thấy giao dịch");
        if (found.error() != null) {
            return found.error();
        }
        Map<String, String> a = transactionFields("querydr", "00", "Thành công", found.txn());
        a.put("vnp_PromotionCode", "");
        a.put("vnp_PromotionAmount", "");
        a.put("vnp_SecureHash", checksum.signFields(values(a, QUERY_ANSWER)));
        return a;
    }

    private Map<String, String> refund(Map<String, String> r) {
        Lookup found = find("refund", r, REFUND_SIGNED, "Không tìm thấy giao dịch hoàn trả");
        if (found.error() != null) {
            return found.error();
        }
        Transaction txn = found.txn();
        if (txn.state() != Transaction.State.SUCCESS) {
            return error("refund", "95", "Giao dịch không thành công bên VNPAY, từ chối xử lý");
        }
        long amount;
        try {
            amount = Long.parseLong(r.get("vnp_Amount"));
        } catch (NumberFormatException e) {
            return error("refund", "99", "Số tiền không hợp lệ");
        }
        String type = r.get("vnp_TransactionType");
        synchronized (txn) {
            long left = txn.amountTimes100 - txn.refundedTimes100();
            if (!("02".equals(type) && amount == txn.amountTimes100 || "03".equals(type) && amount < txn.amountTimes100)
                    || amount <= 0 || amount > left) {
                return error("refund", "02", "Số tiền hoàn trả không hợp lệ (còn lại " + left + ")");
            }
            txn.refunded(new Transaction.Refund(r.get("vnp_RequestId"), amount, Long.toString(refundNumbers.incrementAndGet()),
                    clock.instant()));
        }
        Map<String, String> a = transactionFields("refund", "00", "Yêu cầu hoàn tiền thành công", txn);
        a.put("vnp_Amount", Long.toString(amount));
        a.put("vnp_TransactionType", type);
        a.put("vnp_TransactionNo", txn.refunds().getLast().transactionNo());
        a.put("vnp_SecureHash", checksum.signFields(values(a, REFUND_ANSWER)));
        return a;
    }

    /** The checksum, then the terminal, version and request id, then the transaction. */
    private Lookup find(String command, Map<String, String> r, String[] signed, String notFound) {
        if (!checksum.verifiesFields(r.get("vnp_SecureHash"), values(r, signed))) {
            return new Lookup(null, error(command, "97", "Sai chữ ký"));
        }
        String refused = common(r);
        if (refused != null) {
            return new Lookup(null, error(command, refused, "Yêu cầu không hợp lệ"));
        }
        Transaction txn = ledger.get(r.get("vnp_TxnRef"));
        return txn == null ? new Lookup(null, error(command, "91", notFound)) : new Lookup(txn, null);
    }

    private static String[] values(Map<String, String> fields, String[] names) {
        String[] values = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = fields.get(names[i]);
        }
        return values;
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    /** Checks shared by both commands; the request id is spent only by a request that passed them. */
    private String common(Map<String, String> r) {
        if (!settings.tmnCode().equals(r.get("vnp_TmnCode")) || !"2.1.0".equals(r.get("vnp_Version"))) {
            return "02";
        }
        String id = r.get("vnp_RequestId");
        if (id == null || !id.matches("[A-Za-z0-9]{1,32}")) {
            return "99";
        }
        return requestIds.add(id) ? null : "94";
    }

    private Map<String, String> transactionFields(String command, String code, String message, Transaction txn) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("vnp_ResponseId", Long.toHexString(System.nanoTime()));
        a.put("vnp_Command", command);
        a.put("vnp_ResponseCode", code);
        a.put("vnp_Message", message);
        a.put("vnp_TmnCode", settings.tmnCode());
        a.put("vnp_TxnRef", txn.txnRef);
        a.put("vnp_Amount", Long.toString(txn.amountTimes100));
        a.put("vnp_BankCode", txn.bankCode() == null ? "" : txn.bankCode());
        a.put("vnp_PayDate", txn.paidAt() == null ? "" : Checksum.DATE_TIME.format(txn.paidAt()));
        a.put("vnp_TransactionNo", txn.transactionNo() == null ? "" : txn.transactionNo());
        a.put("vnp_TransactionType", "01");
        a.put("vnp_TransactionStatus", switch (txn.state()) {
            case SUCCESS -> "00";
            case PENDING -> "01";
            case FAILED -> "02";
        });
        a.put("vnp_OrderInfo", txn.orderInfo);
        return a;
    }

    private Map<String, String> error(String command, String code, String message) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("vnp_ResponseId", Long.toHexString(System.nanoTime()));
        a.put("vnp_Command", command);
        a.put("vnp_ResponseCode", code);
        a.put("vnp_Message", message);
        a.put("vnp_TmnCode", settings.tmnCode());
        return a;
    }

    /**
     * GET /merchant_webapi/statement?vnp_TmnCode=&vnp_Date=yyyyMMdd&vnp_SecureHash=: every payment
     * the provider settled that day (Việt Nam time) and every refund, signed over
     * {@code tmnCode|date|count|total}.
     */
    void statement(HttpExchange exchange) throws IOException {
        Map<String, String> q = Exchanges.query(exchange);
        String date = q.getOrDefault("vnp_Date", "");
        if (!checksum.verifiesFields(q.get("vnp_SecureHash"), q.get("vnp_TmnCode"), date) || !settings.tmnCode().equals(q.get("vnp_TmnCode"))) {
            Exchanges.answer(exchange, 403, "application/json", "{\"vnp_ResponseCode\":\"97\",\"vnp_Message\":\"Sai chữ ký\"}");
            return;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date, DAY);
        } catch (RuntimeException e) {
            Exchanges.answer(exchange, 400, "application/json", "{\"vnp_ResponseCode\":\"99\",\"vnp_Message\":\"vnp_Date là yyyyMMdd\"}");
            return;
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        long total = 0;
        for (Transaction txn : ledger.values()) {
            if (txn.state() == Transaction.State.SUCCESS && !txn.leftOutOfStatement()
                    && txn.paidAt().atZone(Checksum.ZONE).toLocalDate().equals(day)) {
                lines.add(Map.of("vnp_TxnRef", txn.txnRef, "vnp_TransactionNo", txn.transactionNo(), "vnp_TransactionType", "01",
                        "vnp_Amount", txn.statementAmountTimes100(), "vnp_PayDate", Checksum.DATE_TIME.format(txn.paidAt())));
                total += txn.statementAmountTimes100();
            }
            for (Transaction.Refund refund : txn.refunds()) {
                if (refund.at().atZone(Checksum.ZONE).toLocalDate().equals(day)) {
                    lines.add(Map.of("vnp_TxnRef", txn.txnRef, "vnp_TransactionNo", refund.transactionNo(), "vnp_TransactionType",
                            refund.amountTimes100() == txn.amountTimes100 ? "02" : "03", "vnp_Amount", refund.amountTimes100(),
                            "vnp_PayDate", Checksum.DATE_TIME.format(refund.at())));
                }
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vnp_TmnCode", settings.tmnCode());
        body.put("vnp_Date", date);
        body.put("transactions", lines);
        body.put("vnp_SecureHash", checksum.signFields(settings.tmnCode(), date, Integer.toString(lines.size()), Long.toString(total)));
        Exchanges.answer(exchange, 200, "application/json", json.writeValueAsString(body));
    }

    private void reply(HttpExchange exchange, Map<String, String> answer) throws IOException {
        Exchanges.answer(exchange, 200, "application/json", json.writeValueAsString(answer));
    }
}
