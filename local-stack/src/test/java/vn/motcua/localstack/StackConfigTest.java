package vn.motcua.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackConfigTest {
    private static final Path PROJECT = Path.of(".").toAbsolutePath();

    @Test
    void aStackGivenAMongoDbServerPointsEveryServiceAtItInsteadOfItsWireServer() {
        String replicaSet = "mongodb://db1.example:27017,db2.example:27017/?replicaSet=rs0";
        StackConfig config = StackConfig.forBenchmark(PROJECT, PROJECT.resolve("data")).withExternalMongo(replicaSet);

        assertThat(config.storage()).isEqualTo(StackConfig.Storage.EXTERNAL);
        assertThat(config.mongoUri()).isEqualTo(replicaSet);
        for (String module : new String[] {"dossier-service", "payment-service", "notification-service"}) {
            assertThat(Services.arguments(config, module)).contains("--spring.mongodb.uri=" + replicaSet);
        }
        assertThat(config.withArguments("gateway", List.of("--a=b")).withInstances(2).mongoUri()).isEqualTo(replicaSet);
    }

    @Test
    void withoutOneTheStackUsesTheWireServerItStarts() {
        StackConfig config = StackConfig.forBenchmark(PROJECT, PROJECT.resolve("data"));

        assertThat(config.mongoUri()).isEqualTo("mongodb://127.0.0.1:" + config.ports().mongo());
    }

    @Test
    void somethingThatIsNotAMongoDbConnectionStringIsRefusedBeforeAnythingStarts() {
        StackConfig config = StackConfig.forBenchmark(PROJECT, PROJECT.resolve("data"));

        assertThatThrownBy(() -> config.withExternalMongo("db1.example:27017")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mongodb://");
    }
}
