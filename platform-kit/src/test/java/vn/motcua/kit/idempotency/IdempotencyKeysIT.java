package vn.motcua.kit.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.testapp.KitTestApplication;
import vn.motcua.testinfra.InfrastructureTest;

@SpringBootTest(classes = KitTestApplication.class, properties = "spring.application.name=kit-test")
@InfrastructureTest
class IdempotencyKeysIT {
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Autowired
    IdempotencyKeys keys;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    JsonMapper json;

    record Created(String id) {
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstResultWithoutCreatingAgain() {
        String key = UUID.randomUUID().toString();
        AtomicInteger created = new AtomicInteger();

        ResponseEntity<Created> first = keys.once("citizen-1|submit", key, Map.of("a", 1), Created.class, () -> create(created));
        ResponseEntity<Created> retry = keys.once("citizen-1|submit", key, Map.of("a", 1), Created.class, () -> create(created));

        assertThat(created).hasValue(1);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getFirst(IdempotencyKeys.REPLAYED_HEADER)).isEqualTo("true");
    }

    @Test
    void concurrentRetriesCreateOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        AtomicInteger created = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> retries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            retries.add(() -> {
                start.await();
                try {
                    return keys.once("citizen-1|submit", key, Map.of("a", 1), Created.class, () -> create(created))
                            .getStatusCode().toString();
                } catch (ApiProblem problem) {
                    return problem.status().toString();
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> results = new ArrayList<>();
        for (Callable<String> retry : retries) {
            results.add(pool.submit(retry));
        }
        start.countDown();
        List<String> statuses = new ArrayList<>();
        for (Future<String> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();

        assertThat(created).hasValue(1);
        assertThat(statuses).allSatisfy(s -> assertThat(s).isIn("201 CREATED", "409 CONFLICT"));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        AtomicInteger created = new AtomicInteger();
        keys.once("citizen-1|submit", key, Map.of("a", 1), Created.class, () -> create(created));

        assertThatThrownBy(() -> keys.once("citizen-1|submit", key, Map.of("a", 2), Created.class, () -> create(created)))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status().value()).isEqualTo(422));
        assertThat(created).hasValue(1);
    }

    @Test
    void keysAreScopedPerCaller() {
        String key = UUID.randomUUID().toString();
        AtomicInteger created = new AtomicInteger();
        keys.once("citizen-1|submit", key, Map.of("a", 1), Created.class, () -> create(created));
        keys.once("citizen-2|submit", key, Map.of("a", 1), Created.class, () -> create(created));
        assertThat(created).hasValue(2);
    }

    @Test
    void aFailedAttemptLeavesItsClaimToTheRetryWhichFindsWhatItStored() {
        String key = UUID.randomUUID().toString();
        Map<String, String> createdUnder = new HashMap<>();
        List<IdempotencyKeys.Claim> claims = new ArrayList<>();

        // Stored, then a later storage call failed: the request is answered 500, what it stored stays.
        assertThatThrownBy(() -> keys.once("citizen-1|submit", key, Map.of("a", 1), Created.class, claim -> {
            claims.add(claim);
            createdUnder.put(claim.id(), "stored-before-the-failure");
            throw new IllegalStateException("database unavailable");
        })).hasMessage("database unavailable");
        ResponseEntity<Created> retry = keys.once("citizen-1|submit", key, Map.of("a", 1), Created.class, claim -> {
            claims.add(claim);
            String id = claim.createdBefore(claimId -> Optional.ofNullable(createdUnder.get(claimId))).orElse("created-again");
            return ResponseEntity.status(HttpStatus.CREATED).body(new Created(id));
        });

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getBody().id()).isEqualTo("stored-before-the-failure");
        assertThat(claims).extracting(IdempotencyKeys.Claim::takenOver).containsExactly(false, true);
        assertThat(claims.get(1).seed()).as("a booking code drawn from it is the failed attempt's again")
                .isEqualTo(claims.get(0).seed());
    }

    @Test
    void aRefusalFreesTheKeyForTheCallerToRetryWithAnotherBody() {
        String key = UUID.randomUUID().toString();
        AtomicInteger created = new AtomicInteger();

        assertThatThrownBy(() -> keys.once("citizen-1|submit", key, Map.of("a", 1), Created.class, () -> {
            throw ApiProblem.unprocessable("unknown-procedure", "No procedure X");
        })).isInstanceOf(ApiProblem.class);
        ResponseEntity<Created> corrected = keys.once("citizen-1|submit", key, Map.of("a", 2), Created.class,
                () -> create(created));

        assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created).hasValue(1);
    }

    @Test
    void aKeyLeftInProgressByARequestThatDiedIsTakenOverByTheRetryOnceItsLeaseRunsOut() {
        Instant crash = Instant.parse("2026-11-30T03:00:00Z");
        IdempotencyKeys beforeTheCrash = new IdempotencyKeys(mongo, json, Clock.fixed(crash, ZoneOffset.UTC), LEASE);
        IdempotencyKeys duringTheLease = new IdempotencyKeys(mongo, json,
                Clock.fixed(crash.plusSeconds(10), ZoneOffset.UTC), LEASE);
        IdempotencyKeys afterTheLease = new IdempotencyKeys(mongo, json,
                Clock.fixed(crash.plus(LEASE).plusSeconds(1), ZoneOffset.UTC), LEASE);
        String key = UUID.randomUUID().toString();
        AtomicInteger created = new AtomicInteger();

        // The process dies mid-request: nothing frees the key.
        assertThatThrownBy(() -> beforeTheCrash.once("citizen-1|submit", key, Map.of("a", 1), Created.class, () -> {
            throw new OutOfMemoryError("simulated death of the process");
        })).isInstanceOf(OutOfMemoryError.class);

        assertThatThrownBy(() -> duringTheLease.once("citizen-1|submit", key, Map.of("a", 1), Created.class,
                () -> create(created)))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status().value()).isEqualTo(409);
                    assertThat(p.headers()).containsEntry("Retry-After", "21");
                });
        ResponseEntity<Created> retried = afterTheLease.once("citizen-1|submit", key, Map.of("a", 1), Created.class,
                () -> create(created));
        ResponseEntity<Created> replayed = afterTheLease.once("citizen-1|submit", key, Map.of("a", 1), Created.class,
                () -> create(created));

        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(replayed.getBody()).isEqualTo(retried.getBody());
        assertThat(created).hasValue(1);
        assertThatThrownBy(() -> afterTheLease.once("citizen-1|submit", key, Map.of("a", 2), Created.class,
                () -> create(created))).isInstanceOfSatisfying(ApiProblem.class,
                        p -> assertThat(p.status().value()).isEqualTo(422));
    }

    @Test
    void theRetryThatTakesOverAKeyIsToldSoAndFindsWhatTheDeadAttemptCreatedUnderTheSameClaim() {
        Instant crash = Instant.parse("2026-11-30T04:00:00Z");
        IdempotencyKeys beforeTheCrash = new IdempotencyKeys(mongo, json, Clock.fixed(crash, ZoneOffset.UTC), LEASE);
        IdempotencyKeys afterTheLease = new IdempotencyKeys(mongo, json,
                Clock.fixed(crash.plus(LEASE).plusSeconds(1), ZoneOffset.UTC), LEASE);
        String key = UUID.randomUUID().toString();
        Map<String, String> createdUnder = new HashMap<>();
        List<IdempotencyKeys.Claim> claims = new ArrayList<>();

        // The process stores what it creates, marked with its claim, and dies before recording the result.
        assertThatThrownBy(() -> beforeTheCrash.once("citizen-1|submit", key, Map.of("a", 1), Created.class, claim -> {
            claims.add(claim);
            createdUnder.put(claim.id(), "created-before-the-crash");
            throw new OutOfMemoryError("simulated death of the process");
        })).isInstanceOf(OutOfMemoryError.class);
        ResponseEntity<Created> retried = afterTheLease.once("citizen-1|submit", key, Map.of("a", 1), Created.class, claim -> {
            claims.add(claim);
            String id = claim.createdBefore(claimId -> Optional.ofNullable(createdUnder.get(claimId))).orElse("created-again");
            return ResponseEntity.status(HttpStatus.CREATED).body(new Created(id));
        });

        assertThat(claims).extracting(IdempotencyKeys.Claim::takenOver).containsExactly(false, true);
        assertThat(claims.get(1).id()).isEqualTo(claims.get(0).id());
        assertThat(claims.get(1).seed()).as("what the dead attempt drew, drawn again").isNotBlank().isEqualTo(claims.get(0).seed());
        assertThat(retried.getBody().id()).isEqualTo("created-before-the-crash");
        List<IdempotencyKeys.Claim> another = new ArrayList<>();
        afterTheLease.once("citizen-1|submit", UUID.randomUUID().toString(), Map.of("a", 1), Created.class, claim -> {
            another.add(claim);
            return ResponseEntity.status(HttpStatus.CREATED).body(new Created("another"));
        });
        assertThat(another.getFirst().seed()).as("another key's").isNotEqualTo(claims.get(0).seed());
    }

    @Test
    void aMissingOrUnusableKeyIsABadRequest() {
        AtomicInteger created = new AtomicInteger();
        for (String bad : new String[] {null, "", "short", "has spaces in it", "x".repeat(129), "{\"$ne\":null}"}) {
            assertThatThrownBy(() -> keys.once("citizen-1|submit", bad, Map.of(), Created.class, () -> create(created)))
                    .as(String.valueOf(bad))
                    .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status().value()).isEqualTo(400));
        }
        assertThat(created).hasValue(0);
    }

    private static ResponseEntity<Created> create(AtomicInteger created) {
        created.incrementAndGet();
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(UUID.randomUUID().toString()));
    }
}
