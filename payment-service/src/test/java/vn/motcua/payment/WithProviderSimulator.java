package vn.motcua.payment;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.payment.ordering.PaymentOrderRepository;
import vn.motcua.testinfra.InfrastructureTest;

/**
 * The service on a known port with Kafka and MongoDB, connected to the provider simulator process:
 * the simulator calls the service's IPN endpoint over HTTP. Every IT that extends it shares one
 * application context and one simulator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@AutoConfigureMockMvc
@InfrastructureTest
public abstract class WithProviderSimulator {
    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected PaymentOrderRepository orders;
    protected PaymentSteps steps;

    @BeforeEach
    void steps() {
        steps = new PaymentSteps(mvc, orders);
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        ProviderSimulatorProcess.start();
        registry.add("server.port", () -> ProviderSimulatorProcess.SERVICE_PORT);
        registry.add("motcua.payment.provider.payment-url", () -> ProviderSimulatorProcess.BASE + "/paymentv2/vpcpay.html");
        registry.add("motcua.payment.provider.api-url", () -> ProviderSimulatorProcess.BASE + "/merchant_webapi/api/transaction");
        registry.add("motcua.payment.provider.statement-url", () -> ProviderSimulatorProcess.BASE + "/merchant_webapi/statement");
        registry.add("motcua.payment.provider.tmn-code", () -> ProviderSimulatorProcess.TMN_CODE);
        registry.add("motcua.payment.provider.hash-secret", () -> ProviderSimulatorProcess.SECRET);
        registry.add("motcua.payment.provider.return-url", () -> "http://127.0.0.1:" + ProviderSimulatorProcess.SERVICE_PORT
                + "/api/v1/payments/provider/return");
        // The ITs run the expiry and the lapse of attempts themselves, at the times they choose.
        registry.add("motcua.payment.expiry.initial-delay", () -> "PT1H");
    }
}
