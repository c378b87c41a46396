package vn.motcua.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.events.CloudEventHeaders;

/**
 * What the platform did for each acknowledged submission, read in the databases, on Kafka and at
 * the Zalo provider: every effect counted per dossier against what a calm submission (the baseline)
 * caused, so that a missing effect is "lost" and a second one "duplicated". Duplicate records on Kafka
 * are expected of the outbox (at least once) and reported apart; a duplicated effect never is.
 */
public final class EffectAudit {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One kind of effect: how many dossiers should have it, have it, have it more than once, lack it. */
    /**
     * @param atLeastOnce records of a message, whose repeats the consumers absorb: duplicates here are expected, not a fault
     */
    public record Row(String kind, long acknowledged, long found, long duplicated, long lost, boolean atLeastOnce) {
        public boolean clean() {
            return lost == 0 && (atLeastOnce || duplicated == 0);
        }
    }

    /** What one calm submission caused: the messages (by template) its citizen got, and how many reached Zalo. */
    record Expected(List<String> templates, long zaloMessages) {
    }

    private static final String PAYMENT_REQUESTED = "payment-requested";

    private final StackConfig config;

    EffectAudit(StackConfig config) {
        this.config = config;
    }

    Expected expectedFrom(SteadyLoad.Acknowledged calm) {
        try (MongoClient mongo = MongoClients.create(config.mongoUri())) {
            List<String> templates = notificationsOf(mongo, List.of(calm)).getOrDefault(calm.code(), List.of());
            return new Expected(templates.stream().sorted().toList(), zaloMessagesAbout(List.of(calm)).getOrDefault(calm.code(), 0L));
        }
    }

    /**
     * @param obligated dossiers that also got a financial obligation (the harness's corrected poison): each
     *     owes one more payment, so its citizen gets one more payment request, in the inbox and by Zalo
     */
    List<Row> audit(Collection<SteadyLoad.Acknowledged> acked, Expected expected, Set<String> obligated) {
        List<String> codes = acked.stream().map(SteadyLoad.Acknowledged::code).toList();
        try (MongoClient mongo = MongoClients.create(config.mongoUri())) {
            List<Row> rows = new ArrayList<>();
            rows.add(dossiers(mongo, acked));
            rows.add(perDossier("DossierSubmitted records on Kafka", codes, submittedOnKafka(), 1, true));
            rows.add(perDossier("payment order, intake fee", codes, countBy(mongo.getDatabase("motcua-payment")
                    .getCollection("payment_orders").find(Filters.and(Filters.in("dossierCode", codes), Filters.eq("stage", "INTAKE"))),
                    "dossierCode"), 1, false));
            rows.add(perDossier("shipment, result by post", codes, countBy(mongo.getDatabase("motcua-postal").getCollection("shipments")
                    .find(Filters.and(Filters.in("dossierCode", codes), Filters.eq("kind", "RESULT_DELIVERY"))), "dossierCode"), 1, false));
            rows.add(notifications(mongo, acked, expected, obligated));
            rows.add(perDossier("messages accepted by Zalo", codes, zaloMessagesAbout(acked),
                    code -> expected.zaloMessages() + (obligated.contains(code) ? 1 : 0), false));
            return rows;
        }
    }

    /** The records of DossierSubmitted on the topic, by dossier: more than one is the outbox's at-least-once, not an effect. */
    Map<String, Long> submittedOnKafka() {
        Map<String, Long> found = new HashMap<>();
        DossierTopic.read(config, record -> {
            if ("DossierSubmitted".equals(DossierTopic.header(record, CloudEventHeaders.TYPE))) {
                found.merge(DossierTopic.header(record, CloudEventHeaders.SUBJECT), 1L, Long::sum);
            }
        });
        return found;
    }

    /** The obligation orders of the dossiers whose corrected obligation ops re-drove: each exactly one. */
    Row obligations(List<String> codes) {
        try (MongoClient mongo = MongoClients.create(config.mongoUri())) {
            return perDossier("payment order, obligation (corrected, re-driven)", codes, countBy(mongo.getDatabase("motcua-payment")
                    .getCollection("payment_orders").find(Filters.and(Filters.in("dossierCode", codes),
                            Filters.eq("stage", "OBLIGATION"))), "dossierCode"), 1, false);
        }
    }

    /** A dossier per acknowledged code, and no second dossier for the same citizen (a retry stored twice). */
    private static Row dossiers(MongoClient mongo, Collection<SteadyLoad.Acknowledged> acked) {
        var dossiers = mongo.getDatabase("motcua-dossier").getCollection("dossiers");
        Set<String> stored = dossiers.find(Filters.in("_id", acked.stream().map(SteadyLoad.Acknowledged::code).toList()))
                .map(d -> d.getString("_id")).into(new ArrayList<>()).stream().collect(Collectors.toSet());
        Map<String, Long> perCitizen = countBy(dossiers.find(Filters.in("ownerCitizenId",
                acked.stream().map(SteadyLoad.Acknowledged::citizenId).toList())), "ownerCitizenId");
        long duplicated = perCitizen.values().stream().mapToLong(n -> Math.max(0, n - 1)).sum();
        return new Row("dossier stored", acked.size(), stored.size(), duplicated, acked.size() - stored.size(), false);
    }

    /** Each acknowledged dossier's citizen got the calm submission's messages, each once. */
    private static Row notifications(MongoClient mongo, Collection<SteadyLoad.Acknowledged> acked, Expected expected,
            Set<String> obligated) {
        Map<String, List<String>> byDossier = notificationsOf(mongo, acked);
        Map<String, Long> wantedOfCalm = expected.templates().stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        Map<String, Long> wantedWithObligation = new HashMap<>(wantedOfCalm);
        wantedWithObligation.merge(PAYMENT_REQUESTED, 1L, Long::sum);
        long found = 0;
        long duplicated = 0;
        long lost = 0;
        for (SteadyLoad.Acknowledged submission : acked) {
            List<String> templates = byDossier.getOrDefault(submission.code(), List.of());
            Map<String, Long> perTemplate = templates.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            Map<String, Long> wanted = obligated.contains(submission.code()) ? wantedWithObligation : wantedOfCalm;
            duplicated += perTemplate.entrySet().stream()
                    .mapToLong(entry -> Math.max(0, entry.getValue() - wanted.getOrDefault(entry.getKey(), 1L))).sum();
            boolean complete = wanted.entrySet().stream()
                    .allMatch(entry -> perTemplate.getOrDefault(entry.getKey(), 0L) >= entry.getValue());
            found += complete ? 1 : 0;
            lost += complete ? 0 : 1;
        }
        return new Row("notifications " + expected.templates(), acked.size(), found, duplicated, lost, false);
    }

    private static Map<String, List<String>> notificationsOf(MongoClient mongo, Collection<SteadyLoad.Acknowledged> acked) {
        MongoDatabase notifications = mongo.getDatabase("motcua-notification");
        Map<String, String> citizenOf = acked.stream().collect(Collectors.toMap(SteadyLoad.Acknowledged::code,
                SteadyLoad.Acknowledged::citizenId));
        Map<String, List<String>> byDossier = new HashMap<>();
        for (Document notification : notifications.getCollection("notifications").find(Filters.in("dossierCode", citizenOf.keySet()))) {
            String code = notification.getString("dossierCode");
            if (citizenOf.get(code).equals(notification.getString("recipientCitizenId"))) {
                byDossier.computeIfAbsent(code, c -> new ArrayList<>()).add(notification.getString("template"));
            }
        }
        return byDossier;
    }

    /** Messages the Zalo simulator accepted (one per reference: a resend is not a second message) naming each dossier. */
    private Map<String, Long> zaloMessagesAbout(Collection<SteadyLoad.Acknowledged> acked) {
        JsonNode messages;
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + config.ports().zalo()
                    + "/simulator/messages")).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            messages = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the Zalo simulator's messages", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Map<String, Long> perDossier = new HashMap<>();
        for (JsonNode message : messages) {
            String content = message.path("content").asString("");
            for (SteadyLoad.Acknowledged submission : acked) {
                if (content.contains(submission.code())) {
                    perDossier.merge(submission.code(), 1L, Long::sum);
                }
            }
        }
        return perDossier;
    }

    private static Map<String, Long> countBy(Iterable<Document> documents, String field) {
        Map<String, Long> counts = new TreeMap<>();
        documents.forEach(document -> counts.merge(document.getString(field), 1L, Long::sum));
        return counts;
    }

    /** Each dossier should have {@code each} of this effect: fewer is lost, more is duplicated. */
    private static Row perDossier(String kind, List<String> codes, Map<String, Long> counts, long each, boolean atLeastOnce) {
        return perDossier(kind, codes, counts, code -> each, atLeastOnce);
    }

    private static Row perDossier(String kind, List<String> codes, Map<String, Long> counts, Function<String, Long> expected,
            boolean atLeastOnce) {
        long found = 0;
        long duplicated = 0;
        long lost = 0;
        for (String code : codes) {
            long count = counts.getOrDefault(code, 0L);
            long each = expected.apply(code);
            found += count >= each ? 1 : 0;
            lost += count < each ? 1 : 0;
            duplicated += Math.max(0, count - each);
        }
        return new Row(kind, codes.size(), found, duplicated, lost, atLeastOnce);
    }
}
