package vn.motcua.appointment.demand;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
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
 * which the booking rules will use to steer citizens online. One small document per dossier, its
 * {@code _id} the dossier's code, so a redelivered event counts once by a plain insert. A counter
 * per agency and day that kept the ids of the events it had counted (earlier, ADR 0020) grew by an
 * id per submission, and every submission of the agency that day rewrote it whole and waited for
 * the one before: the costliest single write of a submission under load (ADR 0025). Its counts are
 * still read, so that nothing counted before is lost.
 */
@Component
public class OnlineDemand implements EventSubscriber {
    static final String COLLECTION = "online_submissions";
    /** Where the counts before ADR 0025 are: per agency and day, and before that per agency for all time. */
    static final String COUNTERS_BEFORE = "online_demand";
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String AGENCY = "agencyCode";

    private final IdempotentWrites writes;
    private final MongoTemplate mongo;

    /** @param id the dossier's code: one document per dossier, however often its submission is delivered */
    @Document(COLLECTION)
    record OnlineSubmission(String id, @Indexed String agencyCode, String day) {
    }

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
            writes.insertOnce(new OnlineSubmission(dossier.dossierCode(), dossier.agencyCode(), day.toString()));
        }
    }

    public long onlineSubmissions(String agencyCode) {
        long counted = mongo.count(query(where(AGENCY).is(agencyCode)), COLLECTION);
        // Before: per agency and day, and before the days were kept apart one per agency, its _id the agency's code.
        Criteria countedBefore = new Criteria().orOperator(where(AGENCY).is(agencyCode), where("_id").is(agencyCode));
        return counted + mongo.find(query(countedBefore), CountedBefore.class, COUNTERS_BEFORE).stream()
                .mapToLong(CountedBefore::onlineSubmissions).sum();
    }

    private record CountedBefore(long onlineSubmissions) {
    }
}
