package vn.motcua.appointment;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.testinfra.Infrastructure;
import vn.motcua.testinfra.TestInfrastructure;

/** Another instance of the appointment service on the same broker and database, as a second replica would run. */
public final class SecondInstance {
    private SecondInstance() {
    }

    public static ConfigurableApplicationContext start() {
        Infrastructure infrastructure = TestInfrastructure.get();
        return new SpringApplicationBuilder(AppointmentServiceApplication.class).run("--server.port=0",
                "--spring.mongodb.uri=" + infrastructure.mongoUri(),
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--motcua.security.issuer=http://127.0.0.1:1/realms/motcua-test", "--logging.level.root=WARN");
    }
}
