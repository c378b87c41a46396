package vn.motcua.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import vn.motcua.events.Topics;

/** The real Apache Kafka broker in KRaft combined mode, as a child process from its jars. */
final class KafkaBroker {
    static final int PARTITIONS = 3;

    private KafkaBroker() {
    }

    static ChildProcess start(StackConfig config) {
        Path dir = config.dataDir().resolve("kafka");
        Path properties = dir.resolve("server.properties");
        writeProperties(config, dir, properties);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        if (!Files.exists(dir.resolve("logs").resolve("meta.properties"))) {
            ChildProcess.run("kafka-format", List.of(java, "-cp", config.launcherClasspath(),
                    "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", properties.toString()),
                    config.logDir());
        }
        return ChildProcess.start("kafka", List.of(java, "-Xms128m", "-Xmx512m", "-cp", config.launcherClasspath(),
                "kafka.Kafka", properties.toString()), Map.of(), config.logDir());
    }

    private static void writeProperties(StackConfig config, Path dir, Path file) {
        StackPorts ports = config.ports();
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + ports.kafkaController());
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + ports.kafka() + ",CONTROLLER://127.0.0.1:" + ports.kafkaController());
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + ports.kafka());
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dir.resolve("logs").toString());
        p.setProperty("num.partitions", String.valueOf(PARTITIONS));
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        try {
            Files.createDirectories(dir);
            try (var out = Files.newBufferedWriter(file)) {
                p.store(out, "Written by the local stack at each start");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the platform's topics (and dead-letter twins) once the broker answers. */
    static void createTopics(StackConfig config) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap()))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : Topics.ALL) {
                topics.add(new NewTopic(topic, PARTITIONS, (short) 1));
                topics.add(new NewTopic(Topics.deadLetterOf(topic), 1, (short) 1));
            }
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    static boolean ready(StackConfig config) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception notYet) {
            return false;
        }
    }
}
