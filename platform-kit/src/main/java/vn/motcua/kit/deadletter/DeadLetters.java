package vn.motcua.kit.deadletter;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.kit.correlation.Correlation;
import vn.motcua.kit.messaging.Subscriptions;

/**
 * This service's dead letters: parked from the dead-letter topics (only those its own consumer
 * group failed to apply: the topics are shared by every service that reads the original
 * topic), listed for ops, and re-driven through the same handlers that failed. A re-drive does
 * not go back through Kafka, so the other services reading the topic see nothing; the handlers
 * are idempotent, so an event re-driven twice has its effect once.
 */
public class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final String DLT_HEADER_PREFIX = "kafka_dlt-";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MongoTemplate mongo;
    private final Subscriptions subscriptions;
    private final String consumerGroup;
    private final Clock clock;

    public DeadLetters(MongoTemplate mongo, Subscriptions subscriptions, String consumerGroup, Clock clock) {
        this.mongo = mongo;
        this.subscriptions = subscriptions;
        this.consumerGroup = consumerGroup;
        this.clock = clock;
    }

    /** Keeps a record of a dead-letter topic if this service parked it; a replay of the topic changes nothing. */
    public void park(ConsumerRecord<String, String> parked) {
        if (!consumerGroup.equals(text(parked, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))) {
            return;
        }
        String topic = text(parked, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        int partition = ByteBuffer.wrap(bytes(parked, KafkaHeaders.DLT_ORIGINAL_PARTITION)).getInt();
        long offset = ByteBuffer.wrap(bytes(parked, KafkaHeaders.DLT_ORIGINAL_OFFSET)).getLong();
        Map<String, String> original = new LinkedHashMap<>();
        for (Header header : parked.headers()) {
            if (!header.key().startsWith(DLT_HEADER_PREFIX) && header.value() != null) {
                original.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        Instant failedAt = Instant.ofEpochMilli(parked.timestamp());
        String id = topic + "-" + partition + "@" + offset;
        Update onFirstSight = new Update()
                .setOnInsert("topic", topic).setOnInsert("partition", partition).setOnInsert("offset", offset)
                .setOnInsert("key", parked.key()).setOnInsert("value", parked.value()).setOnInsert("headers", original)
                .setOnInsert("eventId", original.get(CloudEventHeaders.ID))
                .setOnInsert("eventType", original.get(CloudEventHeaders.TYPE))
                .setOnInsert("reason", text(parked, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .setOnInsert("exception", text(parked, KafkaHeaders.DLT_EXCEPTION_FQCN))
                .setOnInsert("firstFailedAt", failedAt).setOnInsert("lastFailedAt", failedAt)
                .setOnInsert("status", DeadLetter.Status.PARKED).setOnInsert("redrives", List.of());
        if (mongo.upsert(new Query(where("_id").is(id)), onFirstSight, DeadLetter.class).getUpsertedId() == null) {
            return;
        }
        log.warn("Dead letter {} ({} {}) parked: {}", id, original.get(CloudEventHeaders.TYPE),
                original.get(CloudEventHeaders.ID), text(parked, KafkaHeaders.DLT_EXCEPTION_MESSAGE));
    }

    /** Oldest first, {@code limit} at a time; {@code page} 0 is the first. */
    public List<DeadLetter> list(String topic, DeadLetter.Status status, int page, int limit) {
        Query query = new Query(criteria(topic, status)).with(Sort.by("firstFailedAt", "_id")).skip((long) page * limit)
                .limit(limit);
        return mongo.find(query, DeadLetter.class);
    }

    public DeadLetter find(String id) {
        return mongo.findById(id, DeadLetter.class);
    }

    /** The parked dead letters of a topic (all topics when null), for a re-drive of them all. */
    public List<String> parkedIds(String topic) {
        Query query = new Query(criteria(topic, DeadLetter.Status.PARKED)).with(Sort.by("firstFailedAt", "_id"));
        query.fields().include("_id");
        return mongo.find(query, DeadLetter.class).stream().map(DeadLetter::id).toList();
    }

    /**
     * Applies the parked event again through this service's handlers and records the attempt.
     *
     * @return the dead letter after the attempt, or null when there is none with that id
     */
    public DeadLetter redrive(String id, String by) {
        DeadLetter letter = find(id);
        if (letter == null) {
            return null;
        }
        Instant now = clock.instant();
        DeadLetter.Redrive attempt;
        try {
            Correlation.set(letter.headers().get(CloudEventHeaders.CORRELATION_ID));
            subscriptions.dispatch(originalOf(letter));
            attempt = new DeadLetter.Redrive(now, by, DeadLetter.Outcome.APPLIED, null);
        } catch (RuntimeException e) {
            log.warn("Re-drive of dead letter {} failed: {}", id, e.toString());
            attempt = new DeadLetter.Redrive(now, by, DeadLetter.Outcome.FAILED, String.valueOf(e.getMessage()));
        } finally {
            Correlation.clear();
        }
        Update update = new Update().push("redrives", attempt);
        if (attempt.outcome() == DeadLetter.Outcome.APPLIED) {
            update.set("status", DeadLetter.Status.REDRIVEN);
        } else {
            update.set("lastFailedAt", now).set("reason", attempt.error());
        }
        mongo.updateFirst(new Query(where("_id").is(id)), update, DeadLetter.class);
        return find(id);
    }

    /** What came of a correction: the letter as it is now, or why it was refused. */
    public enum Corrected {
        CORRECTED, UNKNOWN, ALREADY_REDRIVEN, NOT_JSON
    }

    /**
     * Records the payload a re-drive will apply instead of the one that arrived, when the fault was
     * the producer's (a malformed or wrong event). Only while the letter is parked: an applied event
     * is history. The original payload is kept; the correction names who wrote it and why.
     */
    public Corrected correct(String id, String value, String reason, String by) {
        try {
            JSON.readTree(value);
        } catch (JacksonException notJson) {
            return Corrected.NOT_JSON;
        }
        DeadLetter.Correction correction = new DeadLetter.Correction(value, reason, by, clock.instant());
        if (mongo.updateFirst(new Query(where("_id").is(id).and("status").is(DeadLetter.Status.PARKED)),
                new Update().set("correction", correction), DeadLetter.class).getMatchedCount() == 1) {
            log.warn("Dead letter {} corrected by {}: {}", id, by, reason);
            return Corrected.CORRECTED;
        }
        return find(id) == null ? Corrected.UNKNOWN : Corrected.ALREADY_REDRIVEN;
    }

    private static ConsumerRecord<String, String> originalOf(DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        letter.headers().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return new ConsumerRecord<>(letter.topic(), letter.partition(), letter.offset(),
                letter.firstFailedAt().toEpochMilli(), TimestampType.CREATE_TIME, -1, -1, letter.key(),
                letter.correction() == null ? letter.value() : letter.correction().value(), headers, Optional.empty());
    }

    private static Criteria criteria(String topic, DeadLetter.Status status) {
        List<Criteria> all = new ArrayList<>();
        if (topic != null) {
            all.add(where("topic").is(topic));
        }
        if (status != null) {
            all.add(where("status").is(status));
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }

    private static byte[] bytes(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            throw new IllegalArgumentException("Dead letter without " + name);
        }
        return header.value();
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
