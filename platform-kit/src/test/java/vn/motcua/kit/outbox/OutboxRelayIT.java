package vn.motcua.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.events.Topics;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.kit.correlation.Correlation;
import vn.motcua.kit.lease.ClusterLease;
import vn.motcua.kit.testapp.KitTestApplication;
import vn.motcua.kit.testapp.KitTestOrder;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;
import vn.motcua.testinfra.MovingClock;

// The relays these tests build publish as another service than the application's own relay,
// so they take a lease of their own.
@SpringBootTest(classes = KitTestApplication.class, properties = "spring.application.name=kit-test")
@InfrastructureTest
class OutboxRelayIT {
    private static final String AGGREGATES = "relay_test_aggregates";
    private static final String SOURCE = "/motcua/relay-under-test";
    private static final OutboxHandOff NO_HAND_OFF = (collection, id) -> { };
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventRecorder recorder;
    AggregateStore store;

    @BeforeEach
    void freshCollections() {
        store = new AggregateStore(mongo, recorder, watching(VersionedAggregate.COLLECTION), NO_HAND_OFF,
                Clock.systemUTC());
        mongo.dropCollection(AGGREGATES);
        mongo.dropCollection("leases");
    }

    @Test
    void twoInstancesRelayingTogetherPublishEveryEventOnceAndEmptyTheOutbox() throws Exception {
        String batch = EventMother.newDossierCode();
        for (int i = 0; i < 30; i++) {
            store(batch + "-" + i, 2);
        }
        OutboxRelay a = relay("instance-a", Duration.ofSeconds(10));
        OutboxRelay b = relay("instance-b", Duration.ofSeconds(10));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> published = pool.invokeAll(List.of(untilEmpty(a), untilEmpty(b)));
        pool.shutdown();

        assertThat(published.get(0).get() + published.get(1).get()).isEqualTo(60);
        assertThat(mongo.count(new Query(where("pendingEvents.0").exists(true)), AGGREGATES)).isZero();
        List<ConsumerRecord<String, String>> records = KafkaProbe.collect(Topics.DOSSIER,
                r -> r.key().startsWith(batch + "-"), 70, Duration.ofSeconds(5));
        Set<String> ids = records.stream().map(r -> KafkaProbe.header(r, CloudEventHeaders.ID)).collect(Collectors.toSet());
        assertThat(records).hasSize(60);
        assertThat(ids).hasSize(60);
    }

    @Test
    void aRecordCarriesTheCloudEventsAttributesAndTheCorrelationIdOfTheRequest() {
        String code = EventMother.newDossierCode();
        Correlation.set("corr-outbox-test");
        List<OutboxEntry> entries;
        try {
            entries = recorder.record(List.of(EventMother.dossierSubmitted(code, "001090000001", 0)));
        } finally {
            Correlation.clear();
        }
        mongo.insert(TestAggregate.waiting(code, entries), AGGREGATES);

        relay("instance-a", Duration.ofSeconds(10)).relay();

        ConsumerRecord<String, String> record = KafkaProbe.await(Topics.DOSSIER, r -> code.equals(r.key()), Duration.ofSeconds(10));
        assertThat(KafkaProbe.header(record, CloudEventHeaders.ID)).isEqualTo(entries.get(0).eventId());
        assertThat(KafkaProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("DossierSubmitted");
        assertThat(KafkaProbe.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(code);
        assertThat(KafkaProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo(SOURCE);
        assertThat(KafkaProbe.header(record, CloudEventHeaders.DATA_VERSION)).isEqualTo("2");
        assertThat(KafkaProbe.header(record, CloudEventHeaders.TIME)).isNotBlank();
        assertThat(KafkaProbe.header(record, CloudEventHeaders.CORRELATION_ID)).isEqualTo("corr-outbox-test");
    }

    @Test
    void aStandbyInstanceTakesOverOnlyAfterTheHoldersLeaseExpires() throws InterruptedException {
        OutboxRelay holder = relay("instance-a", Duration.ofSeconds(1));
        OutboxRelay standby = relay("instance-b", Duration.ofSeconds(1));
        store(EventMother.newDossierCode(), 1);
        assertThat(holder.relay()).isEqualTo(1);

        store(EventMother.newDossierCode(), 1);
        assertThat(standby.relay()).as("the holder's lease is still valid").isZero();

        Thread.sleep(1_500);
        assertThat(standby.relay()).isEqualTo(1);
        assertThat(holder.relay()).as("the standby now holds the lease").isZero();
    }

    @Test
    void aClaimLeftByACrashedDrainIsTakenOverOnceExpiredAndALiveOneIsLeftToItsHolder() {
        String abandoned = EventMother.newDossierCode();
        String held = EventMother.newDossierCode();
        store(abandoned, 1);
        store(held, 1);
        claimedBy(abandoned, "crashed-instance/drain", Instant.now().minusSeconds(1));
        claimedBy(held, "live-instance/drain", Instant.now().plusSeconds(60));
        OutboxRelay relay = relay("instance-a", Duration.ofSeconds(10));

        assertThat(relay.drain(AGGREGATES, abandoned)).isEqualTo(1);
        assertThat(relay.drain(AGGREGATES, held)).as("its holder publishes it").isZero();

        KafkaProbe.await(Topics.DOSSIER, r -> abandoned.equals(r.key()), Duration.ofSeconds(10));
        org.bson.Document takenOver = mongo.findById(abandoned, org.bson.Document.class, AGGREGATES);
        assertThat(takenOver.getList(Aggregate.PENDING_EVENTS, org.bson.Document.class)).isEmpty();
        assertThat(takenOver).doesNotContainKeys(OutboxClaims.FIELD, Aggregate.WAITING_SINCE);
        org.bson.Document stillHeld = mongo.findById(held, org.bson.Document.class, AGGREGATES);
        assertThat(stillHeld.getList(Aggregate.PENDING_EVENTS, org.bson.Document.class)).hasSize(1);
        assertThat(stillHeld.get(OutboxClaims.FIELD, org.bson.Document.class).getString("by")).isEqualTo("live-instance/drain");
    }

    private void claimedBy(String id, String holder, Instant until) {
        mongo.updateFirst(new Query(where("_id").is(id)), new Update().set(OutboxClaims.FIELD,
                new org.bson.Document("by", holder).append("until", Date.from(until))), AGGREGATES);
    }

    @Test
    void anEventThatCannotBePublishedStaysInTheOutboxAndShowsInTheMetric() {
        String code = EventMother.newDossierCode();
        List<OutboxEntry> entries = new ArrayList<>(recorder.record(List.of(EventMother.dossierSubmitted(code, "001090000001", 0))));
        OutboxEntry ok = entries.get(0);
        // Larger than the broker accepts (1 MB by default): the send fails.
        entries.add(new OutboxEntry("too-large-" + code, ok.type(), ok.dataVersion(), ok.topic(), ok.subject(),
                ok.occurredAt(), null, "\"" + "x".repeat(2_000_000) + "\""));
        mongo.insert(TestAggregate.waiting(code, entries), AGGREGATES);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay relay = new OutboxRelay(mongo, kafka, new ClusterLease(mongo, Clock.systemUTC(), "instance-a"),
                watching(AGGREGATES), OutboxProperties.immediate(10, Duration.ofSeconds(10)), SOURCE, Clock.systemUTC(),
                meters);

        assertThatThrownBy(relay::relay).isInstanceOf(IllegalStateException.class).hasMessageContaining("too-large-");

        TestAggregate left = mongo.findById(code, TestAggregate.class, AGGREGATES);
        assertThat(left.pendingEvents()).extracting(OutboxEntry::eventId).containsExactly("too-large-" + code);
        assertThat(meters.get("motcua.outbox.pending").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void aHandOffShowsAsActiveUntilItEndsAndWhatItCouldNotPublishStaysInTheDocument() throws Exception {
        String code = EventMother.newDossierCode();
        store(code, 1);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        // No broker listens there: the send waits for the broker's metadata, two seconds, then fails.
        DefaultKafkaProducerFactory<String, String> nowhere = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        try {
            OutboxRelay relay = new OutboxRelay(mongo, new KafkaTemplate<>(nowhere),
                    new ClusterLease(mongo, Clock.systemUTC(), "instance-a"), watching(AGGREGATES),
                    OutboxProperties.immediate(10, Duration.ofSeconds(10)), SOURCE, Clock.systemUTC(), meters);

            relay.written(AGGREGATES, code);

            assertThat(meters.get("motcua.outbox.handoffs.active").gauge().value()).isEqualTo(1.0);
            await("the failed hand-off ends").atMost(Duration.ofSeconds(15))
                    .until(() -> meters.get("motcua.outbox.handoffs.active").gauge().value() == 0);
            assertThat(mongo.findById(code, TestAggregate.class, AGGREGATES).pendingEvents()).hasSize(1);
            relay.destroy();
        } finally {
            nowhere.destroy();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theSafetyNetLooksOncePerQuietIntervalWhileNothingWaitsAndAtEveryTickWhileItFindsWork() {
        MovingClock clock = new MovingClock(Instant.now());
        OutboxRelay relay = new OutboxRelay(mongo, kafka, new ClusterLease(mongo, clock, "instance-a"),
                watching(AGGREGATES), new OutboxProperties(10, Duration.ofSeconds(10), Duration.ofSeconds(30),
                        Duration.ZERO, Duration.ofMinutes(1)), SOURCE, clock, new SimpleMeterRegistry());
        assertThat(relay.due()).as("the first round after a start sweeps").isTrue();
        relay.relay();
        assertThat(relay.due()).as("nothing found and no hand-off failed").isFalse();
        clock.advance(Duration.ofSeconds(59));
        assertThat(relay.due()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.due()).as("once per quiet interval, for another instance's crash").isTrue();

        String code = EventMother.newDossierCode();
        mongo.insert(TestAggregate.waiting(code, recorder.record(List.of(EventMother.dossierSubmitted(code,
                "001090000001", 0)))), AGGREGATES);
        assertThat(relay.relay()).isEqualTo(1);
        assertThat(relay.due()).as("right after a round that found waiting events").isTrue();
        relay.relay();
        assertThat(relay.due()).as("quiet again once a round finds nothing").isFalse();
    }

    @Test
    void savingAnAggregateReadBeforeTheRelayRanDoesNotBringBackItsPublishedEvents() {
        mongo.dropCollection(VersionedAggregate.COLLECTION);
        String code = EventMother.newDossierCode();
        store.insert(Changed.of(new VersionedAggregate(code, "OPEN"), submitted(code)));
        VersionedAggregate loaded = mongo.findById(code, VersionedAggregate.class);
        OutboxRelay relay = versionedRelay("instance-a");
        assertThat(relay.relay()).isEqualTo(1);

        loaded.status = "CLOSED";
        store.update(loaded, List.of(submitted(code)));
        String closingEventId = loaded.pendingEvents().getLast().eventId();

        VersionedAggregate saved = mongo.findById(code, VersionedAggregate.class);
        assertThat(saved.status).isEqualTo("CLOSED");
        assertThat(saved.pendingEvents()).extracting(OutboxEntry::eventId).containsExactly(closingEventId);
        assertThat(relay.relay()).isEqualTo(1);
        assertThat(KafkaProbe.collect(Topics.DOSSIER, r -> code.equals(r.key()), 5, Duration.ofSeconds(3))).hasSize(2);
    }

    @Test
    void aStaleAggregateIsNotSavedOverANewerOneAndTakesNoClaim() {
        ClaimOffering handOff = new ClaimOffering("instance-a/write");
        AggregateStore claiming = claimingStore(handOff);
        String code = openedIn(claiming);
        VersionedAggregate first = mongo.findById(code, VersionedAggregate.class);
        VersionedAggregate second = mongo.findById(code, VersionedAggregate.class);
        first.status = "CLOSED";
        claiming.update(first, List.of());

        second.status = "WITHDRAWN";
        assertThatThrownBy(() -> claiming.update(second, List.of(submitted(code))))
                .isInstanceOf(OptimisticLockingFailureException.class);

        VersionedAggregate saved = mongo.findById(code, VersionedAggregate.class);
        assertThat(saved.status).isEqualTo("CLOSED");
        assertThat(saved.pendingEvents()).isEmpty();
        assertThat(mongo.findById(code, org.bson.Document.class, VersionedAggregate.COLLECTION)).doesNotContainKey(OutboxClaims.FIELD);
        assertThat(handOff.written).isEmpty();
        assertThat(handOff.underClaim).isEmpty();
    }

    @Test
    void aChangeDecidedOnTheCallersCopyIsDecidedAgainOnTheStoredOneOnlyWhenAnotherWriteWonTheVersion() {
        mongo.dropCollection(VersionedAggregate.COLLECTION);
        String code = EventMother.newDossierCode();
        store.insert(Changed.of(new VersionedAggregate(code, "OPEN")));
        VersionedAggregate asRead = mongo.findById(code, VersionedAggregate.class);
        VersionedAggregate other = mongo.findById(code, VersionedAggregate.class);
        other.status = "PAUSED";
        store.update(other, List.of());
        AtomicInteger readsAgain = new AtomicInteger();
        List<String> decidedOn = new ArrayList<>();

        store.updateRetrying(asRead, () -> {
            readsAgain.incrementAndGet();
            return mongo.findById(code, VersionedAggregate.class);
        }, aggregate -> {
            decidedOn.add(aggregate.status);
            aggregate.status = aggregate.status + ", CLOSED";
            return List.of(submitted(code));
        });

        assertThat(decidedOn).containsExactly("OPEN", "PAUSED");
        assertThat(readsAgain).hasValue(1);
        assertThat(mongo.findById(code, VersionedAggregate.class).status).isEqualTo("PAUSED, CLOSED");
        // Uncontended, the caller's copy is the only read.
        VersionedAggregate current = mongo.findById(code, VersionedAggregate.class);
        store.updateRetrying(current, () -> {
            readsAgain.incrementAndGet();
            return mongo.findById(code, VersionedAggregate.class);
        }, aggregate -> {
            aggregate.status = "CLOSED";
            return List.of();
        });
        assertThat(readsAgain).hasValue(1);
        assertThat(mongo.findById(code, VersionedAggregate.class).status).isEqualTo("CLOSED");
    }

    @Test
    void aFieldSetBackToNullIsClearedInTheDatabase() {
        mongo.dropCollection(VersionedAggregate.COLLECTION);
        String code = EventMother.newDossierCode();
        store.insert(Changed.of(new VersionedAggregate(code, "PAUSED")));
        VersionedAggregate loaded = mongo.findById(code, VersionedAggregate.class);
        loaded.status = null;
        store.update(loaded, List.of());
        assertThat(mongo.findById(code, VersionedAggregate.class).status).isNull();
    }

    @Test
    void anEventOfAnotherServiceIsAppliedToAnAggregateOnceHoweverOftenItComes() {
        mongo.dropCollection(VersionedAggregate.COLLECTION);
        String code = EventMother.newDossierCode();
        store.insert(Changed.of(new VersionedAggregate(code, "OPEN")));

        VersionedAggregate first = mongo.findById(code, VersionedAggregate.class);
        assertThat(store.applyOnce(first, "event-1", a -> {
            a.status = "PAID";
            return List.of(submitted(code));
        })).isTrue();
        VersionedAggregate again = mongo.findById(code, VersionedAggregate.class);
        again.status = "REOPENED";
        assertThat(store.applyOnce(again, "event-1", a -> {
            a.status = "PAID TWICE";
            return List.of(submitted(code));
        })).isFalse();

        VersionedAggregate saved = mongo.findById(code, VersionedAggregate.class);
        assertThat(saved.status).isEqualTo("PAID");
        assertThat(saved.hasApplied("event-1")).isTrue();
        assertThat(saved.pendingEvents()).hasSize(1);
    }

    @Test
    void anInsertWrittenAgainAtOnceHandsItsEventsOverWithTheSecondWriteOnlyAndTheRelayPublishesBoth() {
        mongo.dropCollection(VersionedAggregate.COLLECTION);
        List<Object> handedOver = new ArrayList<>();
        AggregateStore deferring = new AggregateStore(mongo, recorder, watching(VersionedAggregate.COLLECTION),
                (collection, id) -> handedOver.add(id), Clock.systemUTC());
        String code = EventMother.newDossierCode();
        VersionedAggregate created = new VersionedAggregate(code, "OPEN");

        assertThat(deferring.insertOnceBeforeNextWrite(Changed.of(created, submitted(code)))).isTrue();
        assertThat(handedOver).isEmpty();
        assertThat(deferring.insertOnceBeforeNextWrite(Changed.of(new VersionedAggregate(code, "AGAIN"), submitted(code)))).isFalse();

        created.status = "SENT";
        deferring.update(created, List.of());
        assertThat(handedOver).containsExactly(code);
        created.status = "SENT TWICE";
        deferring.update(created, List.of());
        assertThat(handedOver).as("the deferred events are handed over once").containsExactly(code);

        OutboxRelay relay = versionedRelay("instance-a");
        assertThat(relay.drain(VersionedAggregate.COLLECTION, code)).isEqualTo(1);
        assertThat(mongo.findById(code, VersionedAggregate.class).pendingEvents()).isEmpty();
    }

    @Test
    void anInsertLeftWithoutItsSecondWriteIsPublishedByTheSafetyNet() {
        mongo.dropCollection(VersionedAggregate.COLLECTION);
        String code = EventMother.newDossierCode();
        store.insertOnceBeforeNextWrite(Changed.of(new VersionedAggregate(code, "OPEN"), submitted(code)));

        OutboxRelay relay = versionedRelay("instance-a");
        assertThat(relay.relay()).isEqualTo(1);
        assertThat(KafkaProbe.collect(Topics.DOSSIER, r -> code.equals(r.key()), 5, Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void anAggregateThatNoRelayWatchesIsRefusedBeforeAnythingIsWritten() {
        AggregateStore blind = new AggregateStore(mongo, recorder, watching(AGGREGATES), NO_HAND_OFF, Clock.systemUTC());
        String code = EventMother.newDossierCode();

        assertThatThrownBy(() -> blind.insert(Changed.of(new VersionedAggregate(code, "OPEN"), submitted(code))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(VersionedAggregate.COLLECTION).hasMessageContaining("VersionedAggregate");
        assertThat(mongo.findById(code, VersionedAggregate.class)).isNull();
    }

    @Test
    void theRelayWatchesTheCollectionOfEveryAggregateTheApplicationScans(@Autowired OutboxCollections collections) {
        assertThat(collections.names()).containsExactly(KitTestOrder.COLLECTION);
    }

    @Test
    void twoInstancesChangingTheSameAggregateHandTheirWritesOverAndEachEventReachesKafkaOnceInOrder() throws Exception {
        mongo.dropCollection(VersionedAggregate.COLLECTION);
        String code = EventMother.newDossierCode();
        List<AggregateStore> instances = new ArrayList<>();
        for (String instance : List.of("instance-a", "instance-b")) {
            OutboxRelay relay = new OutboxRelay(mongo, kafka, new ClusterLease(mongo, Clock.systemUTC(), instance),
                    watching(VersionedAggregate.COLLECTION), new OutboxProperties(10, Duration.ofSeconds(10),
                            Duration.ofSeconds(30), Duration.ofSeconds(3), null), SOURCE, Clock.systemUTC(),
                    new SimpleMeterRegistry());
            instances.add(new AggregateStore(mongo, recorder, watching(VersionedAggregate.COLLECTION), relay,
                    Clock.systemUTC()));
        }
        instances.getFirst().insert(Changed.of(new VersionedAggregate(code, "0"), numbered(code, 0)));

        int changesEach = 15;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> writers = new ArrayList<>();
        for (AggregateStore instance : instances) {
            writers.add(pool.submit(() -> {
                for (int done = 0; done < changesEach; ) {
                    VersionedAggregate current = mongo.findById(code, VersionedAggregate.class);
                    int next = Integer.parseInt(current.status) + 1;
                    current.status = String.valueOf(next);
                    try {
                        instance.update(current, List.of(numbered(code, next)));
                        done++;
                    } catch (OptimisticLockingFailureException lostTheRace) {
                        // The other instance changed it first: read again.
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<Integer> published = KafkaProbe.collect(Topics.DOSSIER, r -> code.equals(r.key()), 2 * changesEach + 5,
                Duration.ofSeconds(10)).stream().map(r -> Integer.parseInt(JSON.readTree(r.value())
                        .get("procedureName").asString())).toList();
        assertThat(published).as("every event once, in the order the changes were recorded")
                .containsExactlyElementsOf(IntStream.rangeClosed(0, 2 * changesEach).boxed().toList());
        org.bson.Document left = mongo.findById(code, org.bson.Document.class, VersionedAggregate.COLLECTION);
        assertThat(left.getList(Aggregate.PENDING_EVENTS, org.bson.Document.class)).isEmpty();
        assertThat(left).doesNotContainKey(Aggregate.WAITING_SINCE);
        assertThat(left).as("the claim given back").doesNotContainKey(OutboxClaims.FIELD);
    }

    @Test
    void aWriteWithEventsTakesTheFreeClaimItselfAndHandsItsEventsOverUnderIt() {
        ClaimOffering handOff = new ClaimOffering("instance-a/write");
        AggregateStore claiming = claimingStore(handOff);
        String code = openedIn(claiming);
        VersionedAggregate loaded = mongo.findById(code, VersionedAggregate.class);

        loaded.status = "CLOSED";
        claiming.update(loaded, List.of(submitted(code)));

        String eventId = loaded.pendingEvents().getLast().eventId();
        assertThat(handOff.underClaim).as("the events the write left waiting, under its claim")
                .containsExactly(eventId);
        assertThat(handOff.written).isEmpty();
        org.bson.Document stored = mongo.findById(code, org.bson.Document.class, VersionedAggregate.COLLECTION);
        assertThat(stored.getString("status")).isEqualTo("CLOSED");
        assertThat(stored.get(OutboxClaims.FIELD, org.bson.Document.class).getString("by")).isEqualTo("instance-a/write");
        OutboxRelay other = versionedRelay("instance-b");
        assertThat(other.drain(VersionedAggregate.COLLECTION, code)).as("left to the claim's holder").isZero();
    }

    @Test
    void anInsertWithEventsIsStoredClaimedAndATakenIdStillRefusesTheSecondCreation() {
        mongo.dropCollection(VersionedAggregate.COLLECTION);
        ClaimOffering handOff = new ClaimOffering("instance-a/insert");
        AggregateStore claiming = claimingStore(handOff);
        String code = EventMother.newDossierCode();
        VersionedAggregate created = new VersionedAggregate(code, "OPEN");

        assertThat(claiming.insertOnce(Changed.of(created, submitted(code)))).isTrue();
        assertThat(claiming.insertOnce(Changed.of(new VersionedAggregate(code, "AGAIN"), submitted(code)))).isFalse();

        assertThat(handOff.underClaim).containsExactly(created.pendingEvents().getFirst().eventId());
        assertThat(handOff.written).isEmpty();
        assertThat(created.version()).isZero();
        VersionedAggregate stored = mongo.findById(code, VersionedAggregate.class);
        assertThat(stored.status).isEqualTo("OPEN");
        assertThat(stored.version()).isZero();
        assertThat(stored.pendingEvents()).extracting(OutboxEntry::eventId).containsExactlyElementsOf(handOff.underClaim);
        org.bson.Document document = mongo.findById(code, org.bson.Document.class, VersionedAggregate.COLLECTION);
        assertThat(document.get(OutboxClaims.FIELD, org.bson.Document.class).getString("by")).isEqualTo("instance-a/insert");
        assertThat(document).containsKey(Aggregate.WAITING_SINCE);

        created.status = "CLOSED";
        claiming.update(created, List.of());
        assertThat(mongo.findById(code, VersionedAggregate.class).status).as("the version the insert gave it").isEqualTo("CLOSED");
    }

    @Test
    void aWriteWhileAnotherDrainHoldsTheClaimIsStillWrittenAndLeavesItsEventsToThatDrain() {
        ClaimOffering handOff = new ClaimOffering("instance-a/write");
        AggregateStore claiming = claimingStore(handOff);
        String code = openedIn(claiming);
        mongo.updateFirst(new Query(where("_id").is(code)), new Update().set(OutboxClaims.FIELD,
                new org.bson.Document("by", "live-instance/drain").append("until", Date.from(Instant.now().plusSeconds(60)))),
                VersionedAggregate.COLLECTION);
        VersionedAggregate loaded = mongo.findById(code, VersionedAggregate.class);

        loaded.status = "CLOSED";
        claiming.update(loaded, List.of(submitted(code)));

        assertThat(handOff.underClaim).isEmpty();
        assertThat(handOff.written).containsExactly(code);
        VersionedAggregate saved = mongo.findById(code, VersionedAggregate.class);
        assertThat(saved.status).isEqualTo("CLOSED");
        assertThat(saved.version()).isEqualTo(loaded.version());
        assertThat(saved.pendingEvents()).hasSize(1);
        org.bson.Document stored = mongo.findById(code, org.bson.Document.class, VersionedAggregate.COLLECTION);
        assertThat(stored.get(OutboxClaims.FIELD, org.bson.Document.class).getString("by")).isEqualTo("live-instance/drain");
    }

    /** Offers a claim to every write and records what it is told, publishing nothing. */
    private static final class ClaimOffering implements OutboxHandOff {
        final String holder;
        final List<Object> written = new ArrayList<>();
        final List<String> underClaim = new ArrayList<>();

        ClaimOffering(String holder) {
            this.holder = holder;
        }

        @Override
        public void written(String collection, Object id) {
            written.add(id);
        }

        @Override
        public WriteClaim claimForWrite() {
            return new WriteClaim(holder, Instant.now().plusSeconds(60));
        }

        @Override
        public void writtenUnderClaim(String collection, Object id, WriteClaim claim, List<org.bson.Document> waiting) {
            waiting.forEach(event -> underClaim.add(event.getString("eventId")));
        }
    }

    /** A change's event, carrying its sequence number where a test can read it back. */
    private static DossierSubmitted numbered(String code, int sequence) {
        DossierSubmitted event = submitted(code);
        return new DossierSubmitted(event.dossier(), String.valueOf(sequence), event.applicant(), event.feeTiming(),
                event.feesDue(), event.submittedAt());
    }

    private static OutboxCollections watching(String... collections) {
        return new OutboxCollections(Set.of(collections));
    }

    private static DossierSubmitted submitted(String code) {
        return EventMother.dossierSubmitted(code, "001090000001", 0);
    }

    /** An aggregate document as the store leaves it: its events, and since when they wait. */
    record TestAggregate(String id, List<OutboxEntry> pendingEvents, Instant outboxSince) {
        static TestAggregate waiting(String id, List<OutboxEntry> pendingEvents) {
            return new TestAggregate(id, pendingEvents, Instant.now());
        }
    }

    @Document(VersionedAggregate.COLLECTION)
    static class VersionedAggregate extends Aggregate {
        static final String COLLECTION = "relay_test_versioned";
        @Id
        String id;
        String status;

        VersionedAggregate(String id, String status) {
            this.id = id;
            this.status = status;
        }

        @Override
        public String id() {
            return id;
        }
    }

    private void store(String id, int events) {
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            entries.addAll(recorder.record(List.of(EventMother.dossierSubmitted(id, "001090000001", 0))));
        }
        mongo.insert(TestAggregate.waiting(id, entries), AGGREGATES);
    }

    private OutboxRelay versionedRelay(String instance) {
        return new OutboxRelay(mongo, kafka, new ClusterLease(mongo, Clock.systemUTC(), instance),
                watching(VersionedAggregate.COLLECTION), OutboxProperties.immediate(10, Duration.ofSeconds(10)),
                SOURCE, Clock.systemUTC(), new SimpleMeterRegistry());
    }

    /** A fresh collection holding one aggregate the store created without events: its id. */
    private String openedIn(AggregateStore store) {
        mongo.dropCollection(VersionedAggregate.COLLECTION);
        String code = EventMother.newDossierCode();
        store.insert(Changed.of(new VersionedAggregate(code, "OPEN")));
        return code;
    }

    private AggregateStore claimingStore(OutboxHandOff handOff) {
        return new AggregateStore(mongo, recorder, watching(VersionedAggregate.COLLECTION), handOff, Clock.systemUTC());
    }

    private OutboxRelay relay(String instance, Duration leaseTtl) {
        return new OutboxRelay(mongo, kafka, new ClusterLease(mongo, Clock.systemUTC(), instance),
                watching(AGGREGATES), OutboxProperties.immediate(10, leaseTtl), SOURCE, Clock.systemUTC(),
                new SimpleMeterRegistry());
    }

    private Callable<Integer> untilEmpty(OutboxRelay relay) {
        return () -> {
            int published = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (mongo.count(new Query(where("pendingEvents.0").exists(true)), AGGREGATES) > 0 && System.nanoTime() < deadline) {
                published += relay.relay();
            }
            return published;
        };
    }
}
