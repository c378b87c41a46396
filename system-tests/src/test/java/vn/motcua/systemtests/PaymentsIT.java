package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.motcua.systemtests.Observations.awaitJson;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.localstack.GatewayClient;
import vn.motcua.localstack.GatewayClient.Response;

/**
 * A financial obligation paid online, through the gateway with real tokens and the payment
 * provider simulator (its own process, speaking the VNPay 2.1.0 protocol): the specialist sets it
 * (status 6), the citizen pays on the provider's page, the provider's signed notification
 * completes the order, the dossier resumes (4) and reaches its result; the receipt is a PDF
 * saying the amount in Vietnamese words. An online result whose fee falls due at the result is read once the citizen
 * pays that fee the same way (ADR 0064).
 */
@ExtendWith(Platform.class)
class PaymentsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final GatewayClient gateway = Platform.client();
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aCitizenPaysTheFinancialObligationOnlineAndTheDossierResumesToItsResult() throws Exception {
        String citizen = gateway.userToken("citizen1");
        String specialist = gateway.userToken("specialist1");
        String code = processing(citizen);
        JsonNode waiting = DossierSteps.step(gateway, code, "financial-obligation", specialist,
                "{\"amount\": 1500000, \"reason\": \"Lệ phí trước bạ\"}");
        assertThat(waiting.get("nationalStatus").asInt()).isEqualTo(6);

        JsonNode obligation = await().atMost(WAIT).pollInterval(Duration.ofMillis(300))
                .until(() -> obligationOf(code, citizen), order -> order != null);
        String paymentId = obligation.get("id").asString();
        assertThat(obligation.get("amount").asLong()).isEqualTo(1_500_000);
        assertThat(gateway.post("/api/v1/payments/" + paymentId + "/checkout", gateway.userToken("citizen2"), "{}",
                UUID.randomUUID().toString()).status()).isEqualTo(404);

        HttpResponse<String> approved = payOnProvidersPage(paymentId, code, citizen);

        await().atMost(WAIT).pollInterval(Duration.ofMillis(300))
                .until(() -> gateway.get("/api/v1/dossiers/" + code, citizen).json().get("nationalStatus").asInt(), status -> status == 4);
        // The browser comes back through the gateway's public return address and is told what the platform knows.
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(approved.headers().firstValue("Location").orElseThrow()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(back.body()).contains("\"orderStatus\":\"COMPLETED\"");

        DossierSteps.step(gateway, code, "approval", gateway.userToken("leader1"), "{\"note\": \"Đồng ý\"}");
        assertThat(DossierSteps.step(gateway, code, "result", specialist, "{}").get("nationalStatus").asInt()).isEqualTo(9);

        JsonNode paid = await().atMost(WAIT).pollInterval(Duration.ofMillis(300))
                .until(() -> gateway.get("/api/v1/payments/" + paymentId, citizen).json(), o -> !o.get("receiptNumber").isNull());
        assertThat(paid.get("status").asString()).isEqualTo("COMPLETED");
        String receipt = receiptText(paymentId, citizen);
        assertThat(receipt).contains("BIÊN LAI THU PHÍ, LỆ PHÍ").contains("Một triệu năm trăm nghìn đồng").contains(code)
                .contains(paid.get("receiptNumber").asString().substring(paid.get("receiptNumber").asString().lastIndexOf('/') + 1));
        assertThat(gateway.get("/api/v1/payments/" + paymentId + "/receipt", gateway.userToken("citizen2")).status()).isEqualTo(404);
    }

    @Test
    void anOnlineResultWhoseFeeFallsDueAtTheResultIsReadOnceTheCitizenPaysIt() throws Exception {
        String citizen = gateway.userToken("citizen1");
        String officer = gateway.userToken("officer1");
        String specialist = gateway.userToken("specialist1");
        String procedure = festivalPermitWithItsFeeAtTheResult();
        Response submitted = gateway.post("/api/v1/dossiers", citizen, DossierRequestMother.liquorLicenceForCitizen1()
                .replace("\"2.000018\"", "\"" + procedure + "\"").replace("\"POST\"", "\"ONLINE\""), UUID.randomUUID().toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String code = submitted.json().get("code").asString();
        DossierSteps.step(gateway, code, "reception", officer, "{}");
        DossierSteps.step(gateway, code, "assignment", officer, "{\"assignee\": \"specialist1\"}");
        DossierSteps.step(gateway, code, "approval", gateway.userToken("leader1"), "{\"note\": \"Đồng ý\"}");
        HttpResponse<String> copy = Uploads.pdf(gateway, code, "Kết quả giải quyết", specialist);
        assertThat(copy.statusCode()).as(copy.body()).isEqualTo(201);
        String copyPath = "/api/v1/dossiers/" + code + "/documents/" + new JsonMapper().readTree(copy.body()).get("id").asString();
        assertThat(DossierSteps.step(gateway, code, "result", specialist, "{}").get("awaitsResultFee").asBoolean()).isTrue();

        Response held = gateway.get(copyPath, citizen);
        assertThat(held.status()).as(held.body()).isEqualTo(409);
        assertThat(held.body()).contains("urn:motcua:problem:result-fee-unpaid");
        assertThat(gateway.post("/api/v1/dossiers/" + code + "/return", officer, "{}", null).status()).isEqualTo(409);
        JsonNode fee = await().atMost(WAIT).pollInterval(Duration.ofMillis(300))
                .until(() -> requestedOf(code, "RESULT", citizen), order -> order != null);
        assertThat(fee.get("amount").asLong()).isEqualTo(300_000);

        payOnProvidersPage(fee.get("id").asString(), code, citizen);

        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> gateway.get(copyPath, citizen).status(), status -> status == 200);
        // Released to the citizen's account, the result is returned: nothing is left for the officer to record (ADR 0071).
        assertThat(gateway.get("/api/v1/dossiers/" + code, citizen).json().get("nationalStatus").asInt()).isEqualTo(10);
        assertThat(gateway.post("/api/v1/dossiers/" + code + "/return", officer, "{}", null).status()).isEqualTo(409);
    }

    @Test
    void aResultByPostWhoseFeeIsPaidOnlineBetweenTwoAttemptsIsNotChargedForItAgainAtTheDoor() throws Exception {
        String citizen = gateway.userToken("citizen1");
        // The postal simulator finds this recipient out at the first attempt and home on its next round (ADR 0066).
        OutAtFirst result = resultByPostOutAtTheFirstAttempt("0900000001", citizen);
        JsonNode price = result.shipment().get("price");
        assertThat(result.shipment().get("cashOnDelivery").asLong()).isEqualTo(300_000 + price.get("citizenPays").asLong());
        // Once the fee is paid, the citizen owes the post its postage, not the fee for collecting the 300,000 (ADR 0068).
        long postage = price.get("citizenPays").asLong() - price.get("cashOnDeliveryFee").asLong();
        assertThat(price.get("cashOnDeliveryFee").asLong()).isPositive();

        payOnProvidersPage(result.fee().get("id").asString(), result.code(), citizen);

        JsonNode delivered = delivered(result.code(), citizen);
        assertThat(collections(delivered)).as("the postage only").containsExactly(postage);
        assertThat(delivered.get("feesWithdrawn").asBoolean()).isTrue();
        JsonNode paid = gateway.get("/api/v1/payments/" + result.fee().get("id").asString(), citizen).json();
        assertThat(paid.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(paid.get("method").asString()).isEqualTo("ONLINE");
        assertThat(paid.path("collectedTwice").isNull() || paid.path("collectedTwice").isMissingNode()).as("collected once").isTrue();
        await().atMost(WAIT).until(() -> gateway.get("/api/v1/dossiers/" + result.code(), citizen).json().get("nationalStatus").asInt(),
                s -> s == 10);
    }

    @Test
    void feesThePostmanCollectsAfterTheyWerePaidOnlineGoBackToTheCardAndTheCitizenIsTold() throws Exception {
        String citizen = gateway.userToken("citizen1");
        // This recipient's postman collects the amount he set out with, whatever the platform tells the operator since (ADR 0067).
        OutAtFirst result = resultByPostOutAtTheFirstAttempt("0900000002", citizen);
        long setOutWith = result.shipment().get("cashOnDelivery").asLong();
        String feeId = result.fee().get("id").asString();

        payOnProvidersPage(feeId, result.code(), citizen);

        JsonNode delivered = delivered(result.code(), citizen);
        assertThat(collections(delivered)).as("the fees collected all the same").containsExactly(setOutWith);
        assertThat(delivered.get("collected").asLong()).isEqualTo(setOutWith);
        assertThat(delivered.get("cashOnDelivery").asLong()).as("the amount the platform asked for since").isLessThan(setOutWith);
        JsonNode paid = awaitJson(() -> gateway.get("/api/v1/payments/" + feeId, citizen),
                order -> order.path("collectedTwice").path("givenBackAt").isString());
        assertThat(paid.get("status").asString()).isEqualTo("COMPLETED");
        JsonNode twice = paid.get("collectedTwice");
        assertThat(twice.get("givenBackAs").asString()).as("back to the card the citizen paid with").isEqualTo("ONLINE");
        assertThat(twice.get("amount").asLong()).isEqualTo(300_000);
        assertThat(twice.get("collected").asLong()).isEqualTo(setOutWith);
        assertThat(awaitJson(() -> gateway.get("/api/v1/notifications", citizen),
                n -> n.toString().contains("Hoàn trả phí, lệ phí cho hồ sơ " + result.code())).toString())
                .contains("300.000 đồng").contains("hoàn về tài khoản hoặc thẻ");
    }

    @Test
    void theCounterOfficerRecordsTheIntakeFeePaidThereInCashAndTheCitizenIsToldWhere() throws Exception {
        String citizen = gateway.userToken("citizen1");
        String code = submittedLiquorLicence(citizen);
        JsonNode fee = intakeFeeOf(code, citizen);
        String cash = "/api/v1/payments/" + fee.get("id").asString() + "/cash-at-counter";

        assertThat(gateway.post(cash, gateway.userToken("officer2"), "{\"amount\": 1200000}", UUID.randomUUID().toString()).status())
                .as("another agency's counter").isEqualTo(404);
        assertThat(gateway.post(cash, gateway.userToken("specialist1"), "{\"amount\": 1200000}", UUID.randomUUID().toString())
                .status()).isEqualTo(403);
        Response paid = gateway.post(cash, gateway.userToken("officer1"), "{\"amount\": 1200000}", UUID.randomUUID().toString());
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().get("method").asString()).isEqualTo("CASH_AT_COUNTER");

        assertThat(awaitJson(() -> gateway.get("/api/v1/notifications", citizen),
                n -> n.toString().contains("Đã nhận khoản nộp cho hồ sơ " + code)).toString()).contains("nộp tại bộ phận một cửa");

        // Taken by mistake: the leader refunds it, and the cash leaves the drawer when the officer hands it back (ADR 0070).
        String officer = gateway.userToken("officer1");
        Response refunded = gateway.post("/api/v1/payments/" + fee.get("id").asString() + "/refunds", gateway.userToken("leader1"),
                "{\"reason\": \"Thu nhầm lệ phí\"}", UUID.randomUUID().toString());
        assertThat(refunded.status()).as(refunded.body()).isEqualTo(201);
        String paidOut = "/api/v1/payments/" + fee.get("id").asString() + "/cash-paid-out";
        assertThat(gateway.post(paidOut, gateway.userToken("officer2"), "{\"amount\": 1200000}", UUID.randomUUID().toString()).status())
                .as("another agency's counter").isEqualTo(404);
        Response handedBack = gateway.post(paidOut, officer, "{\"amount\": 1200000}", UUID.randomUUID().toString());
        assertThat(handedBack.status()).as(handedBack.body()).isEqualTo(200);
        assertThat(handedBack.json().get("cashOwedAtCounter").asLong()).isZero();
        JsonNode book = gateway.get("/api/v1/payments/agency/cash-book?day=" + LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")), officer).json();
        assertThat(book.get("refunds").toString()).contains(fee.get("id").asString()).contains("\"officer\":\"officer1\"");
    }

    @Test
    void aDossierWithdrawnBeforeItsFeeWasPaidOwesNothingAndTheCitizenIsTold() throws Exception {
        String citizen = gateway.userToken("citizen1");
        String code = submittedLiquorLicence(citizen);
        String payment = intakeFeeOf(code, citizen).get("id").asString();

        Response withdrawn = gateway.post("/api/v1/dossiers/" + code + "/withdrawal", citizen, "{\"reason\": \"Không cần nữa\"}",
                UUID.randomUUID().toString());
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);

        JsonNode cancelled = awaitJson(() -> gateway.get("/api/v1/payments/" + payment, citizen),
                order -> order.get("status").asString().equals("CANCELLED"));
        assertThat(cancelled.get("cancellation").get("reason").asString()).isEqualTo("Hồ sơ được rút: Không cần nữa");
        Response checkout = gateway.post("/api/v1/payments/" + payment + "/checkout", citizen, "{}", UUID.randomUUID().toString());
        assertThat(checkout.status()).as(checkout.body()).isEqualTo(409);
        assertThat(awaitJson(() -> gateway.get("/api/v1/notifications", citizen),
                n -> n.toString().contains("Không còn phải nộp phí, lệ phí cho hồ sơ " + code)).toString()).contains("1.200.000 đồng");
    }

    @Test
    void theProvidersAddressesAreOpenButAForgedNotificationChangesNothing() throws Exception {
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(Platform.stack().config().gatewayUrl()
                + "/api/v1/payments/provider/ipn?vnp_TxnRef=MCX&vnp_Amount=100&vnp_ResponseCode=00&vnp_SecureHash=00")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(200);
        assertThat(forged.body()).contains("\"RspCode\":\"97\"");
    }

    /** A procedure published by ops for this test, with 300,000 đồng of fees paid at the result. */
    /** A result by post, its fee due and its postman back from a first attempt that found no one home. */
    private record OutAtFirst(String code, JsonNode fee, JsonNode shipment) {
    }

    /**
     * citizen1 submits a festival permit whose 300,000 đồng fee falls due at the result, to a recipient the postal simulator
     * finds out at the first attempt; it is received, approved and its result leaves by post.
     */
    private OutAtFirst resultByPostOutAtTheFirstAttempt(String recipientPhone, String citizen) throws Exception {
        String officer = gateway.userToken("officer1");
        Response submitted = gateway.post("/api/v1/dossiers", citizen, DossierRequestMother.liquorLicenceForCitizen1()
                .replace("\"2.000018\"", "\"" + festivalPermitWithItsFeeAtTheResult() + "\"").replace("0912345678", recipientPhone),
                UUID.randomUUID().toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String code = submitted.json().get("code").asString();
        DossierSteps.step(gateway, code, "reception", officer, "{}");
        DossierSteps.step(gateway, code, "assignment", officer, "{\"assignee\": \"specialist1\"}");
        DossierSteps.step(gateway, code, "approval", gateway.userToken("leader1"), "{\"note\": \"Đồng ý\"}");
        DossierSteps.step(gateway, code, "result", gateway.userToken("specialist1"), "{}");
        JsonNode fee = await().atMost(WAIT).pollInterval(Duration.ofMillis(300))
                .until(() -> requestedOf(code, "RESULT", citizen), order -> order != null);
        JsonNode outAtFirst = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> gateway.get("/api/v1/shipments/RET-" + code, citizen).json(), s -> s.get("status").asString().equals("DELIVERY_FAILED"));
        return new OutAtFirst(code, fee, outAtFirst);
    }

    private JsonNode delivered(String code, String citizen) {
        JsonNode delivered = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get("/api/v1/shipments/RET-" + code, citizen).json(),
                        s -> s.get("history").toString().contains("CASH_COLLECTED"));
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        return delivered;
    }

    private static List<Long> collections(JsonNode shipment) {
        List<Long> collected = new ArrayList<>();
        for (JsonNode report : shipment.get("history")) {
            if (report.get("progress").asString().equals("CASH_COLLECTED")) {
                collected.add(report.get("amount").asLong());
            }
        }
        return collected;
    }

    private String festivalPermitWithItsFeeAtTheResult() {
        String procedure = "9." + String.format("%06d", (int) (System.nanoTime() % 1_000_000));
        Response published = gateway.post("/api/v1/procedures", gateway.userToken("ops1"), """
                {"code": "%s", "name": "Cấp phép tổ chức lễ hội", "field": "Văn hóa", "agencyLevel": "COMMUNE",
                 "onlineLevel": 4, "processingDays": 5, "fees": [{"kind": "LE_PHI", "amount": 300000, "per": "DOSSIER", "refundable": false}],
                 "feeTiming": "RESULT", "acceptByPost": true, "returnByPost": true, "inPersonSignature": false,
                 "paperOriginalRequired": false, "urgentCounter": false, "requiredDocuments": [], "cutOff": null}
                """.formatted(procedure), null);
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        return procedure;
    }

    private String processing(String citizen) throws Exception {
        String code = submittedLiquorLicence(citizen);
        for (String kind : List.of("Đơn đề nghị cấp giấy phép", "Bản sao giấy chứng nhận đăng ký kinh doanh")) {
            assertThat(Uploads.pdf(gateway, code, kind, citizen).statusCode()).isEqualTo(201);
        }
        String officer = gateway.userToken("officer1");
        DossierSteps.step(gateway, code, "reception", officer, "{}");
        DossierSteps.step(gateway, code, "assignment", officer, "{\"assignee\": \"specialist1\"}");
        return code;
    }

    private String submittedLiquorLicence(String citizen) {
        Response submitted = gateway.post("/api/v1/dossiers", citizen, DossierRequestMother.liquorLicenceForCitizen1(),
                UUID.randomUUID().toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return submitted.json().get("code").asString();
    }

    /** The intake fee's order, once the payment service has opened it from the priced lines. */
    private JsonNode intakeFeeOf(String code, String citizen) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> requestedOf(code, "INTAKE", citizen),
                order -> order != null);
    }

    private JsonNode obligationOf(String code, String citizen) {
        return requestedOf(code, "OBLIGATION", citizen);
    }

    private JsonNode requestedOf(String code, String stage, String citizen) {
        for (JsonNode order : gateway.get("/api/v1/payments?dossier=" + code, citizen).json()) {
            if (order.get("stage").asString().equals(stage) && order.get("status").asString().equals("REQUESTED")) {
                return order;
            }
        }
        return null;
    }

    /** The citizen checks out and approves on the provider simulator's page: its signed IPN then completes the order. */
    private HttpResponse<String> payOnProvidersPage(String paymentId, String code, String citizen) throws Exception {
        Response checkout = gateway.post("/api/v1/payments/" + paymentId + "/checkout", citizen, "{}", UUID.randomUUID().toString());
        assertThat(checkout.status()).as(checkout.body()).isEqualTo(201);
        URI paymentUrl = URI.create(checkout.json().get("paymentUrl").asString());
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(paymentUrl).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Thanh toán").contains("Thanh toan phi ho so " + code);
        HttpResponse<String> approved = browser.send(HttpRequest.newBuilder(paymentUrl.resolve("/paymentv2/decide"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("txnRef=" + checkout.json().get("reference").asString() + "&outcome=approve"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(approved.statusCode()).isEqualTo(302);
        return approved;
    }

    private String receiptText(String paymentId, String token) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(gateway.request("/api/v1/payments/" + paymentId + "/receipt", token)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        return new PdfTextExtractor(new PdfReader(response.body())).getTextFromPage(1);
    }
}
