package vn.motcua.postal.tracking;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.kit.problem.ApiProblem;

/**
 * The serial ranges of S10 ids allocated to each operator (seeded once from
 * {@code rules/tracking-ranges.json}). A number is taken by one atomic increment of the range's
 * next serial, guarded by "not past the last", so instances never hand out the same number and a
 * spent range is refused, never wrapped.
 */
@Component
public class TrackingRanges {
    static final String COLLECTION = "tracking_ranges";

    private final MongoTemplate mongo;
    private final Set<String> operators;

    record Range(String operator, String serviceIndicator, int firstSerial, int lastSerial, String country, String use) {
    }

    private record RangesFile(List<Range> ranges) {
    }

    TrackingRanges(MongoTemplate mongo, JsonMapper json) {
        this.mongo = mongo;
        try (InputStream in = new ClassPathResource("rules/tracking-ranges.json").getInputStream()) {
            RangesFile file = json.readerFor(RangesFile.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in);
            file.ranges().forEach(this::seed);
            operators = file.ranges().stream().map(Range::operator).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the tracking ranges", e);
        }
    }

    private void seed(Range range) {
        if (range.firstSerial() < 0 || range.lastSerial() > 99_999_999 || range.lastSerial() < range.firstSerial()) {
            throw new IllegalStateException("Bad tracking range " + range);
        }
        try {
            mongo.insert(new Document("_id", idOf(range.operator(), range.serviceIndicator())).append("operator", range.operator())
                    .append("serviceIndicator", range.serviceIndicator()).append("next", range.firstSerial())
                    .append("last", range.lastSerial()).append("country", range.country()), COLLECTION);
        } catch (DuplicateKeyException seededBefore) {
            // Seeded by an earlier start or another instance; its next serial is kept.
        }
    }

    /** The operators (OAuth2 client ids) that have ranges: those that carry shipments. */
    public Set<String> operators() {
        return Set.copyOf(operators);
    }

    private static String idOf(String operator, String serviceIndicator) {
        return operator + "|" + serviceIndicator;
    }

    /** The next id of the operator's range for that service. */
    public S10 next(String operator, String serviceIndicator) {
        Document before = mongo.findAndModify(
                new Query(where("_id").is(idOf(operator, serviceIndicator)).and("spent").ne(true)),
                new Update().inc("next", 1), FindAndModifyOptions.options().returnNew(false), Document.class, COLLECTION);
        if (before == null) {
            throw ApiProblem.conflict("tracking-range-missing",
                    "Operator " + operator + " has no open range of " + serviceIndicator + " numbers");
        }
        int serial = before.getInteger("next");
        if (serial > before.getInteger("last")) {
            mongo.updateFirst(new Query(where("_id").is(idOf(operator, serviceIndicator))), new Update().set("spent", true),
                    COLLECTION);
            throw ApiProblem.conflict("tracking-range-spent",
                    "The range of " + serviceIndicator + " numbers of " + operator + " is spent; allocate a new one");
        }
        return new S10(serviceIndicator, serial, before.getString("country"));
    }
}
