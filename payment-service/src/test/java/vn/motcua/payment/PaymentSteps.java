package vn.motcua.payment;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.motcua.testinfra.CallerMother.citizen;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.ordering.PaymentOrderRepository;
import vn.motcua.payment.provider.internal.SignedCallbacks;
import vn.motcua.testinfra.CallerMother;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.KafkaProbe;

/** What the ITs do again and again: open an order from priced lines, check out as its citizen, call the IPN as the provider. */
public final class PaymentSteps {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final MockMvc mvc;
    private final PaymentOrderRepository orders;

    public PaymentSteps(MockMvc mvc, PaymentOrderRepository orders) {
        this.mvc = mvc;
        this.orders = orders;
    }

    public record Checkout(String paymentId, String reference, long amount, URI paymentUrl) {
    }

    /** An intake fee of the Thường Tín office, due now; returns the order's id once it exists. */
    public String intakeOrder(String code, long amount) {
        return dueOrder(EventMother.snapshot(code, CallerMother.CITIZEN_1, CallerMother.AGENCY_THUONG_TIN, ResultDelivery.COUNTER, 1),
                FeeStage.INTAKE, amount);
    }

    public String dueOrder(DossierSnapshot dossier, FeeStage stage, long amount) {
        KafkaProbe.send(EventMother.record(EventMother.feesPriced(dossier, EventMother.feeLine(stage, amount, true))));
        String id = PaymentOrder.idFor(dossier.dossierCode(), stage);
        await().atMost(Duration.ofSeconds(20)).until(() -> orders.existsById(id));
        return id;
    }

    public Checkout checkout(String orderId, String citizenId) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/v1/payments/{id}/checkout", orderId).with(citizen(citizenId))
                .header("Idempotency-Key", UUID.randomUUID().toString())).andReturn().getResponse();
        String body = response.getContentAsString();
        JsonNode json = JSON.readTree(body);
        if (!json.has("reference")) {
            throw new IllegalStateException("Checkout of " + orderId + " failed: " + body);
        }
        if (!("/api/v1/payments/" + orderId).equals(response.getHeader("Location"))) {
            throw new IllegalStateException("Checkout of " + orderId + " names " + response.getHeader("Location")
                    + " as its Location, not its order");
        }
        return new Checkout(json.get("paymentId").asString(), json.get("reference").asString(), json.get("amount").asLong(),
                URI.create(json.get("paymentUrl").asString()));
    }

    /** Calls the service's IPN endpoint over HTTP, as the provider does; answers the RspCode. */
    public static String ipn(Map<String, String> parameters) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + ProviderSimulatorProcess.SERVICE_PORT + "/api/v1/payments/provider/ipn?" + SignedCallbacks.query(parameters))).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("RspCode").asString();
    }

    public PaymentOrder awaitOrder(String id, Predicate<PaymentOrder> condition) {
        await().atMost(Duration.ofSeconds(20)).until(() -> orders.findById(id).filter(condition).isPresent());
        return orders.findById(id).orElseThrow();
    }
}
