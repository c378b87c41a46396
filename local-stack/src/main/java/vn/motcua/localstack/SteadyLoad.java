package vn.motcua.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A province's portal submitting dossiers at a steady rate through the gateway while components
 * fail: each for a citizen of its own, with the result by post (so each causes a fee, a shipment and
 * messages), and each retried with the same Idempotency-Key until it is answered 201 or refused, as
 * a portal must when the platform answers 5xx, 429, 409 (the key still in progress) or not at all.
 * Beside them, at a rate of their own, it books counter visits on free places, each for a citizen
 * and a phone of its own, retried the same way.
 */
final class SteadyLoad implements AutoCloseable {
    static final String PORTAL = "portal-hanoi";
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(4);
    private static final Duration TOKEN_KEPT = Duration.ofMinutes(2);
    private static final long CITIZEN_NUMBERS = 100_000_000L;
    /** Received at the counters of {@link Demo#OFFICE} and not online-first: a hand-in may be booked. */
    private static final String BOOKED_PROCEDURE = "2.000016";
    /** Of every four bookings, the fourth is cancelled at once and the second moved to another free place. */
    private static final int CANCELLED_EVERY = 4;
    private static final int MOVED_AT = 2;

    /** A submission answered 201: the dossier the platform promised to keep. */
    record Acknowledged(String code, String citizenId, String idempotencyKey, int attempts) {
    }

    /**
     * A booking answered 201: the place the platform promised to keep ({@code place} is "date@start"),
     * or, when {@code cancelled}, its cancel answered 200 afterwards: the place it promised to give back.
     *
     * @param movedFrom the place it was booked in, when a move to {@code place} was answered 200 (else null): given back
     */
    record Booked(String code, String citizenId, String place, String movedFrom, boolean cancelled) {
    }

    private final GatewayClient client;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService submitters = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Booked> booked = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> unanswered = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final AtomicLong bookingsMade = new AtomicLong();
    private final ConcurrentLinkedQueue<String> freePlaces = new ConcurrentLinkedQueue<>();
    /**
     * Citizens numbered in sequence from a random start: the audit counts a second dossier of a citizen
     * as a retry stored twice, so two submissions must never draw one citizen (random ids did, once in
     * about 800 runs of 500).
     */
    private final AtomicLong nextCitizen = new AtomicLong(ThreadLocalRandom.current().nextLong(CITIZEN_NUMBERS));
    private String token;
    private Instant tokenAt = Instant.MIN;

    SteadyLoad(StackConfig config) {
        this.client = new GatewayClient(config);
    }

    void start(double perSecond) {
        long periodMicros = Math.round(1_000_000 / perSecond);
        ticker.scheduleAtFixedRate(() -> submitters.execute(this::submitOne), 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    /** Books one of {@code places} ("date@start", one entry per free place) at each tick, until they run out; moves take theirs too. */
    void startBookings(double perSecond, List<String> places) {
        freePlaces.addAll(places);
        long periodMicros = Math.round(1_000_000 / perSecond);
        ticker.scheduleAtFixedRate(() -> {
            String place = freePlaces.poll();
            if (place != null) {
                submitters.execute(() -> bookOne(place));
            }
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    /** Stops sending new submissions and bookings and waits until each one sent is answered or given up. */
    void stop() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
        submitters.shutdown();
        if (!submitters.awaitTermination(GIVE_UP_AFTER.toSeconds() + 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Submissions still retrying after " + GIVE_UP_AFTER);
        }
    }

    /** One submission, retried until answered, on the caller's thread (the calm baseline before the faults). */
    Acknowledged submitOne() {
        String citizenId = nextCitizenId();
        String key = UUID.randomUUID().toString();
        String body = """
                {"procedureCode": "%s", "agencyCode": "%s", "resultDelivery": "POST",
                 "applicant": {"fullName": "Trần Thị Bình", "idNumber": "%s", "phone": "09%s",
                               "email": "%s@example.com", "address": "Số 5 phố Lê Lợi, thị trấn Thường Tín, Hà Nội"}}"""
                .formatted(Demo.PROCEDURE, Demo.AGENCY, citizenId, digits(8), citizenId);
        Answered done = untilAnswered("/api/v1/dossiers", body, key, 201, "");
        if (done == null) {
            return null;
        }
        Acknowledged submission = new Acknowledged(done.response().json().get("code").asString(), citizenId, key, done.attempts());
        acknowledged.add(submission);
        return submission;
    }

    /**
     * A counter visit to hand in a dossier, booked by the portal for a citizen of its own with the phone
     * they gave: a phone of their own too, as one phone may hold one booking an office's day. Every
     * {@value #CANCELLED_EVERY}th is cancelled at once, its cancel retried until answered 200; the
     * {@value #MOVED_AT}nd of every {@value #CANCELLED_EVERY} is moved to the next free place, the same
     * move retried until answered 200.
     */
    private void bookOne(String place) {
        String citizenId = nextCitizenId();
        String key = UUID.randomUUID().toString();
        String[] dateAndStart = place.split("@");
        String body = """
                {"officeId": "%s", "date": "%s", "start": "%s", "purpose": "HAND_IN", "procedureCode": "%s",
                 "citizenId": "%s", "phone": "097%s"}""".formatted(Demo.OFFICE, dateAndStart[0], dateAndStart[1],
                BOOKED_PROCEDURE, citizenId, citizenId.substring(citizenId.length() - 7));
        Answered done = untilAnswered("/api/v1/bookings", body, key, 201, "booking ");
        if (done == null) {
            return;
        }
        String code = done.response().json().get("code").asString();
        // Counted apart: the citizens' numbers interleave with the submissions' in a steady pattern.
        long made = bookingsMade.incrementAndGet();
        boolean cancelling = made % CANCELLED_EVERY == 0;
        if (cancelling && untilAnswered("/api/v1/bookings/" + code + "/cancel", "{}", null, 200, "cancel ") == null) {
            return;
        }
        String movedTo = made % CANCELLED_EVERY == MOVED_AT ? placeOtherThan(place) : null;
        if (movedTo != null) {
            String[] to = movedTo.split("@");
            String move = "{\"date\": \"%s\", \"start\": \"%s\"}".formatted(to[0], to[1]);
            if (untilAnswered("/api/v1/bookings/" + code + "/reschedule", move, null, 200, "move ") == null) {
                return;
            }
            booked.add(new Booked(code, citizenId, movedTo, place, false));
            return;
        }
        booked.add(new Booked(code, citizenId, place, null, cancelling));
    }

    /** A free place in another slot: the list names a slot once per place, and a move to the slot a booking is in is refused. */
    private String placeOtherThan(String place) {
        for (int tries = 0; tries < 10; tries++) {
            String other = freePlaces.poll();
            if (other == null || !other.equals(place)) {
                return other;
            }
            freePlaces.add(other);
        }
        return null;
    }

    private record Answered(GatewayClient.Response response, int attempts) {
    }

    /**
     * Sends {@code body} with the same Idempotency-Key until it is answered {@code done} (answered),
     * refused with a 4xx a retry cannot change, or the portal gives up (both null, and recorded).
     */
    private Answered untilAnswered(String path, String body, String key, int done, String what) {
        Instant giveUp = Instant.now().plus(GIVE_UP_AFTER);
        for (int attempt = 1; Instant.now().isBefore(giveUp); attempt++) {
            String answer;
            try {
                GatewayClient.Response response = client.post(path, token(), body, key);
                answer = what + response.status();
                if (response.status() == done) {
                    count(answer);
                    return new Answered(response, attempt);
                }
                if (response.status() == 401) {
                    renewToken();
                } else if (response.status() / 100 == 4 && response.status() != 409 && response.status() != 429) {
                    count(answer);
                    refused.add(what + (key == null ? path : key) + " " + response.status() + " " + response.body());
                    return null;
                }
            } catch (IllegalStateException noAnswer) {
                answer = what + "no answer";
            }
            count(answer);
            pause();
        }
        unanswered.add(what + (key == null ? path : key));
        return null;
    }

    private String nextCitizenId() {
        return "0019" + String.format("%08d", nextCitizen.getAndIncrement() % CITIZEN_NUMBERS);
    }

    private void count(String answer) {
        answers.computeIfAbsent(answer, a -> new LongAdder()).increment();
    }

    private static void pause() {
        try {
            Thread.sleep(500 + ThreadLocalRandom.current().nextInt(1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a submission", e);
        }
    }

    private synchronized String token() {
        if (Duration.between(tokenAt, Instant.now()).compareTo(TOKEN_KEPT) > 0) {
            renewToken();
        }
        return token;
    }

    private synchronized void renewToken() {
        token = client.clientToken(PORTAL, PORTAL + "-local-secret");
        tokenAt = Instant.now();
    }

    List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }

    List<Booked> booked() {
        return List.copyOf(booked);
    }

    /** Submissions and bookings that were never answered 201 within the time a portal would keep retrying. */
    List<String> unanswered() {
        return List.copyOf(unanswered);
    }

    /** Submissions and bookings the platform refused (a 4xx that a retry cannot change): none are expected. */
    List<String> refused() {
        return List.copyOf(refused);
    }

    /** Every answer the portal got, retries included, by status ("no answer" when the connection failed; "booking …" for bookings). */
    Map<String, Long> answers() {
        Map<String, Long> copy = new TreeMap<>();
        answers.forEach((status, count) -> copy.put(status, count.sum()));
        return copy;
    }

    private static String digits(int count) {
        return String.format("%0" + count + "d", ThreadLocalRandom.current().nextLong((long) Math.pow(10, count)));
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        submitters.shutdownNow();
    }
}
