package vn.motcua.appointment.demand;

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
 * which the booking rules will use to steer citizens online.
 */
@Component
public class OnlineDemand implements EventSubscriber {
    static final String COLLECTION = "online_demand";

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
            writes.applyOnce(COLLECTION, dossier.agencyCode(), event.eventId(), new Update().inc("onlineSubmissions", 1));
        }
    }

    public long onlineSubmissions(String agencyCode) {
        Document counter = mongo.findById(agencyCode, Document.class, COLLECTION);
        return counter == null ? 0 : ((Number) counter.get("onlineSubmissions")).longValue();
    }
}
