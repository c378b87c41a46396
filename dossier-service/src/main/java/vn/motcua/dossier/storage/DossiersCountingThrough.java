package vn.motcua.dossier.storage;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.core.NationalStatus;
import vn.motcua.dossier.deadlines.AffectedDossiers;

/**
 * The dossiers a calendar correction concerns: their clock runs, they were received before the
 * last changed day ended and are due on or after the first one. Uses the deadline watch's index.
 */
@Component
class DossiersCountingThrough implements AffectedDossiers {
    private final MongoTemplate mongo;
    private final ZoneId zone;

    DossiersCountingThrough(MongoTemplate mongo, @Value("${motcua.dossier.time-zone}") ZoneId zone) {
        this.mongo = mongo;
        this.zone = zone;
    }

    @Override
    public List<String> countingThrough(LocalDate first, LocalDate last) {
        Query query = new Query(where("status").in(NationalStatus.CLOCK_RUNNING.stream().map(Enum::name).toList())
                .and("dueDate").gte(first)
                .and("receivedAt").lt(last.plusDays(1).atStartOfDay(zone).toInstant()))
                .with(Sort.by("_id"));
        query.fields().include("_id");
        return mongo.find(query, Document.class, mongo.getCollectionName(Dossier.class)).stream()
                .map(dossier -> dossier.getString("_id")).toList();
    }
}
