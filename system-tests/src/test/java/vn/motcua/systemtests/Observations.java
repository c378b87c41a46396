package vn.motcua.systemtests;

import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Topics;
import vn.motcua.localstack.GatewayClient;
import vn.motcua.localstack.GatewayClient.Response;

/** What a citizen can observe of the platform's asynchronous work: notifications, mails, eventually consistent reads. */
final class Observations {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Observations() {
    }

    static long notificationsAbout(JsonNode inbox, String code) {
        return inbox.findValuesAsString("dossierCode").stream().filter(code::equals).count();
    }

    static JsonNode awaitNotifications(GatewayClient gateway, String token, String code, int expected) {
        return awaitJson(() -> gateway.get("/api/v1/notifications", token), n -> notificationsAbout(n, code) == expected);
    }

    static long mailsAbout(String code) {
        return Platform.stack().receivedMails().stream().filter(m -> subject(m).contains(code)).count();
    }

    /** What the SMS gateway simulator accepted for a phone number (84…). */
    static JsonNode smsTo(String phone) {
        return simulatorMessages(Platform.stack().config().ports().smsGateway(), phone);
    }

    /** What the Zalo simulator accepted for a phone number (84…). */
    static JsonNode zaloTo(String phone) {
        return simulatorMessages(Platform.stack().config().ports().zalo(), phone);
    }

    static long about(JsonNode messages, String code) {
        long count = 0;
        for (JsonNode message : messages) {
            count += message.path("content").asString("").contains(code) ? 1 : 0;
        }
        return count;
    }

    /** Tells a simulator's test desk how a phone number behaves (zalo=none, fate=undelivered, …). */
    static void phoneBehaves(int simulatorPort, String phone, String behaviour) {
        int status = http("POST", URI.create("http://127.0.0.1:" + simulatorPort + "/simulator/phones/" + phone + "?" + behaviour)).statusCode();
        if (status != 200) {
            throw new IllegalStateException("The simulator's desk answered " + status);
        }
    }

    private static JsonNode simulatorMessages(int port, String phone) {
        return JSON.readTree(http("GET", URI.create("http://127.0.0.1:" + port + "/simulator/messages?phone=" + phone)).body());
    }

    private static HttpResponse<String> http(String method, URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (MessagingException e) {
            return "";
        }
    }

    /** The events published about one dossier, in order, read from the start of the dossier topic. */
    static List<ConsumerRecord<String, String>> dossierEvents(String code, int expected) {
        Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Platform.stack().config().kafkaBootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DOSSIER).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (found.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (code.equals(header(record, CloudEventHeaders.SUBJECT))) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    static List<String> dossierEventTypes(String code, int expected) {
        return dossierEvents(code, expected).stream().map(r -> header(r, CloudEventHeaders.TYPE)).toList();
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static JsonNode awaitJson(Supplier<Response> call, Predicate<JsonNode> done) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            Response response = call.get();
            if (response.status() != 200) {
                return false;
            }
            last[0] = response.json();
            return done.test(last[0]);
        });
        return last[0];
    }
}
