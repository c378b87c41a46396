package vn.motcua.testinfra;

import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.springframework.util.ClassUtils;
import vn.motcua.wireserver.UnloggedRefusals;

/**
 * Points a Spring Boot test at the chosen infrastructure, and holds its MockMvc answers to the
 * service's API document ({@link AnswersAsDocumented}). Used through {@link InfrastructureTest}.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    private static final String MOCK_MVC_CUSTOMIZER = "org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Infrastructure infrastructure = TestInfrastructure.get();
        // After Boot's logging is in place, which drops filters added before it.
        UnloggedRefusals.installInto(LoggerFactory.getILoggerFactory());
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                "spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "spring.mongodb.uri=" + infrastructure.mongoUri(),
                "spring.mail.host=" + infrastructure.smtpHost(),
                "spring.mail.port=" + infrastructure.smtpPort(),
                // No Keycloak in service tests: tokens come from spring-security-test; the
                // system test checks real Keycloak tokens end to end.
                "motcua.security.issuer=http://127.0.0.1:1/realms/motcua-test");
        if (context instanceof GenericApplicationContext beans && ClassUtils.isPresent(MOCK_MVC_CUSTOMIZER, context.getClassLoader())) {
            beans.registerBean(AnswersAsDocumented.class);
        }
    }
}
