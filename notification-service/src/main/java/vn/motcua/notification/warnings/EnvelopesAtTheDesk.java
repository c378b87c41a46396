package vn.motcua.notification.warnings;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.events.dossier.PaperDossierTransferred;
import vn.motcua.events.dossier.PaperDossierTurnedAway;
import vn.motcua.events.postal.PaperDossierArrived;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.Subscriptions;

/**
 * Keeps the envelopes the post delivered to an agency's desk and whether an officer registered each (the registration
 * names its envelope, ADR 0081) or turned it away (ADR 0088), and where it waits once its agency was dissolved (ADR 0089),
 * for the one-stop officers' morning digest. The facts travel on different topics, so any may come first: each is an
 * upsert of its own fields, and a redelivery writes the same again.
 */
@Component
class EnvelopesAtTheDesk implements EventSubscriber {
    private final MongoTemplate mongo;

    EnvelopesAtTheDesk(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(PaperDossierArrived.class, event -> {
            PaperDossierArrived arrival = event.data();
            mongo.upsert(new Query(where("_id").is(arrival.itemId())), new Update().set("agencyCode", arrival.agencyCode())
                    .set("procedureCode", arrival.procedureCode()).set("senderName", arrival.senderName())
                    .set("arrivedAt", arrival.arrivedAt()), ArrivedEnvelope.class);
        }).on(DossierSubmitted.class, event -> {
            String itemId = event.data().collectedItemId();
            if (itemId != null) {
                mongo.upsert(new Query(where("_id").is(itemId)), new Update().set("registeredAs", event.data().dossier().dossierCode()),
                        ArrivedEnvelope.class);
            }
        }).on(PaperDossierTurnedAway.class, event -> mongo.upsert(new Query(where("_id").is(event.data().itemId())),
                new Update().set("turnedAwayAt", event.data().turnedAwayAt()), ArrivedEnvelope.class))
                .on(PaperDossierTransferred.class, event -> mongo.upsert(new Query(where("_id").is(event.data().itemId())),
                        new Update().set("heldBy", event.data().toAgencyCode()), ArrivedEnvelope.class));
    }
}
