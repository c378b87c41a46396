package vn.motcua.appointment.reference;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import vn.motcua.events.dossier.DossierResultAwaitingCollection;
import vn.motcua.events.dossier.DossierResultReady;
import vn.motcua.events.dossier.DossierReturned;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IdempotentWrites;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.Subscriptions;

/**
 * Results waiting at a counter (status 9, result to the counter), so a citizen can book the
 * collection of theirs: added on {@link DossierResultReady} (or when the post brought it back),
 * removed once the result is returned.
 */
@Component
public class CounterResults implements EventSubscriber {
    static final String COLLECTION = "counter_results";

    private final MongoTemplate mongo;
    private final IdempotentWrites writes;

    @Document(COLLECTION)
    public record WaitingResult(@Id String dossierCode, String ownerCitizenId, String agencyCode, String procedureCode) {
    }

    CounterResults(MongoTemplate mongo, IdempotentWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(DossierResultReady.class, this::ready)
                .on(DossierResultAwaitingCollection.class, this::backFromPost)
                .on(DossierReturned.class, this::returned);
    }

    void ready(IncomingEvent<DossierResultReady> event) {
        waitsAtCounter(event.data().dossier());
    }

    /** A result the postal operator could not deliver is collected at the counter, by appointment too. */
    void backFromPost(IncomingEvent<DossierResultAwaitingCollection> event) {
        waitsAtCounter(event.data().dossier());
    }

    private void waitsAtCounter(DossierSnapshot dossier) {
        if (dossier.resultDelivery() == ResultDelivery.COUNTER) {
            writes.insertOnce(new WaitingResult(dossier.dossierCode(), dossier.ownerCitizenId(), dossier.agencyCode(),
                    dossier.procedureCode()));
        }
    }

    void returned(IncomingEvent<DossierReturned> event) {
        mongo.remove(new Query(where("_id").is(event.data().dossier().dossierCode())), COLLECTION);
    }

    public Optional<WaitingResult> waiting(String dossierCode) {
        return Optional.ofNullable(mongo.findById(dossierCode, WaitingResult.class, COLLECTION));
    }
}
