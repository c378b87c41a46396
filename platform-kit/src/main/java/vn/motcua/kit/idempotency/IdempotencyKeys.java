package vn.motcua.kit.idempotency;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.kit.problem.ApiProblem;

/**
 * Idempotency-Key handling for POSTs that create something. The key is claimed with one
 * insert (a unique _id per caller and key), so two concurrent retries cannot both create;
 * the first result is stored and replayed for the same key and body, and the same key with
 * another body is refused. A claim holds for a lease: a key left in progress by a process that
 * died mid-request is taken over by the client's retry once the lease has run out, instead of
 * blocking that key forever. The lease is longer than any request may take.
 */
public class IdempotencyKeys {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final String COLLECTION = "idempotency_keys";
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final Pattern ACCEPTABLE_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration lease;
    private final SecureRandom random = new SecureRandom();

    public IdempotencyKeys(MongoTemplate mongo, JsonMapper json, Clock clock, Duration lease) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
        this.lease = lease;
    }

    /**
     * Runs {@code action} once per (scope, key).
     *
     * @param scope who is asking for what, e.g. the caller's subject and the operation
     */
    public <T> ResponseEntity<T> once(String scope, String key, Object request, Class<T> bodyType,
            Supplier<ResponseEntity<T>> action) {
        return once(scope, key, request, bodyType, claim -> action.get());
    }

    /**
     * The claim an action runs under. Its id names what the action creates (stored with it), so
     * that a retry which took over an abandoned claim can find what the dead attempt created before
     * it died, between storing it and recording the result, and answer with that instead of
     * creating it a second time.
     *
     * @param takenOver true when an earlier attempt held this key and died: look for its creation first
     * @param seed random, drawn when the key was first claimed and the same for every attempt under it, so
     *     that a code an action draws from it before storing anything (a booking code) is the dead
     *     attempt's again on the retry, which can then give back what that code holds; null for a key
     *     claimed before seeds were kept
     */
    public record Claim(String id, boolean takenOver, String seed) {
        /**
         * What the dead attempt created under this claim, looked up only when this claim took one over.
         *
         * @param byClaimId finds what was stored with this claim's id
         */
        public <T> Optional<T> createdBefore(Function<String, Optional<T>> byClaimId) {
            return takenOver ? byClaimId.apply(id) : Optional.empty();
        }

        /**
         * An id for the one thing the action creates, the same for every attempt under the key: stored as that thing's
         * id, it is found by it again ({@link #createdBefore}) and cannot be stored twice.
         */
        public String idOfCreation() {
            return UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString();
        }
    }

    /** Like {@link #once(String, String, Object, Class, Supplier)}, for an action that marks what it creates with its claim. */
    public <T> ResponseEntity<T> once(String scope, String key, Object request, Class<T> bodyType,
            Function<Claim, ResponseEntity<T>> action) {
        if (key == null || key.isBlank()) {
            throw ApiProblem.badRequest("idempotency-key-missing",
                    "This request creates something: send an " + HEADER + " header (a unique value per intended creation, e.g. a UUID)");
        }
        if (!ACCEPTABLE_KEY.matcher(key).matches()) {
            throw ApiProblem.badRequest("idempotency-key-invalid",
                    HEADER + " must be 8 to 128 characters of letters, digits, '.', '_', ':' or '-'");
        }
        String id = scope + "|" + key;
        String fingerprint = fingerprint(request);
        Instant now = clock.instant();
        Claim claim;
        try {
            String seed = newSeed();
            mongo.insert(new Document("_id", id).append("fingerprint", fingerprint).append("state", IN_PROGRESS)
                    .append("createdAt", now).append("leaseUntil", now.plus(lease)).append("seed", seed), COLLECTION);
            claim = new Claim(id, false, seed);
        } catch (DuplicateKeyException seenBefore) {
            Document abandoned = takeOverAbandoned(id, fingerprint, now);
            if (abandoned == null) {
                return replay(id, fingerprint, bodyType);
            }
            claim = new Claim(id, true, abandoned.getString("seed"));
        }
        ResponseEntity<T> response;
        try {
            response = action.apply(claim);
        } catch (ApiProblem refused) {
            // The action refused and gave back what it took: the key is free for the caller to retry with.
            mongo.remove(new Query(where("_id").is(id)), COLLECTION);
            throw refused;
        } catch (RuntimeException failed) {
            leaveToTheRetry(id, failed);
            throw failed;
        }
        mongo.updateFirst(new Query(where("_id").is(id)), new Update()
                .set("state", "DONE")
                .set("status", response.getStatusCode().value())
                .set("location", response.getHeaders().getFirst(HttpHeaders.LOCATION))
                .set("body", response.getBody() == null ? null : json.writeValueAsString(response.getBody())), COLLECTION);
        return response;
    }

    /**
     * An action that failed part-way (a storage call that did not answer) may have stored some of what
     * it does. Its claim stays, seed and all, its lease over: the retry takes it over as it would a dead
     * attempt's, finds what was stored and gives back what was taken under the claim's seed. When the
     * database cannot be reached for this either, the claim keeps its lease and the retry takes it over
     * once that runs out.
     */
    private void leaveToTheRetry(String id, RuntimeException failed) {
        try {
            mongo.updateFirst(new Query(where("_id").is(id).and("state").is(IN_PROGRESS)),
                    new Update().set("leaseUntil", Instant.EPOCH), COLLECTION);
        } catch (RuntimeException stillFailing) {
            failed.addSuppressed(stillFailing);
        }
    }

    /**
     * Claims a key whose holder's lease ran out without a result: the request that held it died.
     *
     * @return the key's document, or null when it is not abandoned
     */
    private Document takeOverAbandoned(String id, String fingerprint, Instant now) {
        Query abandoned = new Query(where("_id").is(id).and("state").is(IN_PROGRESS).and("fingerprint").is(fingerprint)
                .and("leaseUntil").lt(now));
        return mongo.findAndModify(abandoned, new Update().set("leaseUntil", now.plus(lease)),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
    }

    private String newSeed() {
        byte[] seed = new byte[16];
        random.nextBytes(seed);
        return HexFormat.of().formatHex(seed);
    }

    private <T> ResponseEntity<T> replay(String id, String fingerprint, Class<T> bodyType) {
        Document first = mongo.findById(id, Document.class, COLLECTION);
        if (first == null) {
            throw ApiProblem.conflict("idempotency-key-in-progress", "A request with this " + HEADER + " just failed; retry it");
        }
        if (!fingerprint.equals(first.getString("fingerprint"))) {
            throw ApiProblem.unprocessable("idempotency-key-reused",
                    "This " + HEADER + " was already used for a different request body");
        }
        if (!"DONE".equals(first.getString("state"))) {
            Date leaseUntil = first.getDate("leaseUntil");
            long seconds = leaseUntil == null ? 1
                    : Math.max(1, Duration.between(clock.instant(), leaseUntil.toInstant()).toSeconds() + 1);
            throw ApiProblem.conflict("idempotency-key-in-progress",
                    "A request with this " + HEADER + " is still being processed; retry shortly")
                    .withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(HttpStatus.valueOf(first.getInteger("status")))
                .header(REPLAYED_HEADER, "true");
        if (first.getString("location") != null) {
            builder.header(HttpHeaders.LOCATION, first.getString("location"));
        }
        String body = first.getString("body");
        return builder.body(body == null ? null : json.readValue(body, bodyType));
    }

    private String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
