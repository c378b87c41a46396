package vn.motcua.payment.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
import static vn.motcua.testinfra.CallerMother.ops;
import static vn.motcua.testinfra.CallerMother.specialist;
import static vn.motcua.testinfra.CallerMother.staff;
import static vn.motcua.testinfra.CallerMother.withRoles;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Topics;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.events.payment.PaymentMethod;
import vn.motcua.kit.time.CivilTime;
import vn.motcua.payment.WithProviderSimulator;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.PaymentStatus;
import vn.motcua.testinfra.AbandonedRequests;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.KafkaProbe;

class CashAtCounterIT extends WithProviderSimulator {
    @Autowired
    private MongoTemplate mongo;

    private static MockHttpServletRequestBuilder cash(String id, String body, String key) {
        MockHttpServletRequestBuilder request = post("/api/v1/payments/{id}/cash-at-counter", id)
                .contentType(MediaType.APPLICATION_JSON).content(body);
        return key == null ? request : request.header("Idempotency-Key", key);
    }

    @Test
    void theCounterOfficerRecordsCashPaidThereAndTheOrderCompletesWithItsReceiptOnce() throws Exception {
        String code = EventMother.newDossierCode();
        String id = steps.intakeOrder(code, 150_000);
        String key = "cash-" + UUID.randomUUID();

        mvc.perform(cash(id, "{\"amount\": 150000}", key).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.method").value("CASH_AT_COUNTER"));
        mvc.perform(cash(id, "{\"amount\": 150000}", key).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPLETED"));
        mvc.perform(cash(id, "{\"amount\": 150000}", "cash-" + UUID.randomUUID()).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:order-not-payable"));

        assertThat(KafkaProbe.collect(Topics.PAYMENT, r -> code.equals(r.key()) && "PaymentCompleted".equals(KafkaProbe.header(r,
                CloudEventHeaders.TYPE)), 2, Duration.ofSeconds(4))).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"method\":\"CASH_AT_COUNTER\""));
        PaymentOrder paid = steps.awaitOrder(id, o -> o.receiptNumber() != null);
        assertThat(paid.paidReference()).isEqualTo("officer-" + AGENCY_THUONG_TIN);
        byte[] pdf = mvc.perform(get("/api/v1/payments/{id}/receipt", id).with(citizen(CITIZEN_1))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1)).contains("Tiền mặt tại bộ phận một cửa")
                .contains("Một trăm năm mươi nghìn đồng");

        mvc.perform(post("/api/v1/payments/{id}/refunds", id).with(leader(AGENCY_THUONG_TIN)).header("Idempotency-Key", "refund-" + key)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Thu nhầm lệ phí\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("REFUNDED"))
                .andExpect(jsonPath("$.reference").value("TIEN-MAT-officer-" + AGENCY_THUONG_TIN));
    }

    private static MockHttpServletRequestBuilder paidOut(String id, String body, String key) {
        MockHttpServletRequestBuilder request = post("/api/v1/payments/{id}/cash-paid-out", id)
                .contentType(MediaType.APPLICATION_JSON).content(body);
        return key == null ? request : request.header("Idempotency-Key", key);
    }

    @Test
    void cashGoingBackLeavesTheDrawerWhenAnOfficerHandsItOverWholeAndOnce() throws Exception {
        String id = steps.intakeOrder(EventMother.newDossierCode(), 90_000);
        mvc.perform(cash(id, "{\"amount\": 90000}", "cash-" + UUID.randomUUID()).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isOk());
        mvc.perform(paidOut(id, "{\"amount\": 90000}", "chi-" + UUID.randomUUID()).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:no-cash-owed"));
        mvc.perform(post("/api/v1/payments/{id}/refunds", id).with(leader(AGENCY_THUONG_TIN)).header("Idempotency-Key", "refund-" + id)
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Rút hồ sơ\"}")).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/payments/{id}", id).with(citizen(CITIZEN_1))).andExpect(status().isOk())
                .andExpect(jsonPath("$.cashOwedAtCounter").value(90_000))
                .andExpect(jsonPath("$.refund.inCash").value(true))
                .andExpect(jsonPath("$.refund.paidOutAt").doesNotExist());
        assertThat(voucher(id)).as("printed for the citizen to sign").contains("PHIẾU CHI HOÀN TRẢ PHÍ, LỆ PHÍ", "Rút hồ sơ",
                "Chín mươi nghìn đồng", "Chưa chi", "Người nhận tiền (ký, ghi rõ họ tên)");

        mvc.perform(paidOut(id, "{\"amount\": 50000}", "chi-" + UUID.randomUUID()).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:amount-differs"))
                .andExpect(jsonPath("$.amount").value(90_000));
        for (String malformed : List.of("{}", "{\"amount\": 0}", "{\"amount\": \"90000\"}", "[]")) {
            mvc.perform(paidOut(id, malformed, "chi-" + UUID.randomUUID()).with(officer(AGENCY_THUONG_TIN)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(paidOut(id, "{\"amount\": 90000}", null).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:idempotency-key-missing"));
        assertThat(orders.findById(id).orElseThrow().cashOwed()).as("refused requests change nothing").isEqualTo(90_000);

        String key = "chi-" + UUID.randomUUID();
        mvc.perform(paidOut(id, "{\"amount\": 90000}", key).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cashOwedAtCounter").value(0))
                .andExpect(jsonPath("$.refund.paidOutAt").isNotEmpty());
        mvc.perform(paidOut(id, "{\"amount\": 90000}", key).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.cashOwedAtCounter").value(0));
        // The hand-over was stored and the process died before answering: the retry is answered as it stands.
        AbandonedRequests.diedBeforeAnswering(mongo.getDb(), key);
        mvc.perform(paidOut(id, "{\"amount\": 90000}", key).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.cashOwedAtCounter").value(0));
        mvc.perform(paidOut(id, "{\"amount\": 90000}", "chi-" + UUID.randomUUID()).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:no-cash-owed"));
        assertThat(orders.findById(id).orElseThrow().refund().paidOut().officer()).isEqualTo("officer-" + AGENCY_THUONG_TIN);
        // A table's cell wraps where the page needs: compared without the spaces and line ends it adds.
        assertThat(voucher(id).replaceAll("\\s+", "")).contains("cánbộofficer-" + AGENCY_THUONG_TIN).doesNotContain("Chưachi");
    }

    private String voucher(String id) throws Exception {
        byte[] pdf = mvc.perform(get("/api/v1/payments/{id}/cash-voucher", id).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        return new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
    }

    @Test
    void onlyAnOfficerOfTheOrdersAgencyHandsCashBackAtItsCounter() throws Exception {
        String id = steps.intakeOrder(EventMother.newDossierCode(), 70_000);
        mvc.perform(cash(id, "{\"amount\": 70000}", "cash-" + UUID.randomUUID()).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/payments/{id}/refunds", id).with(leader(AGENCY_THUONG_TIN)).header("Idempotency-Key", "refund-" + id)
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Rút hồ sơ\"}")).andExpect(status().isCreated());
        String body = "{\"amount\": 70000}";

        mvc.perform(paidOut(id, body, "chi-" + UUID.randomUUID())).andExpect(status().isUnauthorized());
        for (RequestPostProcessor notAtTheCounter : List.of(citizen(CITIZEN_1), specialist(AGENCY_THUONG_TIN), leader(AGENCY_THUONG_TIN),
                ops())) {
            mvc.perform(paidOut(id, body, "chi-" + UUID.randomUUID()).with(notAtTheCounter)).andExpect(status().isForbidden());
        }
        mvc.perform(paidOut(id, body, "chi-" + UUID.randomUUID()).with(officer(AGENCY_JUSTICE))).andExpect(status().isNotFound());
        mvc.perform(paidOut(id, "{}", null).with(officer(AGENCY_JUSTICE))).andExpect(status().isNotFound());
        mvc.perform(paidOut("PAY-no-such-order", body, "chi-" + UUID.randomUUID()).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isNotFound());
        assertThat(orders.findById(id).orElseThrow().cashOwed()).isEqualTo(70_000);

        String voucher = "/api/v1/payments/" + id + "/cash-voucher";
        mvc.perform(get(voucher)).andExpect(status().isUnauthorized());
        mvc.perform(get(voucher).with(withRoles("no-role"))).andExpect(status().isForbidden());
        for (RequestPostProcessor notTheirs : List.of(citizen(CITIZEN_2), officer(AGENCY_JUSTICE))) {
            mvc.perform(get(voucher).with(notTheirs)).andExpect(status().isNotFound());
        }
        for (RequestPostProcessor mayRead : List.of(citizen(CITIZEN_1), specialist(AGENCY_THUONG_TIN), leader(AGENCY_THUONG_TIN), ops())) {
            mvc.perform(get(voucher).with(mayRead)).andExpect(status().isOk());
        }
        String sendsNothingBack = steps.intakeOrder(EventMother.newDossierCode(), 10_000);
        mvc.perform(get("/api/v1/payments/{id}/cash-voucher", sendsNothingBack).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:no-cash-owed"));
    }

    @Test
    void theDaysCashBookSaysWhatEachOfficerTookAndWhatWentBackAndTheFiguresCountItApart() throws Exception {
        String agency = "000.99." + (10 + Math.floorMod(System.nanoTime(), 90)) + ".H29";
        String first = steps.dueOrder(EventMother.snapshot(EventMother.newDossierCode(), CITIZEN_1, agency, ResultDelivery.COUNTER, 1),
                FeeStage.INTAKE, 100_000);
        String second = steps.dueOrder(EventMother.snapshot(EventMother.newDossierCode(), CITIZEN_1, agency, ResultDelivery.COUNTER, 1),
                FeeStage.INTAKE, 50_000);
        String refunded = steps.dueOrder(EventMother.snapshot(EventMother.newDossierCode(), CITIZEN_1, agency, ResultDelivery.COUNTER, 1),
                FeeStage.INTAKE, 30_000);
        RequestPostProcessor cashierA = staff("thu-ngan-a", agency, "officer");
        RequestPostProcessor cashierB = staff("thu-ngan-b", agency, "officer");
        mvc.perform(cash(first, "{\"amount\": 100000}", "cash-" + UUID.randomUUID()).with(cashierA)).andExpect(status().isOk());
        mvc.perform(cash(second, "{\"amount\": 50000}", "cash-" + UUID.randomUUID()).with(cashierB)).andExpect(status().isOk());
        mvc.perform(cash(refunded, "{\"amount\": 30000}", "cash-" + UUID.randomUUID()).with(cashierA)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/payments/{id}/refunds", refunded).with(leader(agency)).header("Idempotency-Key", "refund-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Thu nhầm lệ phí\"}")).andExpect(status().isCreated());
        String today = LocalDate.now(CivilTime.VIETNAM).toString();
        mvc.perform(get("/api/v1/payments/agency/cash-book").param("day", today).with(cashierA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.givenBack").value(0))
                .andExpect(jsonPath("$.refunds").isEmpty())
                .andExpect(jsonPath("$.stillOwed").value(30_000))
                .andExpect(jsonPath("$.owed[0].paymentId").value(refunded))
                .andExpect(jsonPath("$.owed[0].reason").value("Thu nhầm lệ phí"));
        mvc.perform(paidOut(refunded, "{\"amount\": 30000}", "chi-" + UUID.randomUUID()).with(cashierB)).andExpect(status().isOk());

        for (RequestPostProcessor agencyStaff : List.of(cashierB, leader(agency))) {
            mvc.perform(get("/api/v1/payments/agency/cash-book").param("day", today).with(agencyStaff))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.agencyCode").value(agency))
                    .andExpect(jsonPath("$.received").value(180_000))
                    .andExpect(jsonPath("$.givenBack").value(30_000))
                    .andExpect(jsonPath("$.byOfficer[0].officer").value("thu-ngan-a"))
                    .andExpect(jsonPath("$.byOfficer[0].payments").value(2))
                    .andExpect(jsonPath("$.byOfficer[0].amount").value(130_000))
                    .andExpect(jsonPath("$.byOfficer[0].givenBack").value(0))
                    .andExpect(jsonPath("$.byOfficer[1].amount").value(50_000))
                    .andExpect(jsonPath("$.byOfficer[1].givenBack").value(30_000))
                    .andExpect(jsonPath("$.payments.length()").value(3))
                    .andExpect(jsonPath("$.refunds[0].paymentId").value(refunded))
                    .andExpect(jsonPath("$.refunds[0].paidBy").value("CASH_AT_COUNTER"))
                    .andExpect(jsonPath("$.refunds[0].officer").value("thu-ngan-b"))
                    .andExpect(jsonPath("$.stillOwed").value(0))
                    .andExpect(jsonPath("$.owed").isEmpty());
        }
        byte[] csv = mvc.perform(get("/api/v1/payments/agency/cash-book.csv").param("day", today).with(cashierB))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", containsString("so-quy-" + agency + "-" + today + ".csv")))
                .andReturn().getResponse().getContentAsByteArray();
        List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1 + 3 + 1 + 1);
        assertThat(lines.getFirst()).startsWith("\uFEFF\"Loại\",\"Thời điểm\"");
        assertThat(lines).filteredOn(line -> line.startsWith("\"Thu\"")).hasSize(3)
                .anySatisfy(line -> assertThat(line).contains("\"" + first + "\"", "\"Khi nộp hồ sơ\",\"100000\",\"\",\"thu-ngan-a\"",
                        "\"Tiền mặt tại bộ phận một cửa\""));
        assertThat(lines).filteredOn(line -> line.startsWith("\"Chi\"")).singleElement()
                .satisfies(line -> assertThat(line).contains("\"" + refunded + "\"", "\"30000\",\"thu-ngan-b\"", "\"Thu nhầm lệ phí\""));
        assertThat(lines.getLast()).startsWith("\"Tổng cộng\",\"" + today + "\"").contains("\"180000\",\"30000\"");
        String yesterday = LocalDate.parse(today).minusDays(1).toString();
        byte[] month = mvc.perform(get("/api/v1/payments/agency/cash-book.csv").param("from", yesterday).param("to", today)
                        .with(leader(agency))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("so-quy-" + agency + "-" + yesterday + "-" + today + ".csv")))
                .andReturn().getResponse().getContentAsByteArray();
        List<String> periodLines = new String(month, StandardCharsets.UTF_8).lines().toList();
        assertThat(periodLines).as("the same movements over the period").hasSize(lines.size());
        assertThat(periodLines.getLast()).startsWith("\"Tổng cộng\",\"" + yesterday + " – " + today + "\"").contains("\"180000\",\"30000\"");
        for (String backwardBothTooLongOrHalf : List.of("from=" + today + "&to=" + yesterday, "day=" + today + "&from=" + yesterday,
                "from=" + today + "&to=" + LocalDate.parse(today).plusDays(400), "to=" + today)) {
            mvc.perform(get("/api/v1/payments/agency/cash-book.csv?" + backwardBothTooLongOrHalf).with(leader(agency)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("urn:motcua:problem:period-invalid"));
        }

        mvc.perform(get("/api/v1/payments/agency/cash-book").param("day", LocalDate.parse(today).minusDays(1).toString()).with(cashierA))
                .andExpect(status().isOk()).andExpect(jsonPath("$.received").value(0)).andExpect(jsonPath("$.payments").isEmpty());
        mvc.perform(get("/api/v1/payments/statistics").param("from", today).param("to", today).with(leader(agency)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paidAtCounter").value(180_000))
                .andExpect(jsonPath("$.paidToPostman").value(0))
                .andExpect(jsonPath("$.paidOnline").value(0));
    }

    @Test
    void onlyTheAgencysOfficersAndLeadersReadItsCashBookOfAWellFormedDay() throws Exception {
        String code = EventMother.newDossierCode();
        String id = steps.intakeOrder(code, 20_000);
        mvc.perform(cash(id, "{\"amount\": 20000}", "cash-" + UUID.randomUUID()).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isOk());
        String today = LocalDate.now(CivilTime.VIETNAM).toString();

        for (String book : List.of("/api/v1/payments/agency/cash-book", "/api/v1/payments/agency/cash-book.csv")) {
            mvc.perform(get(book).param("day", today)).andExpect(status().isUnauthorized());
            for (RequestPostProcessor notTheCounter : List.of(citizen(CITIZEN_1), specialist(AGENCY_THUONG_TIN), ops())) {
                mvc.perform(get(book).param("day", today).with(notTheCounter)).andExpect(status().isForbidden());
            }
            mvc.perform(get(book).param("day", today).with(withRoles("officer-without-agency", "officer"))).andExpect(status().isForbidden());
            mvc.perform(get(book).param("day", today).with(officer(AGENCY_JUSTICE))).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString(code))));
            for (String day : List.of("2026-13-01", "hôm nay", "")) {
                mvc.perform(get(book).param("day", day).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isBadRequest())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            }
            mvc.perform(get(book).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isBadRequest());
        }
    }

    @Test
    void anExpiredOrderIsStillPaidAtTheCounter() throws Exception {
        String id = steps.intakeOrder(EventMother.newDossierCode(), 40_000);
        PaymentOrder order = orders.findById(id).orElseThrow();
        order.expire(order.payBy());
        orders.save(order);

        mvc.perform(cash(id, "{\"amount\": 40000}", "cash-" + UUID.randomUUID()).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.paidAfterExpiry").value(true));
    }

    @Test
    void wrongCashAnOrderNotDueOrAMalformedRequestChangesNothing() throws Exception {
        String id = steps.intakeOrder(EventMother.newDossierCode(), 60_000);
        String planned = steps.dueOrder(EventMother.snapshot(EventMother.newDossierCode(), CITIZEN_1, AGENCY_THUONG_TIN,
                ResultDelivery.COUNTER, 1), FeeStage.RESULT, 60_000);

        mvc.perform(cash(id, "{\"amount\": 50000}", "cash-" + UUID.randomUUID()).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:amount-differs"))
                .andExpect(jsonPath("$.amount").value(60_000));
        mvc.perform(cash(planned, "{\"amount\": 60000}", "cash-" + UUID.randomUUID()).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:order-not-payable"));
        for (String malformed : List.of("{}", "{\"amount\": -60000}", "{\"amount\": \"sáu mươi nghìn\"}", "{\"amount\": 60000, \"by\": 1}")) {
            mvc.perform(cash(id, malformed, "cash-" + UUID.randomUUID()).with(officer(AGENCY_THUONG_TIN)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        // What only looks like the amount is not taken for it: digits in quotes with a control character the
        // reader used to trim, a fraction it used to cut off.
        for (String lookAlike : List.of("{\"amount\": \"60000\"}", "{\"amount\": \"60000\\u0000\"}", "{\"amount\": 60000.9}")) {
            mvc.perform(cash(id, lookAlike, "cash-" + UUID.randomUUID()).with(officer(AGENCY_THUONG_TIN)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("urn:motcua:problem:malformed-body"))
                    .andExpect(jsonPath("$.field").value("amount"))
                    .andExpect(jsonPath("$.detail").value(containsString("no quotes, no fraction")));
        }
        mvc.perform(cash(id, "{\"amount\": 60000}", null).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:idempotency-key-missing"));
        assertThat(orders.findById(id).orElseThrow().status()).isEqualTo(PaymentStatus.REQUESTED);
        assertThat(orders.findById(planned).orElseThrow().status()).isEqualTo(PaymentStatus.PLANNED);
    }

    @Test
    void onlyAnOfficerOfTheOrdersAgencyRecordsCashAtItsCounter() throws Exception {
        String id = steps.intakeOrder(EventMother.newDossierCode(), 70_000);
        String body = "{\"amount\": 70000}";

        mvc.perform(cash(id, body, "cash-" + UUID.randomUUID())).andExpect(status().isUnauthorized());
        for (RequestPostProcessor notAtTheCounter : List.of(citizen(CITIZEN_1), specialist(AGENCY_THUONG_TIN), leader(AGENCY_THUONG_TIN),
                ops())) {
            mvc.perform(cash(id, body, "cash-" + UUID.randomUUID()).with(notAtTheCounter)).andExpect(status().isForbidden());
        }
        mvc.perform(cash(id, body, "cash-" + UUID.randomUUID()).with(officer(AGENCY_JUSTICE))).andExpect(status().isNotFound());
        // Another agency's officer learns nothing of what the request lacks.
        mvc.perform(cash(id, "{}", null).with(officer(AGENCY_JUSTICE))).andExpect(status().isNotFound());
        mvc.perform(cash("PAY-no-such-order", body, "cash-" + UUID.randomUUID()).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isNotFound());
        PaymentOrder order = orders.findById(id).orElseThrow();
        assertThat(order.status()).isEqualTo(PaymentStatus.REQUESTED);
        assertThat(order.method()).isNotEqualTo(PaymentMethod.CASH_AT_COUNTER);
    }
}
