package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docker-compose.yml cannot run on machines without Docker, so this keeps it honest: every
 * service is there, on the port its application.yml declares, with settings that name real
 * properties and point at the compose file's own MongoDB, Kafka, Keycloak and SMTP.
 */
class ComposeFileTest {
    private static final List<String> SERVICES = List.of("dossier-service", "appointment-service", "payment-service",
            "postal-service", "notification-service");
    /** Properties a service reads through the platform kit rather than its own application.yml. */
    private static final Set<String> KIT_PROPERTIES = Set.of("motcua.security.jwk-set-uri");

    private static Path project;
    private static Map<String, Object> compose;

    @BeforeAll
    static void load() throws IOException {
        project = Path.of(System.getProperty("motcua.project.dir", "..")).toAbsolutePath().normalize();
        compose = yaml(project.resolve("docker-compose.yml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dossier-service", "appointment-service", "payment-service", "postal-service",
            "notification-service", "gateway"})
    void eachServiceRunsItsOwnJarOnThePortItsConfigurationDeclares(String module) throws IOException {
        Map<String, Object> service = service(module);
        String port = String.valueOf(get(applicationYml(module), "server.port"));

        assertThat(strings(service.get("ports"))).contains(port + ":" + port);
        assertThat(strings(service.get("volumes")))
                .contains("./" + module + "/target/" + module + "-0.1.0-SNAPSHOT.jar:/app/service.jar:ro");
        assertThat(project.resolve(module).resolve("pom.xml")).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dossier-service", "appointment-service", "payment-service", "postal-service",
            "notification-service", "gateway"})
    void everySettingNamesAPropertyTheServiceHas(String module) throws IOException {
        Set<String> known = flatten(applicationYml(module)).keySet().stream()
                .map(ComposeFileTest::asEnvironmentVariable).collect(Collectors.toSet());
        KIT_PROPERTIES.stream().map(ComposeFileTest::asEnvironmentVariable).forEach(known::add);

        assertThat(environment(module).keySet()).isNotEmpty().allSatisfy(name -> assertThat(known).contains(name));
    }

    @Test
    void servicesUseTheComposeMongoReplicaSetAndKafka() {
        List<String> mongoCommand = strings(service("mongo").get("command"));
        String replicaSet = mongoCommand.get(mongoCommand.indexOf("--replSet") + 1);
        String advertised = String.valueOf(environment("kafka").get("KAFKA_ADVERTISED_LISTENERS"));

        for (String module : SERVICES) {
            Map<String, String> env = environment(module);
            URI mongo = URI.create(env.get("SPRING_MONGODB_URI"));
            assertThat(mongo.getHost()).as(module).isEqualTo("mongo");
            assertThat(mongo.getQuery()).as(module).isEqualTo("replicaSet=" + replicaSet);
            assertThat(advertised.split(",")).as(module).contains("PLAINTEXT://" + env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"));
        }
    }

    @Test
    void everyServiceTrustsTheRealmTheComposeKeycloakImports() throws IOException {
        Map<String, Object> keycloak = service("keycloak");
        List<String> command = strings(keycloak.get("command"));
        String hostname = command.stream().filter(c -> c.startsWith("--hostname=")).findFirst().orElseThrow()
                .substring("--hostname=".length());
        String realm = String.valueOf(new JsonMapper()
                .readTree(project.resolve("infra/keycloak/motcua-realm.json").toFile()).get("realm").asString());

        assertThat(command).contains("--import-realm", "--http-port=" + URI.create(hostname).getPort());
        assertThat(strings(keycloak.get("volumes"))).contains("./infra/keycloak:/opt/keycloak/data/import:ro");
        for (String module : SERVICES) {
            assertThat(environment(module).get("MOTCUA_SECURITY_ISSUER")).as(module).isEqualTo(hostname + "/realms/" + realm);
            assertThat(environment(module).get("MOTCUA_SECURITY_JWK_SET_URI")).as(module)
                    .isEqualTo("http://keycloak:8180/realms/" + realm + "/protocol/openid-connect/certs");
        }
        assertThat(environment("gateway").get("MOTCUA_SECURITY_ISSUER")).isEqualTo(hostname + "/realms/" + realm);
    }

    @Test
    void theGatewayRoutesToEveryServiceOnItsComposeNameAndPort() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> routedServices = (Map<String, Object>) get(applicationYml("gateway"), "motcua.services");
        Map<String, String> env = environment("gateway");

        assertThat(routedServices.keySet()).hasSize(SERVICES.size());
        for (String name : routedServices.keySet()) {
            String module = name + "-service";
            String port = String.valueOf(get(applicationYml(module), "server.port"));
            assertThat(env.get("MOTCUA_SERVICES_" + name.toUpperCase())).isEqualTo("http://" + module + ":" + port);
        }
    }

    @Test
    void aClientOnTheHostReachesTheBrokerByAnAddressItCanResolve() {
        Map<String, String> kafka = environment("kafka");
        String host = List.of(kafka.get("KAFKA_ADVERTISED_LISTENERS").split(",")).stream().filter(l -> l.contains("localhost:"))
                .findFirst().orElseThrow(() -> new AssertionError("no listener advertised to the host"));
        String port = host.substring(host.lastIndexOf(':') + 1);
        assertThat(strings(service("kafka").get("ports"))).contains(port + ":" + port);
        assertThat(kafka.get("KAFKA_LISTENERS")).contains(host.substring(0, host.indexOf(':')) + "://:" + port);
    }

    @Test
    void theOperatorSimulatorReadsItsOwnTopicAndReportsThroughTheGatewayWithItsRealmClient() throws IOException {
        List<String> command = strings(service("postal-operator-simulator").get("command"));
        Map<String, String> arguments = command.stream().filter(c -> c.startsWith("--") && c.contains("="))
                .collect(Collectors.toMap(c -> c.substring(2, c.indexOf('=')), c -> c.substring(c.indexOf('=') + 1)));
        assertThat(command).contains("vn.motcua.simulators.postal.PostalOperatorSimulator");
        assertThat(strings(service("postal-operator-simulator").get("volumes"))).contains("./local-stack/target/lib:/app/lib:ro");
        String operatorsListener = List.of(environment("kafka").get("KAFKA_LISTENERS").split(",")).stream()
                .filter(l -> l.startsWith("OPERATORS://")).findFirst().orElseThrow();
        assertThat(arguments.get("bootstrap")).isEqualTo("kafka" + operatorsListener.substring("OPERATORS://".length()));
        assertThat(arguments.get("kafka-auth")).isEqualTo("oauthbearer");
        assertThat(arguments.get("api")).isEqualTo("http://gateway:" + get(applicationYml("gateway"), "server.port"));
        assertThat(arguments.get("operator")).isEqualTo(get(applicationYml("postal-service"), "motcua.postal.default-operator"));

        JsonNode realm = new JsonMapper().readTree(project.resolve("infra/keycloak/motcua-realm.json").toFile());
        assertThat(arguments.get("token-url"))
                .isEqualTo("http://keycloak:8180/realms/" + realm.get("realm").asString() + "/protocol/openid-connect/token");
        JsonNode client = null;
        for (JsonNode candidate : realm.get("clients")) {
            if (candidate.get("clientId").asString().equals(arguments.get("operator"))) {
                client = candidate;
            }
        }
        assertThat(client).as("realm client " + arguments.get("operator")).isNotNull();
        assertThat(client.get("secret").asString()).isEqualTo(arguments.get("secret"));
        assertThat(client.get("serviceAccountsEnabled").asBoolean()).isTrue();
    }

    @Test
    void thePaymentProviderSimulatorAndThePaymentServiceShareTheEnvironmentsSecretAndReachEachOther() throws IOException {
        Map<String, Object> simulator = service("payment-provider-simulator");
        List<String> command = strings(simulator.get("command"));
        Map<String, String> arguments = command.stream().filter(c -> c.startsWith("--") && c.contains("="))
                .collect(Collectors.toMap(c -> c.substring(2, c.indexOf('=')), c -> c.substring(c.indexOf('=') + 1)));
        assertThat(command).contains("vn.motcua.simulators.payment.PaymentProviderSimulator");
        assertThat(strings(simulator.get("volumes"))).contains("./local-stack/target/lib:/app/lib:ro");
        assertThat(arguments.get("host")).isEqualTo("0.0.0.0");
        String port = arguments.get("port");
        assertThat(strings(simulator.get("ports"))).contains(port + ":" + port);
        assertThat(arguments.get("ipn-url")).isEqualTo("http://gateway:" + get(applicationYml("gateway"), "server.port")
                + "/api/v1/payments/provider/ipn");
        assertThat(arguments.get("tmn-code")).isEqualTo(get(applicationYml("payment-service"), "motcua.payment.provider.tmn-code"));

        Map<String, String> payment = environment("payment-service");
        assertThat(payment.get("MOTCUA_PAYMENT_PROVIDER_API_URL")).startsWith("http://payment-provider-simulator:" + port + "/");
        assertThat(payment.get("MOTCUA_PAYMENT_PROVIDER_STATEMENT_URL")).startsWith("http://payment-provider-simulator:" + port + "/");
        assertThat(payment.get("MOTCUA_PAYMENT_PROVIDER_PAYMENT_URL")).startsWith("http://localhost:" + port + "/");
        // No secret is written in the file: both read the same variable of the environment, which must be set.
        String secret = environment("payment-provider-simulator").get("PAYMENT_PROVIDER_HASH_SECRET");
        assertThat(secret).startsWith("${PAYMENT_PROVIDER_HASH_SECRET:?");
        assertThat(payment.get("MOTCUA_PAYMENT_PROVIDER_HASH_SECRET")).isEqualTo(secret);
    }

    @Test
    void theMessagingSimulatorsAndTheNotificationServiceShareTheEnvironmentsSecretsAndReachEachOther() throws IOException {
        Map<String, String> notification = environment("notification-service");
        String gatewayPort = get(applicationYml("gateway"), "server.port").toString();
        String[][] simulators = {
            {"sms-gateway-simulator", "vn.motcua.simulators.messaging.SmsGatewaySimulator", "dlr-url", "sms-reports", "SMS"},
            {"zalo-simulator", "vn.motcua.simulators.messaging.ZaloZnsSimulator", "webhook-url", "zalo-events", "ZALO"}};
        for (String[] expected : simulators) {
            Map<String, Object> simulator = service(expected[0]);
            List<String> command = strings(simulator.get("command"));
            Map<String, String> arguments = command.stream().filter(c -> c.startsWith("--") && c.contains("="))
                    .collect(Collectors.toMap(c -> c.substring(2, c.indexOf('=')), c -> c.substring(c.indexOf('=') + 1)));
            assertThat(command).contains(expected[1]);
            assertThat(strings(simulator.get("volumes"))).contains("./local-stack/target/lib:/app/lib:ro");
            assertThat(arguments.get("host")).isEqualTo("0.0.0.0");
            String port = arguments.get("port");
            assertThat(strings(simulator.get("ports"))).contains(port + ":" + port);
            assertThat(arguments.get(expected[2])).isEqualTo("http://gateway:" + gatewayPort + "/api/v1/notifications/provider/" + expected[3]);
            assertThat(notification.get("MOTCUA_NOTIFICATION_CHANNELS_" + expected[4] + "_URL")).isEqualTo("http://" + expected[0] + ":" + port);
        }
        // No secret is written in the file: each side reads the same variable of the environment, which must be set.
        assertThat(environment("sms-gateway-simulator").get("SMS_GATEWAY_SECRET")).startsWith("${SMS_GATEWAY_SECRET:?")
                .isEqualTo(notification.get("MOTCUA_NOTIFICATION_CHANNELS_SMS_SECRET"));
        assertThat(environment("zalo-simulator").get("ZALO_ACCESS_TOKEN")).startsWith("${ZALO_ACCESS_TOKEN:?")
                .isEqualTo(notification.get("MOTCUA_NOTIFICATION_CHANNELS_ZALO_ACCESS_TOKEN"));
        assertThat(environment("zalo-simulator").get("ZALO_OA_SECRET")).startsWith("${ZALO_OA_SECRET:?")
                .isEqualTo(notification.get("MOTCUA_NOTIFICATION_CHANNELS_ZALO_OA_SECRET"));

        // Staff addresses come from the realm, through the service's own account there.
        assertReadsTheRealmWithItsOwnAccount("notification-service", "motcua.notification.officers", "MOTCUA_NOTIFICATION_OFFICERS");
    }

    @Test
    void theDossierServiceKnowsTheAgenciesSpecialistsFromTheRealmWithItsOwnAccount() throws IOException {
        assertReadsTheRealmWithItsOwnAccount("dossier-service", "motcua.dossier.staff", "MOTCUA_DOSSIER_STAFF");
    }

    private void assertReadsTheRealmWithItsOwnAccount(String module, String prefix, String variablePrefix) throws IOException {
        Map<String, String> service = environment(module);
        assertThat(service.get(variablePrefix + "_KEYCLOAK_URL")).isEqualTo("http://keycloak:8180");
        String clientId = get(applicationYml(module), prefix + ".client-id").toString();
        JsonNode client = null;
        for (JsonNode candidate : new JsonMapper().readTree(project.resolve("infra/keycloak/motcua-realm.json").toFile()).get("clients")) {
            if (clientId.equals(candidate.get("clientId").asString())) {
                client = candidate;
            }
        }
        assertThat(client).as("realm client " + clientId).isNotNull();
        assertThat(client.get("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.get("secret").asString()).isEqualTo(service.get(variablePrefix + "_CLIENT_SECRET"));
    }

    @Test
    void operatorsAuthenticateToTheBrokerWithTheRealmsTokensAndAreHeldToTheirOwnTopics() throws IOException {
        Map<String, String> kafka = environment("kafka");
        String realm = new JsonMapper().readTree(project.resolve("infra/keycloak/motcua-realm.json").toFile()).get("realm").asString();
        String certs = "http://keycloak:8180/realms/" + realm + "/protocol/openid-connect/certs";

        assertThat(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).contains("OPERATORS:SASL_PLAINTEXT", "OPERATORS_HOST:SASL_PLAINTEXT");
        for (String listener : List.of("OPERATORS", "OPERATORS__HOST")) {
            assertThat(kafka.get("KAFKA_LISTENER_NAME_" + listener + "_SASL_ENABLED_MECHANISMS")).isEqualTo("OAUTHBEARER");
            assertThat(kafka.get("KAFKA_LISTENER_NAME_" + listener + "_OAUTHBEARER_SASL_SERVER_CALLBACK_HANDLER_CLASS"))
                    .isEqualTo("org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler");
        }
        assertThat(kafka.get("KAFKA_SASL_OAUTHBEARER_JWKS_ENDPOINT_URL")).isEqualTo(certs);
        assertThat(kafka.get("KAFKA_OPTS")).contains("org.apache.kafka.sasl.oauthbearer.allowed.urls=" + certs);
        assertThat(kafka.get("KAFKA_SASL_OAUTHBEARER_EXPECTED_ISSUER"))
                .isEqualTo(environment("postal-service").get("MOTCUA_SECURITY_ISSUER"));
        assertThat(kafka.get("KAFKA_AUTHORIZER_CLASS_NAME")).isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        assertThat(String.valueOf(service("kafka").get("depends_on"))).contains("keycloak={condition=service_healthy}");

        String acls = String.join(" ", strings(service("kafka-acls").get("command")));
        for (JsonNode client : new JsonMapper().readTree(project.resolve("infra/keycloak/motcua-realm.json").toFile()).get("users")) {
            if (client.has("serviceAccountClientId") && client.path("realmRoles").toString().contains("postal-operator")) {
                assertThat(acls).as("ACLs of " + client.get("serviceAccountClientId").asString())
                        .contains(client.get("serviceAccountClientId").asString());
            }
        }
        assertThat(acls).contains("--topic postal.operator.$$operator").contains("--group $$operator --resource-pattern-type prefixed");
    }

    @Test
    void notificationsGoToTheComposeSmtpServer() throws IOException {
        Map<String, String> env = environment("notification-service");
        String port = String.valueOf(get(applicationYml("notification-service"), "spring.mail.port"));

        assertThat(env.get("SPRING_MAIL_HOST")).isEqualTo("mail");
        assertThat(env.get("SPRING_MAIL_PORT")).isEqualTo(port);
        assertThat(strings(service("mail").get("ports"))).contains(port + ":" + port);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).as("services in docker-compose.yml").containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String name) {
        Map<String, String> env = new HashMap<>();
        Object declared = service(name).get("environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
        }
        return env;
    }

    private static Map<String, Object> applicationYml(String module) throws IOException {
        return yaml(project.resolve(module).resolve("src/main/resources/application.yml"));
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object get(Map<String, Object> yaml, String dottedKey) {
        Object node = yaml;
        for (String part : dottedKey.split("\\.")) {
            node = node instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(part) : null;
        }
        assertThat(node).as(dottedKey).isNotNull();
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> flatten(Map<String, Object> yaml) {
        Map<String, Object> flat = new HashMap<>();
        yaml.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                flatten((Map<String, Object>) nested).forEach((k, v) -> flat.put(key + "." + k, v));
            } else {
                flat.put(key, value);
            }
        });
        return flat;
    }

    /** Spring's relaxed binding: spring.mongodb.uri is SPRING_MONGODB_URI, jwk-set-uri is JWK_SET_URI. */
    private static String asEnvironmentVariable(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase();
    }

    private static List<String> strings(Object list) {
        assertThat(list).isInstanceOf(List.class);
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }
}
