package vn.motcua.payment.provider.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.kit.time.CivilTime;
import vn.motcua.payment.ordering.ProviderResult;
import vn.motcua.payment.provider.PaymentProvider;

/**
 * The provider adapter for the VNPay 2.1.0 protocol: payment URL, IPN/return parameters, the
 * merchant web API ({@code querydr}, {@code refund}) and the daily statement. Amounts on the wire
 * are đồng × 100; dates are yyyyMMddHHmmss in Việt Nam time.
 */
@Component
class VnpayProvider implements PaymentProvider {
    static final String VERSION = "2.1.0";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(CivilTime.VIETNAM);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final ProviderProperties properties;
    private final VnpayChecksum checksum;
    private final JsonMapper json;
    private final HttpClient http;
    private final Clock clock;

    VnpayProvider(ProviderProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.checksum = new VnpayChecksum(properties.hashSecret());
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    @Override
    public URI paymentUrl(PaymentRequest request) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("vnp_Version", VERSION);
        p.put("vnp_Command", "pay");
        p.put("vnp_TmnCode", properties.tmnCode());
        p.put("vnp_Amount", Long.toString(Math.multiplyExact(request.amount(), 100)));
        p.put("vnp_CurrCode", "VND");
        p.put("vnp_TxnRef", request.reference());
        // The provider's pages want the order information without diacritics.
        p.put("vnp_OrderInfo", request.description());
        p.put("vnp_OrderType", "other");
        p.put("vnp_Locale", "vn");
        p.put("vnp_ReturnUrl", properties.returnUrl().toString());
        p.put("vnp_IpAddr", request.payerIp());
        p.put("vnp_CreateDate", DATE_TIME.format(request.createdAt()));
        p.put("vnp_ExpireDate", DATE_TIME.format(request.expiresAt()));
        String query = VnpayChecksum.canonicalQuery(p);
        return URI.create(properties.paymentUrl() + "?" + query + "&" + VnpayChecksum.HASH + "=" + checksum.ofQuery(p));
    }

    @Override
    public ProviderResult readCallback(Map<String, String> p) {
        if (!checksum.matches(checksum.ofQuery(p), p.get(VnpayChecksum.HASH))) {
            throw new ForgedCallback("The checksum does not match this merchant's secret");
        }
        if (!properties.tmnCode().equals(p.get("vnp_TmnCode"))) {
            throw new ForgedCallback("The notification is for another merchant");
        }
        try {
            boolean succeeded = "00".equals(p.get("vnp_ResponseCode")) && "00".equals(p.get("vnp_TransactionStatus"));
            return new ProviderResult(required(p, "vnp_TxnRef"), Long.parseLong(required(p, "vnp_Amount")) / 100, succeeded,
                    required(p, "vnp_ResponseCode"), p.get("vnp_TransactionNo"), succeeded ? instant(required(p, "vnp_PayDate")) : null);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new ForgedCallback("A signed notification with unreadable fields: " + e.getMessage());
        }
    }

    @Override
    public Optional<ProviderResult> query(String reference, Instant createdAt) {
        Map<String, String> r = request("querydr");
        r.put("vnp_TxnRef", reference);
        r.put("vnp_OrderInfo", "Truy van giao dich " + reference);
        r.put("vnp_TransactionDate", DATE_TIME.format(createdAt));
        r.put(VnpayChecksum.HASH, checksum.ofFields(r.get("vnp_RequestId"), r.get("vnp_Version"), r.get("vnp_Command"),
                r.get("vnp_TmnCode"), r.get("vnp_TxnRef"), r.get("vnp_TransactionDate"), r.get("vnp_CreateDate"), r.get("vnp_IpAddr"),
                r.get("vnp_OrderInfo")));
        JsonNode a = post(r);
        String code = text(a, "vnp_ResponseCode");
        if ("91".equals(code)) {
            return Optional.empty();
        }
        if (!"00".equals(code)) {
            throw new Unavailable("querydr answered " + code + " " + text(a, "vnp_Message"), null);
        }
        verifyAnswer(a, "vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount",
                "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo",
                "vnp_PromotionCode", "vnp_PromotionAmount");
        String status = text(a, "vnp_TransactionStatus");
        if ("01".equals(status)) {
            return Optional.empty();
        }
        boolean succeeded = "00".equals(status);
        return Optional.of(new ProviderResult(reference, Long.parseLong(text(a, "vnp_Amount")) / 100, succeeded,
                succeeded ? "00" : status, text(a, "vnp_TransactionNo"), succeeded ? instant(text(a, "vnp_PayDate")) : null));
    }

    @Override
    public RefundAnswer refund(RefundRequest refund) {
        Map<String, String> r = request("refund");
        r.put("vnp_RequestId", refund.requestId());
        r.put("vnp_TransactionType", refund.full() ? "02" : "03");
        r.put("vnp_TxnRef", refund.reference());
        r.put("vnp_Amount", Long.toString(Math.multiplyExact(refund.amount(), 100)));
        r.put("vnp_OrderInfo", "Hoan tien " + refund.reference());
        r.put("vnp_TransactionNo", refund.transactionNo() == null ? "" : refund.transactionNo());
        r.put("vnp_TransactionDate", DATE_TIME.format(refund.paidAt()));
        r.put("vnp_CreateBy", refund.by());
        r.put("vnp_CreateDate", DATE_TIME.format(refund.createdAt()));
        r.put(VnpayChecksum.HASH, checksum.ofFields(r.get("vnp_RequestId"), r.get("vnp_Version"), r.get("vnp_Command"),
                r.get("vnp_TmnCode"), r.get("vnp_TransactionType"), r.get("vnp_TxnRef"), r.get("vnp_Amount"), r.get("vnp_TransactionNo"),
                r.get("vnp_TransactionDate"), r.get("vnp_CreateBy"), r.get("vnp_CreateDate"), r.get("vnp_IpAddr"), r.get("vnp_OrderInfo")));
        JsonNode a = post(r);
        String code = text(a, "vnp_ResponseCode");
        if ("00".equals(code)) {
            verifyAnswer(a, "vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount",
                    "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo");
            return new RefundAnswer(true, text(a, "vnp_TransactionNo"), code, text(a, "vnp_Message"));
        }
        // 94: this request id was taken before, so this refund was asked for already (a retry after a lost answer).
        return new RefundAnswer("94".equals(code), "94".equals(code) ? refund.requestId() : null, code, text(a, "vnp_Message"));
    }

    @Override
    public List<StatementLine> statement(LocalDate day) {
        String date = DAY.format(day);
        URI uri = URI.create(properties.statementUrl() + "?vnp_TmnCode=" + properties.tmnCode() + "&vnp_Date=" + date + "&"
                + VnpayChecksum.HASH + "=" + checksum.ofFields(properties.tmnCode(), date));
        JsonNode body = send(HttpRequest.newBuilder(uri).timeout(properties.timeout()).GET().build());
        List<StatementLine> lines = new ArrayList<>();
        long total = 0;
        for (JsonNode line : body.path("transactions")) {
            long amount = line.path("vnp_Amount").asLong() / 100;
            String type = line.path("vnp_TransactionType").asString();
            if ("01".equals(type)) {
                total += amount * 100;
            }
            lines.add(new StatementLine(line.path("vnp_TxnRef").asString(), line.path("vnp_TransactionNo").asString(), type, amount,
                    instant(line.path("vnp_PayDate").asString())));
        }
        if (!checksum.matches(checksum.ofFields(properties.tmnCode(), date, Integer.toString(lines.size()), Long.toString(total)),
                text(body, VnpayChecksum.HASH))) {
            throw new Unavailable("The statement of " + day + " does not carry the provider's checksum", null);
        }
        return lines;
    }

    private Map<String, String> request(String command) {
        Instant now = clock.instant();
        Map<String, String> r = new LinkedHashMap<>();
        r.put("vnp_RequestId", UUID.randomUUID().toString().replace("-", ""));
        r.put("vnp_Version", VERSION);
        r.put("vnp_Command", command);
        r.put("vnp_TmnCode", properties.tmnCode());
        r.put("vnp_CreateDate", DATE_TIME.format(now));
        r.put("vnp_IpAddr", "127.0.0.1");
        return r;
    }

    private JsonNode post(Map<String, String> request) {
        return send(HttpRequest.newBuilder(properties.apiUrl()).timeout(properties.timeout()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request))).build());
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new Unavailable("The provider answered HTTP " + response.statusCode() + " to " + request.uri().getPath(), null);
            }
            return json.readTree(response.body());
        } catch (IOException | JacksonException e) {
            throw new Unavailable("The provider could not be reached at " + request.uri().getPath() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted while calling the provider", e);
        }
    }

    private void verifyAnswer(JsonNode answer, String... fields) {
        String[] values = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = text(answer, fields[i]);
        }
        if (!checksum.matches(checksum.ofFields(values), text(answer, VnpayChecksum.HASH))) {
            throw new Unavailable("An answer of the provider's API without its checksum: ignored", null);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    private static String required(Map<String, String> p, String name) {
        String value = p.get(name);
        if (value == null || value.isBlank()) {
            throw new ForgedCallback("The notification has no " + name);
        }
        return value;
    }

    private static Instant instant(String providerDateTime) {
        return LocalDateTime.parse(providerDateTime, DATE_TIME).atZone(CivilTime.VIETNAM).toInstant();
    }
}
