package vn.motcua.dossier.intake.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Issues dossier codes in the national format {@code <agency>-<yymmdd>-<nnnn>}. The sequence
 * is per agency per (Vietnamese) day and lives in MongoDB, incremented atomically, so any
 * number of instances never hand out the same code.
 */
@Component
public class DossierCodes {
    public static final String COLLECTION = "dossier_sequences";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final MongoTemplate mongo;
    private final ZoneId zone;

    DossierCodes(MongoTemplate mongo, @Value("${motcua.dossier.time-zone}") ZoneId zone) {
        this.mongo = mongo;
        this.zone = zone;
    }

    public String next(String agencyCode, Instant at) {
        String day = DAY.format(at.atZone(zone));
        Document counter = mongo.findAndModify(
                new Query(where("_id").is(agencyCode + "|" + day)),
                new Update().inc("last", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, COLLECTION);
        long sequence = ((Number) counter.get("last")).longValue();
        return "%s-%s-%04d".formatted(agencyCode, day, sequence);
    }
}
