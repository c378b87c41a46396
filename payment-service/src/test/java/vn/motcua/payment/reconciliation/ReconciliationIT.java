package vn.motcua.payment.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.leader;
import static vn.motcua.testinfra.CallerMother.ops;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Topics;
import vn.motcua.payment.PaymentSteps;
import vn.motcua.payment.ProviderSimulatorProcess;
import vn.motcua.payment.WithProviderSimulator;
import vn.motcua.payment.ordering.PaymentStatus;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.KafkaProbe;

class ReconciliationIT extends WithProviderSimulator {

    @Test
    void theDailyReconciliationFindsEachDifferencePlantedInTheProvidersStatementOnce() throws Exception {
        PaymentSteps.Checkout otherAmount = paid(11_000, true);
        PaymentSteps.Checkout leftOut = paid(12_000, true);
        PaymentSteps.Checkout unknownToUs = paid(13_000, false);
        PaymentSteps.Checkout fine = paid(14_000, true);
        ProviderSimulatorProcess.send("POST", "/simulator/transactions/" + otherAmount.reference() + "/statement?amount=1000000", null);
        ProviderSimulatorProcess.send("DELETE", "/simulator/transactions/" + leftOut.reference() + "/statement", null);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String run = "{\"day\":\"" + today + "\"}";

        mvc.perform(post("/api/v1/payments/reconciliation/runs").with(leader(AGENCY_THUONG_TIN)).header("Idempotency-Key", "recon-leader-1")
                .contentType(MediaType.APPLICATION_JSON).content(run)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/payments/reconciliation/runs").with(ops()).header("Idempotency-Key", "recon-" + fine.reference())
                .contentType(MediaType.APPLICATION_JSON).content(run)).andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/payments/reconciliation/mismatches?day=" + today));
        mvc.perform(post("/api/v1/payments/reconciliation/runs").with(ops()).header("Idempotency-Key", "recon-again-" + fine.reference())
                .contentType(MediaType.APPLICATION_JSON).content(run)).andExpect(status().isCreated());

        mvc.perform(get("/api/v1/payments/reconciliation/mismatches").param("day", today.toString()).with(ops()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.reference == '" + otherAmount.reference() + "')].kind").value("AMOUNT_DIFFERS"))
                .andExpect(jsonPath("$[?(@.reference == '" + otherAmount.reference() + "')].sourceAmount").value(10_000))
                .andExpect(jsonPath("$[?(@.reference == '" + leftOut.reference() + "')].kind").value("MISSING_AT_SOURCE"))
                .andExpect(jsonPath("$[?(@.reference == '" + unknownToUs.reference() + "')].kind").value("MISSING_IN_PLATFORM"))
                .andExpect(jsonPath("$[?(@.reference == '" + fine.reference() + "')]").doesNotExist());
        String csv = mvc.perform(get("/api/v1/payments/reconciliation/mismatches").param("day", today.toString()).accept("text/csv")
                .with(ops())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("\uFEFF\"day\",\"source\",\"kind\",\"reference\",\"paymentId\",\"platformAmount\",\"sourceAmount\"")
                .contains(String.join("\",\"", "\"" + today, "PROVIDER", "AMOUNT_DIFFERS", otherAmount.reference(), otherAmount.paymentId(),
                        "11000", "10000\""));

        for (PaymentSteps.Checkout planted : new PaymentSteps.Checkout[] {otherAmount, leftOut, unknownToUs}) {
            assertThat(KafkaProbe.collect(Topics.PAYMENT, r -> "ReconciliationMismatch".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE))
                    && r.value().contains(planted.reference()), 5, Duration.ofSeconds(2))).hasSize(1);
        }
        mvc.perform(get("/api/v1/payments/reconciliation/mismatches").param("day", today.toString()).with(citizen(CITIZEN_1)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/payments/reconciliation/mismatches").param("day", "yesterday").with(ops()))
                .andExpect(status().isBadRequest());
        // A day the statement's yyyyMMdd and MongoDB's dates cannot name is the caller's mistake, not the provider being down.
        mvc.perform(post("/api/v1/payments/reconciliation/runs").with(ops()).header("Idempotency-Key", "recon-far-" + fine.reference())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"day\":\"-999999999-01-01\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.type").value("urn:motcua:problem:date-out-of-range"));
        mvc.perform(get("/api/v1/payments/reconciliation/mismatches").param("day", "-999999999-01-01").with(ops()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void statisticsGiveTheShareOfDossiersPaidOnlineToOpsAndLeadersOnly() throws Exception {
        paid(40_000, true); // a fee paid today, whichever test of the run came first
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        mvc.perform(get("/api/v1/payments/statistics").param("from", today).param("to", today).with(leader(AGENCY_THUONG_TIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.agencyCode").value(AGENCY_THUONG_TIN))
                .andExpect(jsonPath("$.shareOfDossiersPaidOnline").isNumber());
        mvc.perform(get("/api/v1/payments/statistics").param("from", today).param("to", today).with(citizen(CITIZEN_1)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/payments/statistics").param("from", today).param("to", "2020-01-01").with(ops()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.type").value("urn:motcua:problem:period-invalid"));
    }

    private PaymentSteps.Checkout paid(long amount, boolean notified) throws Exception {
        String id = steps.intakeOrder(EventMother.newDossierCode(), amount);
        PaymentSteps.Checkout checkout = steps.checkout(id, CITIZEN_1);
        ProviderSimulatorProcess.pay(checkout.paymentUrl(), checkout.reference(), "approve", notified);
        if (notified) {
            steps.awaitOrder(id, o -> o.status() == PaymentStatus.COMPLETED);
        }
        return checkout;
    }
}
