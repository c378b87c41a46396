package vn.motcua.kit.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import vn.motcua.events.CloudEvent;
import vn.motcua.kit.lease.ClusterLease;

/**
 * Publishes the events waiting in aggregate documents, in order per document, then removes
 * each one by its id. Only the instance holding the relay lease publishes, so two instances
 * do not race; a crash between publishing and removing publishes again, which consumers
 * absorb because they deduplicate on the event id.
 */
public class OutboxRelay {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String FIELD = Aggregate.PENDING_EVENTS;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final ClusterLease lease;
    private final List<String> collections;
    private final OutboxProperties properties;
    private final String source;
    /** One lease per service: services sharing a database (as tests do) do not wait for each other. */
    private final String leaseName;
    private final AtomicLong pending = new AtomicLong();

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, ClusterLease lease,
            OutboxCollections collections, OutboxProperties properties, String source, MeterRegistry meters) {
        this.mongo = mongo;
        this.collections = List.copyOf(collections.names());
        this.kafka = kafka;
        this.lease = lease;
        this.properties = properties;
        this.source = source;
        this.leaseName = "outbox-relay:" + source;
        Gauge.builder("motcua.outbox.pending", pending, AtomicLong::get)
                .description("Events stored but not yet published (as of the last relay round)")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${motcua.outbox.interval-ms:200}")
    public void relayScheduled() {
        try {
            relay();
        } catch (RuntimeException e) {
            log.warn("Outbox relay round failed; it will be retried: {}", e.toString());
        }
    }

    /** One relay round; returns how many events were published. */
    public int relay() {
        if (collections.isEmpty() || !lease.tryAcquire(leaseName, properties.leaseTtl())) {
            return 0;
        }
        int published = 0;
        long seen = 0;
        try {
            for (String collection : collections) {
                Query waiting = new Query(where(FIELD + ".0").exists(true)).limit(properties.batchSize());
                waiting.fields().include(FIELD);
                for (Document document : mongo.find(waiting, Document.class, collection)) {
                    List<Document> entries = document.getList(FIELD, Document.class);
                    seen += entries.size();
                    for (Document entry : entries) {
                        publish(entry);
                        mongo.updateFirst(new Query(where("_id").is(document.get("_id"))),
                                new Update().pull(FIELD, new Document("eventId", entry.getString("eventId"))), collection);
                        published++;
                    }
                }
            }
        } finally {
            // Also after a failed publish, so that the metric shows what is stuck.
            pending.set(seen - published);
        }
        return published;
    }

    private void publish(Document entry) {
        ProducerRecord<String, String> record = new ProducerRecord<>(entry.getString("topic"),
                entry.getString("subject"), entry.getString("payload"));
        Object occurredAt = entry.get("occurredAt");
        CloudEvent attributes = new CloudEvent(entry.getString("eventId"), source, entry.getString("type"),
                entry.getInteger("dataVersion"), entry.getString("subject"),
                occurredAt instanceof Date date ? date.toInstant() : (Instant) occurredAt, entry.getString("correlationId"));
        attributes.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            kafka.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing " + entry.getString("eventId"), e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish event " + entry.getString("eventId"), e);
        }
    }
}
