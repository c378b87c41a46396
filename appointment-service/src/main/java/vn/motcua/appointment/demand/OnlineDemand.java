package vn.motcua.appointment.demand;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.time.ZoneId;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.motcua.events.dossier.Channel;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IdempotentWrites;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.Subscriptions;

/**
 * Counts, per agency, the dossiers submitted online: the demand the counters no longer carry,
 * which the booking rules will use to steer citizens online. One document per agency and day:
 * each records the ids of the events it counted (so a redelivered event counts once), and one
 * document per agency for all time grew by an id per submission, every update rewriting it, until
 * it would reach MongoDB's 16 MB limit after some 400,000 submissions (load benchmark, ADR 0020).
 */
@Component
public class OnlineDemand implements EventSubscriber {
    static final String COLLECTION = "online_demand";
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String COUNT = "onlineSubmissions";

    private final IdempotentWrites writes;
    private final MongoTemplate mongo;

    OnlineDemand(IdempotentWrites writes, MongoTemplate mongo) {
        this.writes = writes;
        this.mongo = mongo;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(DossierSubmitted.class, this::submitted);
    }

    private void submitted(IncomingEvent<DossierSubmitted> event) {
        DossierSnapshot dossier = event.data().dossier();
        if (dossier.submittedVia() == Channel.ONLINE) {
            LocalDate day = LocalDate.ofInstant(event.time(), HANOI);
            writes.applyOnce(COLLECTION, dossier.agencyCode() + "/" + day, event.eventId(), new Update().inc(COUNT, 1)
                    .set("agencyCode", dossier.agencyCode()).set("day", day.toString()));
        }
    }

    public long onlineSubmissions(String agencyCode) {
        long total = 0;
        for (Document day : mongo.find(query(where("agencyCode").is(agencyCode)), Document.class, COLLECTION)) {
            total += ((Number) day.get(COUNT)).longValue();
        }
        // Counted before the days were kept apart: one document per agency, its _id the agency's code.
        Document allTime = mongo.findById(agencyCode, Document.class, COLLECTION);
        return allTime == null ? total : total + ((Number) allTime.get(COUNT)).longValue();
    }
}
