package vn.motcua.notification;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.notification.inbox.NotificationRepository;
import vn.motcua.testinfra.InfrastructureTest;

/**
 * The service on a known port with Kafka, MongoDB and the SMTP server, sending through the SMS and
 * Zalo simulator processes, which call its receipt endpoints back. Every IT that extends it shares
 * one application context and the simulators; the sweeper runs only when a test calls it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@AutoConfigureMockMvc
@InfrastructureTest
@Import(WithMessagingSimulators.Clocks.class)
public abstract class WithMessagingSimulators {
    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected NotificationRepository notifications;
    @Autowired
    protected SettableClock clock;

    @TestConfiguration
    static class Clocks {
        @Bean
        SettableClock clock() {
            return new SettableClock();
        }
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        MessagingSimulators.start();
        registry.add("server.port", () -> MessagingSimulators.SERVICE_PORT);
        registry.add("motcua.notification.sweep-initial-delay", () -> "PT1H");
        registry.add("motcua.notification.channels.sms.url", MessagingSimulators::sms);
        registry.add("motcua.notification.channels.sms.secret", () -> MessagingSimulators.SMS_SECRET);
        registry.add("motcua.notification.channels.sms.receipt-timeout", () -> "PT2M");
        registry.add("motcua.notification.channels.zalo.url", MessagingSimulators::zalo);
        registry.add("motcua.notification.channels.zalo.access-token", () -> MessagingSimulators.ZALO_TOKEN);
        registry.add("motcua.notification.channels.zalo.oa-secret", () -> MessagingSimulators.ZALO_SECRET);
        registry.add("motcua.notification.channels.zalo.app-id", () -> MessagingSimulators.ZALO_APP);
    }
}
