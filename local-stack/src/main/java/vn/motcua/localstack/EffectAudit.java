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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
     * The calm submission's notifications still to be tried on their current channel: waiting for
     * their contact, for their first attempt, or for a retry after a failed one. None left means
     * each message has met its outcome at its provider (taken, or given up on), so what reached Zalo
     * will not grow by a late retry.
     */
    long stillToSend(SteadyLoad.Acknowledged calm) {
        try (MongoClient mongo = MongoClients.create(config.mongoUri())) {
            long open = 0;
            for (Document notification : mongo.getDatabase("motcua-notification").getCollection("notifications")
                    .find(Filters.and(Filters.eq("dossierCode", calm.code()), Filters.eq("recipientCitizenId", calm.citizenId())))) {
                String status = notification.getString("status");
                if ("AWAITING_CONTACT".equals(status)) {
                    open++;
                } else if ("SENDING".equals(status)) {
                    List<Document> deliveries = notification.getList("deliveries", Document.class, List.of());
                    int current = notification.getInteger("current", 0);
                    String channelStatus = current < deliveries.size() ? deliveries.get(current).getString("status") : null;
                    if ("WAITING".equals(channelStatus) || "HELD".equals(channelStatus)) {
                        open++;
                    }
                }
            }
            return open;
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

    /**
     * What each acknowledged booking holds: the booking confirmed, once (cancelled, for those the
     * portal cancelled); its place in its slot (the one it was moved to, none in the one it left) and
     * its share under its citizen and its phone, held by it while confirmed and by no booking
     * cancelled or never stored (a place left behind by an attempt that failed is a place no citizen
     * can book); its messages accepted by Zalo or SMS (the booking's, and the cancel's or the move's).
     */
    List<Row> bookings(Collection<SteadyLoad.Booked> booked) {
        List<String> codes = booked.stream().map(SteadyLoad.Booked::code).toList();
        Set<String> cancelled = booked.stream().filter(SteadyLoad.Booked::cancelled).map(SteadyLoad.Booked::code)
                .collect(Collectors.toSet());
        try (MongoClient mongo = MongoClients.create(config.mongoUri())) {
            MongoDatabase appointments = mongo.getDatabase("motcua-appointment");
            List<Document> stored = appointments.getCollection("bookings").find(Filters.in("citizenId",
                    booked.stream().map(SteadyLoad.Booked::citizenId).toList())).into(new ArrayList<>());
            Map<String, String> statusOf = stored.stream().collect(Collectors.toMap(b -> b.getString("_id"), b -> b.getString("status")));
            List<Row> rows = new ArrayList<>();
            long secondBookings = countBy(stored, "citizenId").values().stream().mapToLong(n -> Math.max(0, n - 1)).sum();
            long asAsked = codes.stream().filter(code -> (cancelled.contains(code) ? "CANCELLED" : "CONFIRMED").equals(statusOf.get(code)))
                    .count();
            long moved = booked.stream().filter(b -> b.movedFrom() != null).count();
            rows.add(new Row("booking confirmed (cancelled: " + cancelled.size() + ", moved: " + moved + ")", codes.size(), asAsked,
                    secondBookings, codes.size() - asAsked, false));
            Function<String, Long> whileConfirmed = code -> cancelled.contains(code) ? 0L : 1L;

            Set<String> slotIds = booked.stream().flatMap(b -> Stream.of(b.place(), b.movedFrom())).filter(Objects::nonNull)
                    .map(place -> Demo.OFFICE + "|" + place.replace('@', '|')).collect(Collectors.toSet());
            rows.add(heldBy("booking's place in its slot", codes, whileConfirmed, appointments.getCollection("slots")
                    .find(Filters.in("_id", slotIds)).map(slot -> slot.getList("bookings", String.class, List.of()))));
            Map<String, Long> keysOf = new HashMap<>();
            Set<String> holderKeys = new HashSet<>();
            stored.forEach(b -> {
                List<String> keys = b.getString("phone") == null ? List.of("citizen:" + b.getString("citizenId"))
                        : List.of("citizen:" + b.getString("citizenId"), "phone:" + b.getString("phone"));
                holderKeys.addAll(keys);
                keysOf.put(b.getString("_id"), (long) keys.size());
            });
            Map<String, String> confirmedDayOf = confirmedDayOf(stored);
            rows.add(heldBy("booking's shares, its citizen's and its phone's", codes,
                    code -> whileConfirmed.apply(code) * keysOf.getOrDefault(code, 2L),
                    appointments.getCollection("booking_holders").find(Filters.in("_id", holderKeys))
                            .map(holder -> sharesOf(holder, confirmedDayOf))));
            Set<String> told = booked.stream().filter(b -> b.cancelled() || b.movedFrom() != null).map(SteadyLoad.Booked::code)
                    .collect(Collectors.toSet());
            rows.add(perDossier("booking's messages accepted by Zalo or SMS", codes, messagesNaming(codes),
                    code -> told.contains(code) ? 2L : 1L, false));
            return rows;
        }
    }

    /**
     * The booking codes a holder's document keeps a share for (ADR 0040: code to office day). A
     * confirmed booking's share held on another day than the booking's is not counted: the booking's
     * own day is unguarded, and the citizen is refused on a day they hold nothing.
     *
     * @param confirmedDayOf each confirmed booking's office day ("office|date")
     */
    static Collection<String> sharesOf(Document holder, Map<String, String> confirmedDayOf) {
        Document held = holder.get("held", Document.class);
        if (held == null) {
            return List.of();
        }
        return held.keySet().stream().filter(code -> !confirmedDayOf.containsKey(code)
                || confirmedDayOf.get(code).equals(held.getString(code))).toList();
    }

    private static Map<String, String> confirmedDayOf(List<Document> stored) {
        return stored.stream().filter(b -> "CONFIRMED".equals(b.getString("status")))
                .collect(Collectors.toMap(b -> b.getString("_id"), b -> b.getString("officeId") + "|" + b.getString("date")));
    }

    /**
     * Each code should be held by as many of the slots or holders as {@code expected} says (none for
     * a cancelled booking); a code held beyond that, or of no acknowledged booking, is a place or
     * share kept for nobody, counted as duplicated: nobody can book it.
     *
     * @param holdings the codes each slot or holder keeps a place or share for
     */
    static Row heldBy(String kind, List<String> codes, Function<String, Long> expected, Iterable<? extends Collection<String>> holdings) {
        Map<String, Long> holding = new HashMap<>();
        for (Collection<String> held : holdings) {
            held.forEach(code -> holding.merge(code, 1L, Long::sum));
        }
        Set<String> acknowledged = Set.copyOf(codes);
        long keptForNobody = holding.entrySet().stream().filter(held -> !acknowledged.contains(held.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        Row perCode = perDossier(kind, codes, holding, expected, false);
        return new Row(kind, codes.size(), perCode.found(), perCode.duplicated() + keptForNobody, perCode.lost(), false);
    }

    /** Messages the Zalo and SMS simulators accepted (one per reference) whose text names each code. */
    private Map<String, Long> messagesNaming(List<String> codes) {
        Map<String, Long> perCode = new HashMap<>();
        for (int port : List.of(config.ports().zalo(), config.ports().smsGateway())) {
            for (JsonNode message : acceptedAt(port)) {
                String content = message.path("content").asString("");
                codes.stream().filter(content::contains).forEach(code -> perCode.merge(code, 1L, Long::sum));
            }
        }
        return perCode;
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

    /**
     * Notifications the notification service is still sending: a send that failed while the database
     * was away is taken up again by its sweeper a minute or more later (after a restart, once the
     * dead instance's lease ran out), so a message missing meanwhile is late, not lost.
     */
    long notificationsBeingSent() {
        try (MongoClient mongo = MongoClients.create(config.mongoUri())) {
            return mongo.getDatabase("motcua-notification").getCollection("notifications").countDocuments(Filters.eq("status", "SENDING"));
        }
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
        Map<String, Long> perDossier = new HashMap<>();
        for (JsonNode message : acceptedAt(config.ports().zalo())) {
            String content = message.path("content").asString("");
            for (SteadyLoad.Acknowledged submission : acked) {
                if (content.contains(submission.code())) {
                    perDossier.merge(submission.code(), 1L, Long::sum);
                }
            }
        }
        return perDossier;
    }

    /** What the messaging simulator on {@code port} accepted. */
    private static JsonNode acceptedAt(int port) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/simulator/messages")).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the messages the simulator on " + port + " accepted", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
