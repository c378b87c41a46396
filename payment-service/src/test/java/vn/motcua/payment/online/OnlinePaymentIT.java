package vn.motcua.payment.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_JUSTICE;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.CITIZEN_2;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.leader;
import static vn.motcua.testinfra.CallerMother.officer;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Topics;
import vn.motcua.events.payment.PaymentMethod;
import vn.motcua.payment.PaymentSteps;
import vn.motcua.payment.ProviderSimulatorProcess;
import vn.motcua.payment.WithProviderSimulator;
import vn.motcua.payment.ordering.Attempt;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.PaymentOrderMother;
import vn.motcua.payment.ordering.PaymentStatus;
import vn.motcua.payment.provider.internal.SignedCallbacks;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.KafkaProbe;

class OnlinePaymentIT extends WithProviderSimulator {

    @Test
    void theCitizenPaysThroughTheProviderAndTheSignedNotificationCompletesTheOrderWithAReceipt() throws Exception {
        String code = EventMother.newDossierCode();
        String id = steps.intakeOrder(code, 150_000);

        PaymentSteps.Checkout checkout = steps.checkout(id, CITIZEN_1);
        assertThat(checkout.paymentUrl().toString()).startsWith(ProviderSimulatorProcess.BASE + "/paymentv2/vpcpay.html?")
                .contains("vnp_Amount=15000000").contains("vnp_TxnRef=" + checkout.reference()).contains("vnp_SecureHash=");
        // Back at the return URL before any notification: the order is not paid on the browser's word.
        var redirect = ProviderSimulatorProcess.pay(checkout.paymentUrl(), checkout.reference(), "approve", true);
        assertThat(redirect.statusCode()).isEqualTo(302);

        PaymentOrder paid = steps.awaitOrder(id, o -> o.status() == PaymentStatus.COMPLETED && o.receiptNumber() != null);
        assertThat(paid.method()).isEqualTo(PaymentMethod.ONLINE);
        assertThat(paid.receiptNumber()).startsWith(AGENCY_THUONG_TIN + "/");
        ConsumerRecord<String, String> completed = KafkaProbe.await(Topics.PAYMENT,
                r -> code.equals(r.key()) && "PaymentCompleted".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), Duration.ofSeconds(20));
        assertThat(completed.value()).contains("\"amount\":150000").contains("\"method\":\"ONLINE\"");

        String returnQuery = redirect.headers().firstValue("Location").orElseThrow().split("\\?", 2)[1];
        // Through the servlet container, as the browser comes back ('+' is a space in a query).
        String shown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + ProviderSimulatorProcess.SERVICE_PORT + "/api/v1/payments/provider/return?" + returnQuery)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(shown).contains("\"orderStatus\":\"COMPLETED\"").contains("\"providerCode\":\"00\"");
        String tampered = returnQuery.replace("vnp_ResponseCode=00", "vnp_ResponseCode=24");
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + ProviderSimulatorProcess.SERVICE_PORT + "/api/v1/payments/provider/return?" + tampered)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);

        byte[] pdf = mvc.perform(get("/api/v1/payments/{id}/receipt", id).with(citizen(CITIZEN_1))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertThat(text).contains("BIÊN LAI THU PHÍ, LỆ PHÍ").contains("Một trăm năm mươi nghìn đồng").contains(code);
        mvc.perform(get("/api/v1/payments/{id}/receipt", id).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/payments/{id}/receipt", id).with(citizen(CITIZEN_2))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/payments/{id}/receipt", id).with(officer(AGENCY_JUSTICE))).andExpect(status().isNotFound());
    }

    @Test
    void aForgedOrMismatchedNotificationIsAnsweredWithItsCodeAndChangesNothing() throws Exception {
        String id = steps.intakeOrder(EventMother.newDossierCode(), 80_000);
        PaymentSteps.Checkout checkout = steps.checkout(id, CITIZEN_1);

        Map<String, String> forged = new LinkedHashMap<>(SignedCallbacks.ipn(checkout.reference(), 80_000, true, "1"));
        forged.put("vnp_Amount", "100");
        assertThat(PaymentSteps.ipn(forged)).isEqualTo("97");
        assertThat(PaymentSteps.ipn(SignedCallbacks.ipn(checkout.reference(), 8_000, true, "1"))).isEqualTo("04");
        assertThat(PaymentSteps.ipn(SignedCallbacks.ipn("MCNOSUCHREF", 80_000, true, "1"))).isEqualTo("01");

        PaymentOrder order = orders.findById(id).orElseThrow();
        assertThat(order.status()).isEqualTo(PaymentStatus.REQUESTED);
        assertThat(order.attempts()).singleElement().extracting(Attempt::state).isEqualTo(Attempt.State.PENDING);
    }

    @Test
    void theSameNotificationFiftyTimesAtOnceCompletesTheOrderOnceWithOneEventAndOneReceipt() throws Exception {
        String code = EventMother.newDossierCode();
        String id = steps.intakeOrder(code, 60_000);
        PaymentSteps.Checkout checkout = steps.checkout(id, CITIZEN_1);
        Map<String, String> ipn = SignedCallbacks.ipn(checkout.reference(), 60_000, true, "14009999");

        Map<String, Integer> answers = new ConcurrentHashMap<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> calls = IntStream.range(0, 50).mapToObj(i -> callers.submit(() -> PaymentSteps.ipn(ipn)))
                    .toList();
            for (Future<String> call : calls) {
                answers.merge(call.get(), 1, Integer::sum);
            }
        }
        assertThat(answers).containsEntry("00", 1).containsEntry("02", 49);

        PaymentOrder paid = steps.awaitOrder(id, o -> o.receiptNumber() != null);
        List<ConsumerRecord<String, String>> completions = KafkaProbe.collect(Topics.PAYMENT,
                r -> code.equals(r.key()) && "PaymentCompleted".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), 5, Duration.ofSeconds(4));
        assertThat(completions).hasSize(1);
        Thread.sleep(500);
        assertThat(orders.findById(id).orElseThrow().receiptNumber()).isEqualTo(paid.receiptNumber());
    }

    @Test
    void notificationsOutOfOrderLeaveTheOrderPaidByTheAttemptThatPaid() throws Exception {
        String id = steps.intakeOrder(EventMother.newDossierCode(), 70_000);
        PaymentSteps.Checkout declined = steps.checkout(id, CITIZEN_1);
        PaymentSteps.Checkout approved = steps.checkout(id, CITIZEN_1);

        // The second attempt's success arrives before the first attempt's decline.
        assertThat(PaymentSteps.ipn(SignedCallbacks.ipn(approved.reference(), 70_000, true, "14000002"))).isEqualTo("00");
        assertThat(PaymentSteps.ipn(SignedCallbacks.ipn(declined.reference(), 70_000, false, "0"))).isEqualTo("00");
        // A success and then a failure for the same attempt: the first stands.
        assertThat(PaymentSteps.ipn(SignedCallbacks.ipn(approved.reference(), 70_000, false, "0"))).isEqualTo("02");

        PaymentOrder order = orders.findById(id).orElseThrow();
        assertThat(order.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(order.paidAttempt().orElseThrow().reference()).isEqualTo(approved.reference());
        assertThat(order.attempt(declined.reference()).orElseThrow().state()).isEqualTo(Attempt.State.FAILED);
        mvc.perform(post("/api/v1/payments/{id}/checkout", id).with(citizen(CITIZEN_1)).header("Idempotency-Key", "after-paid-1"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("urn:motcua:problem:order-not-payable"));
    }

    @Test
    void aDeclinedPaymentIsToldAndTheCitizenMayTryAgain() throws Exception {
        String code = EventMother.newDossierCode();
        String id = steps.intakeOrder(code, 90_000);
        PaymentSteps.Checkout first = steps.checkout(id, CITIZEN_1);
        ProviderSimulatorProcess.pay(first.paymentUrl(), first.reference(), "decline", true);
        steps.awaitOrder(id, o -> o.attempt(first.reference()).map(a -> a.state() == Attempt.State.FAILED).orElse(false));
        assertThat(KafkaProbe.await(Topics.PAYMENT, r -> code.equals(r.key()) && "PaymentFailed".equals(KafkaProbe.header(r,
                CloudEventHeaders.TYPE)), Duration.ofSeconds(20)).value()).contains("\"providerCode\":\"24\"");

        PaymentSteps.Checkout second = steps.checkout(id, CITIZEN_1);
        ProviderSimulatorProcess.pay(second.paymentUrl(), second.reference(), "approve", true);
        assertThat(steps.awaitOrder(id, o -> o.status() == PaymentStatus.COMPLETED).paidAttempt().orElseThrow().reference())
                .isEqualTo(second.reference());
    }

    @Test
    void anOrderHasAtMostThreeAttemptsOpenAtOnceAndAnAnsweredOneFreesItsPlace() throws Exception {
        String id = steps.intakeOrder(EventMother.newDossierCode(), 70_000);
        PaymentSteps.Checkout first = steps.checkout(id, CITIZEN_1);
        steps.checkout(id, CITIZEN_1);
        steps.checkout(id, CITIZEN_1);

        mvc.perform(post("/api/v1/payments/{id}/checkout", id).with(citizen(CITIZEN_1)).header("Idempotency-Key", UUID.randomUUID()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:too-many-open-attempts"))
                .andExpect(jsonPath("$.openAttempts").value(3))
                .andExpect(header().string("Retry-After", matchesPattern("\\d+")));
        assertThat(orders.findById(id).orElseThrow().attempts()).as("the refused checkout began none").hasSize(3);

        // Declined at the provider, the first is answered: its place is free for another.
        ProviderSimulatorProcess.pay(first.paymentUrl(), first.reference(), "decline", true);
        steps.awaitOrder(id, o -> o.attempt(first.reference()).map(a -> a.state() == Attempt.State.FAILED).orElse(false));
        PaymentSteps.Checkout fourth = steps.checkout(id, CITIZEN_1);
        ProviderSimulatorProcess.pay(fourth.paymentUrl(), fourth.reference(), "approve", true);
        assertThat(steps.awaitOrder(id, o -> o.status() == PaymentStatus.COMPLETED).paidAttempt().orElseThrow().reference())
                .isEqualTo(fourth.reference());
    }

    @Test
    void checkoutIsTheOwnersOnlyAndTakesAnIdempotencyKey() throws Exception {
        String id = steps.intakeOrder(EventMother.newDossierCode(), 40_000);

        mvc.perform(post("/api/v1/payments/{id}/checkout", id).with(citizen(CITIZEN_2)).header("Idempotency-Key", "other-citizen-1"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/payments/{id}/checkout", id).with(officer(AGENCY_THUONG_TIN)).header("Idempotency-Key", "officer-01"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/payments/{id}/checkout", id).header("Idempotency-Key", "no-token-01")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/payments/{id}/checkout", id).with(citizen(CITIZEN_1))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:idempotency-key-missing"));

        String first = mvc.perform(post("/api/v1/payments/{id}/checkout", id).with(citizen(CITIZEN_1)).header("Idempotency-Key", "same-key-1"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String again = mvc.perform(post("/api/v1/payments/{id}/checkout", id).with(citizen(CITIZEN_1)).header("Idempotency-Key", "same-key-1"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(again).isEqualTo(first);
        assertThat(orders.findById(id).orElseThrow().attempts()).hasSize(1);
        mvc.perform(post("/api/v1/payments/{id}/checkout", "PAY-NO-SUCH").with(citizen(CITIZEN_1)).header("Idempotency-Key", "no-such-1"))
                .andExpect(status().isNotFound());
    }

    @Test
    void theListsShowEachCallerWhatIsTheirs() throws Exception {
        String code = EventMother.newDossierCode();
        String id = steps.intakeOrder(code, 30_000);

        mvc.perform(get("/api/v1/payments/mine").param("status", "REQUESTED").with(citizen(CITIZEN_1))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')]").exists());
        mvc.perform(get("/api/v1/payments/mine").with(citizen(CITIZEN_2))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')]").doesNotExist());
        mvc.perform(get("/api/v1/payments").param("dossier", code).with(citizen(CITIZEN_2))).andExpect(status().isOk())
                .andExpect(jsonPath("$").isEmpty());
        mvc.perform(get("/api/v1/payments").param("dossier", code).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id));
        mvc.perform(get("/api/v1/payments/agency").with(leader(AGENCY_THUONG_TIN))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')]").exists());
        mvc.perform(get("/api/v1/payments/agency").with(leader(AGENCY_JUSTICE))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')]").doesNotExist());
        mvc.perform(get("/api/v1/payments/agency").with(citizen(CITIZEN_1))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/payments/{id}", id).with(officer(AGENCY_JUSTICE))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/payments/{id}", id)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/payments/mine")).andExpect(status().isUnauthorized());
    }

    @Test
    void whatACitizenOwesIsListedHoweverManyNewerOrdersComeFirst() throws Exception {
        String citizen = "0010" + String.valueOf(System.nanoTime()).substring(0, 8);
        Instant monday = Instant.parse("2026-11-23T02:00:00Z");
        PaymentOrder owed = PaymentOrderMother.intakeFeeOf(citizen, EventMother.newDossierCode(), true, monday);
        orders.insert(owed);
        // Past its pay-by time and still owed (ADR 0073).
        PaymentOrder overdue = PaymentOrderMother.intakeFeeOf(citizen, EventMother.newDossierCode(), true, monday.plusSeconds(1800));
        overdue.expire(overdue.payBy());
        orders.insert(overdue);
        // Three newer orders the citizen paid: the first page of two holds none that is owed.
        for (int hour = 1; hour <= 3; hour++) {
            PaymentOrder paid = PaymentOrderMother.intakeFeeOf(citizen, EventMother.newDossierCode(), true, monday.plusSeconds(3600L * hour));
            paid.paidAtCounter(paid.amount(), "officer1", monday.plusSeconds(3600L * hour));
            orders.insert(paid);
        }

        mvc.perform(get("/api/v1/payments/mine").param("status", "REQUESTED").param("size", "2").with(citizen(citizen)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].id").value(owed.id()));
        mvc.perform(get("/api/v1/payments/mine").param("status", "REQUESTED,EXPIRED").param("size", "2").with(citizen(citizen)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2)).andExpect(jsonPath("$[0].id").value(overdue.id()))
                .andExpect(jsonPath("$[1].id").value(owed.id()));
        mvc.perform(get("/api/v1/payments/mine").param("status", "EXPIRED", "REQUESTED").with(citizen(citizen)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/api/v1/payments/mine").param("status", "REQUESTED,OWED").with(citizen(citizen)))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/payments/mine").param("size", "2").with(citizen(citizen)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[?(@.id == '" + owed.id() + "')]").doesNotExist());
        mvc.perform(get("/api/v1/payments/mine").param("status", "REQUESTED").with(citizen(CITIZEN_2))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + owed.id() + "')]").doesNotExist());
    }
}
