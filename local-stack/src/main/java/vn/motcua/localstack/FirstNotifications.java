package vn.motcua.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import vn.motcua.events.CloudEventHeaders;

/**
 * From a submission to the citizen's first message accepted by a provider (Zalo, SMS or email;
 * the inbox does not count), read from the stores after the run: the dossier's submission time
 * and the notifications' accepted attempts.
 */
final class FirstNotifications {
    /**
     * @param sortedMillis submission to the first provider-accepted message, per dossier reached
     * @param storedMillis submission to that message's notification being stored: the part spent
     *     before the notification service had stored it (the dossier's outbox, Kafka, the consumer's queue and handling)
     * @param onKafkaMillis submission to its {@code DossierSubmitted} record's timestamp on the dossier topic (the
     *     dossier service's relay sending it): the part spent before any consumer could read it
     */
    record Latencies(int dossiers, int reached, long[] sortedMillis, long[] storedMillis, long[] onKafkaMillis) {
        long percentile(double p) {
            return percentile(sortedMillis, p);
        }

        long storedPercentile(double p) {
            return percentile(storedMillis, p);
        }

        long onKafkaPercentile(double p) {
            return percentile(onKafkaMillis, p);
        }

        private static long percentile(long[] sorted, double p) {
            return sorted.length == 0 ? -1 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
        }
    }

    /** A dossier's first message out: when a provider accepted it, and when its notification was stored. */
    private record First(Instant accepted, Instant stored) {
    }

    private FirstNotifications() {
    }

    static Latencies since(StackConfig config, Instant from, Instant to) {
        try (MongoClient mongo = MongoClients.create(config.mongoUri())) {
            Map<String, Instant> submitted = new HashMap<>();
            mongo.getDatabase("motcua-dossier").getCollection("dossiers")
                    .find(Filters.and(Filters.gte("submittedAt", Date.from(from)), Filters.lt("submittedAt", Date.from(to))))
                    .projection(Projections.include("submittedAt"))
                    .forEach(dossier -> submitted.put(dossier.getString("_id"), dossier.getDate("submittedAt").toInstant()));
            Map<String, First> firstAccepted = new HashMap<>();
            mongo.getDatabase("motcua-notification").getCollection("notifications")
                    .find(Filters.in("dossierCode", submitted.keySet()))
                    .projection(Projections.include("dossierCode", "deliveries", "createdAt"))
                    .forEach(notification -> earliest(notification).ifPresent(at -> firstAccepted.merge(
                            notification.getString("dossierCode"), new First(at, notification.getDate("createdAt").toInstant()),
                            (a, b) -> a.accepted().isBefore(b.accepted()) ? a : b)));
            List<Long> millis = new ArrayList<>();
            List<Long> stored = new ArrayList<>();
            firstAccepted.forEach((code, first) -> {
                long submittedAt = submitted.get(code).toEpochMilli();
                millis.add(first.accepted().toEpochMilli() - submittedAt);
                stored.add(first.stored().toEpochMilli() - submittedAt);
            });
            List<Long> onKafka = new ArrayList<>();
            firstOnKafka(config, submitted).forEach((code, at) -> onKafka.add(at - submitted.get(code).toEpochMilli()));
            return new Latencies(submitted.size(), millis.size(), sorted(millis), sorted(stored), sorted(onKafka));
        }
    }

    /** When each dossier's first {@code DossierSubmitted} record was sent to the topic (its timestamp, set by the producer). */
    private static Map<String, Long> firstOnKafka(StackConfig config, Map<String, Instant> submitted) {
        Map<String, Long> sentAt = new HashMap<>();
        DossierTopic.read(config, record -> {
            String code = DossierTopic.header(record, CloudEventHeaders.SUBJECT);
            if (submitted.containsKey(code) && "DossierSubmitted".equals(DossierTopic.header(record, CloudEventHeaders.TYPE))) {
                sentAt.merge(code, record.timestamp(), Math::min);
            }
        });
        return sentAt;
    }

    private static long[] sorted(List<Long> millis) {
        return millis.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /**
     * Of the messages of one kind created in the window, how many a provider accepted (Zalo, SMS or
     * email; the inbox does not count): the rest wait for an address, a retry or the end of quiet hours.
     */
    static Told told(StackConfig config, String template, Instant from, Instant to) {
        try (MongoClient mongo = MongoClients.create(config.mongoUri())) {
            int[] counts = new int[2];
            mongo.getDatabase("motcua-notification").getCollection("notifications")
                    .find(Filters.and(Filters.eq("template", template), Filters.gte("createdAt", Date.from(from)),
                            Filters.lt("createdAt", Date.from(to))))
                    .projection(Projections.include("deliveries"))
                    .forEach(notification -> {
                        counts[0]++;
                        counts[1] += earliest(notification).isPresent() ? 1 : 0;
                    });
            return new Told(counts[0], counts[1]);
        }
    }

    record Told(int messages, int acceptedByProvider) {
    }

    private static Optional<Instant> earliest(Document notification) {
        return notification.getList("deliveries", Document.class, List.of()).stream()
                .filter(delivery -> !"IN_APP".equals(delivery.getString("channel")))
                .map(delivery -> delivery.getDate("acceptedAt"))
                .filter(at -> at != null)
                .map(Date::toInstant)
                .min(Instant::compareTo);
    }
}
