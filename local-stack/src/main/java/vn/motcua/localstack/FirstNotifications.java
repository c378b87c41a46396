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

/**
 * From a submission to the citizen's first message accepted by a provider (Zalo, SMS or email;
 * the inbox does not count), read from the stores after the run: the dossier's submission time
 * and the notifications' accepted attempts.
 */
final class FirstNotifications {
    record Latencies(int dossiers, int reached, long[] sortedMillis) {
        long percentile(double p) {
            return sortedMillis.length == 0 ? -1 : sortedMillis[(int) Math.min(sortedMillis.length - 1, Math.floor(p * sortedMillis.length))];
        }
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
            Map<String, Instant> firstAccepted = new HashMap<>();
            mongo.getDatabase("motcua-notification").getCollection("notifications")
                    .find(Filters.in("dossierCode", submitted.keySet()))
                    .projection(Projections.include("dossierCode", "deliveries"))
                    .forEach(notification -> earliest(notification).ifPresent(at ->
                            firstAccepted.merge(notification.getString("dossierCode"), at, (a, b) -> a.isBefore(b) ? a : b)));
            List<Long> millis = new ArrayList<>();
            firstAccepted.forEach((code, at) -> millis.add(at.toEpochMilli() - submitted.get(code).toEpochMilli()));
            return new Latencies(submitted.size(), millis.size(), millis.stream().mapToLong(Long::longValue).sorted().toArray());
        }
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
