package vn.motcua.appointment.capacity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.appointment.offices.Offices;
import vn.motcua.kit.problem.ApiProblem;

/**
 * The room limits in MongoDB, seeded once from {@code rules/room-limits.json}. On a day, an
 * office's own limit beats one for every office, and the later start wins among those; every
 * instance reads them from the database, so a limit ops publish holds everywhere at once.
 */
@Component
public class RoomLimits {
    static final String COLLECTION = "room_limits";

    private final MongoTemplate mongo;
    private final Offices offices;
    private final Clock clock;

    private record LimitsFile(List<RoomLimit> limits) {
    }

    /** What ops send to publish a limit. */
    public record NewLimit(String officeId, Integer peopleInRoom, Integer peopleWaiting, LocalDate validFrom,
            LocalDate validUntil, String sourceDocument, LocalDate sourceDate) {
    }

    RoomLimits(MongoTemplate mongo, Offices offices, Clock clock, JsonMapper json) {
        this.mongo = mongo;
        this.offices = offices;
        this.clock = clock;
        seed(json);
    }

    private void seed(JsonMapper json) {
        try (InputStream in = new ClassPathResource("rules/room-limits.json").getInputStream()) {
            LimitsFile file = json.readerFor(LimitsFile.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in);
            for (RoomLimit limit : file.limits()) {
                try {
                    mongo.insert(new RoomLimit(limit.id(), limit.officeId(), limit.peopleInRoom(), limit.peopleWaiting(),
                            limit.validFrom(), limit.validUntil(), limit.sourceDocument(), limit.sourceDate(), "seed",
                            clock.instant()));
                } catch (DuplicateKeyException seededBefore) {
                    // Seeded by an earlier start or another instance.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the room limits", e);
        }
    }

    public Optional<RoomLimit> inForce(String officeId, LocalDate day) {
        List<RoomLimit> covering = all().stream().filter(l -> l.covers(officeId, day)).toList();
        Comparator<RoomLimit> specificThenLatest = Comparator.<RoomLimit, Boolean>comparing(l -> l.officeId() != null)
                .thenComparing(RoomLimit::validFrom);
        return covering.stream().max(specificThenLatest);
    }

    public Optional<RoomLimit> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, RoomLimit.class));
    }

    public List<RoomLimit> all() {
        return mongo.find(new Query().with(Sort.by("validFrom")), RoomLimit.class);
    }

    public RoomLimit publish(NewLimit limit, String publishedBy) {
        validate(limit);
        Instant now = clock.instant();
        RoomLimit stored = new RoomLimit(UUID.randomUUID().toString(), limit.officeId(), limit.peopleInRoom(),
                limit.peopleWaiting(), limit.validFrom(), limit.validUntil(), limit.sourceDocument().strip(),
                limit.sourceDate(), publishedBy, now);
        return mongo.insert(stored);
    }

    private void validate(NewLimit limit) {
        if (limit.peopleInRoom() == null || limit.peopleWaiting() == null || limit.validFrom() == null
                || limit.sourceDocument() == null || limit.sourceDocument().isBlank() || limit.sourceDate() == null) {
            throw ApiProblem.badRequest("room-limit-incomplete",
                    "A room limit needs peopleInRoom, peopleWaiting, validFrom, sourceDocument and sourceDate");
        }
        if (limit.officeId() != null && offices.byId(limit.officeId()).isEmpty()) {
            throw ApiProblem.unprocessable("unknown-office", "No office " + limit.officeId());
        }
        if (limit.peopleInRoom() < 2 || limit.peopleInRoom() > 500 || limit.peopleWaiting() < 0 || limit.peopleWaiting() > 500) {
            throw ApiProblem.unprocessable("room-limit-out-of-range",
                    "peopleInRoom must be 2 to 500 (an officer and a citizen at least), peopleWaiting 0 to 500");
        }
        if (limit.validUntil() != null && limit.validUntil().isBefore(limit.validFrom())) {
            throw ApiProblem.unprocessable("room-limit-window", "validUntil is before validFrom");
        }
        if (limit.sourceDate().isAfter(LocalDate.now(clock.withZone(Capacities.ZONE)))) {
            throw ApiProblem.unprocessable("notice-dated-in-future", "The source document cannot be dated in the future");
        }
    }
}
