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
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import vn.motcua.events.Topics;

/** The real Apache Kafka broker in KRaft combined mode, as a child process from its jars. */
final class KafkaBroker {
    static final int PARTITIONS = 3;
    /** The realm's postal operator clients (infra/keycloak/motcua-realm.json). */
    static final List<String> POSTAL_OPERATORS = List.of("postal-vnpost", "postal-viettel");

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
        return ChildProcess.start("kafka", List.of(java, "-Xms128m", "-Xmx512m",
                // Kafka fetches keys only from the URLs it is told it may reach.
                "-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=" + jwksUrl(config), "-cp", config.launcherClasspath(),
                "kafka.Kafka", properties.toString()), Map.of(), config.logDir());
    }

    private static void writeProperties(StackConfig config, Path dir, Path file) {
        StackPorts ports = config.ports();
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + ports.kafkaController());
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + ports.kafka() + ",CONTROLLER://127.0.0.1:" + ports.kafkaController()
                + ",OPERATORS://127.0.0.1:" + ports.kafkaOperators());
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + ports.kafka() + ",OPERATORS://127.0.0.1:" + ports.kafkaOperators());
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,OPERATORS:SASL_PLAINTEXT");
        operatorsListener(config, p);
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

    /**
     * Outside operators connect on a listener of their own with their realm client's token
     * (SASL/OAUTHBEARER, checked against the realm's keys; the principal is the client id) and are
     * held to their ACLs; the services keep the plain listener, whose (anonymous) principal may do
     * anything, as they did before.
     */
    private static void operatorsListener(StackConfig config, Properties p) {
        p.setProperty("listener.name.operators.sasl.enabled.mechanisms", "OAUTHBEARER");
        p.setProperty("listener.name.operators.oauthbearer.sasl.jaas.config",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;");
        p.setProperty("listener.name.operators.oauthbearer.sasl.server.callback.handler.class", OperatorTokenValidator.class.getName());
        p.setProperty("sasl.oauthbearer.jwks.endpoint.url", jwksUrl(config));
        p.setProperty("sasl.oauthbearer.expected.issuer", config.issuer());
        p.setProperty("sasl.oauthbearer.expected.audience", "motcua-api");
        p.setProperty("sasl.oauthbearer.sub.claim.name", "azp");
        p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.setProperty("super.users", "User:ANONYMOUS");
    }

    private static String jwksUrl(StackConfig config) {
        return config.issuer() + "/protocol/openid-connect/certs";
    }

    /** Each postal operator of the realm may read its own topic, with consumer groups named after it, and nothing else. */
    static void grantOperators(StackConfig config) throws Exception {
        List<AclBinding> acls = new ArrayList<>();
        for (String operator : POSTAL_OPERATORS) {
            String principal = "User:" + operator;
            ResourcePattern topic = new ResourcePattern(ResourceType.TOPIC, Topics.ofPostalOperator(operator), PatternType.LITERAL);
            acls.add(new AclBinding(topic, new AccessControlEntry(principal, "*", AclOperation.READ, AclPermissionType.ALLOW)));
            acls.add(new AclBinding(topic, new AccessControlEntry(principal, "*", AclOperation.DESCRIBE, AclPermissionType.ALLOW)));
            acls.add(new AclBinding(new ResourcePattern(ResourceType.GROUP, operator, PatternType.PREFIXED),
                    new AccessControlEntry(principal, "*", AclOperation.READ, AclPermissionType.ALLOW)));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap()))) {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
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
