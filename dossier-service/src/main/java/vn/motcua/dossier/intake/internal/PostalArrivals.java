package vn.motcua.dossier.intake.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.motcua.events.postal.PaperDossierArrived;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IdempotentWrites;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.Subscriptions;
import vn.motcua.kit.problem.ApiProblem;

/**
 * Paper dossiers the post collected and delivered to an agency (from {@link PaperDossierArrived}),
 * by item id, so the officer who registers one links it: each item becomes one dossier only.
 */
@Component
public class PostalArrivals implements EventSubscriber {
    static final String COLLECTION = "postal_arrivals";
    private static final String ITEM_ID = "[A-Z]{2}\\d{9}[A-Z]{2}";

    private final MongoTemplate mongo;
    private final IdempotentWrites writes;

    /** @param dossierCode the dossier it was registered as; null until then */
    @Document(COLLECTION)
    @CompoundIndex(name = "awaiting_registration", def = "{'agencyCode': 1, 'dossierCode': 1, 'arrivedAt': 1}")
    public record Arrival(@Id String itemId, String shipmentId, String agencyCode, String procedureCode, String ownerCitizenId,
            String senderName, Instant arrivedAt, String dossierCode) {
    }

    PostalArrivals(MongoTemplate mongo, IdempotentWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(PaperDossierArrived.class, this::arrived);
    }

    void arrived(IncomingEvent<PaperDossierArrived> event) {
        PaperDossierArrived arrival = event.data();
        writes.insertOnce(new Arrival(arrival.itemId(), arrival.shipmentId(), arrival.agencyCode(), arrival.procedureCode(),
                arrival.ownerCitizenId(), arrival.senderName(), arrival.arrivedAt(), null));
    }

    /**
     * Reserves the item for the dossier about to be registered under that code: one conditional
     * write, so two officers registering the same envelope cannot both succeed.
     */
    public Arrival claim(String itemId, String agencyCode, String applicantId, String dossierCode) {
        if (itemId == null || !itemId.matches(ITEM_ID)) {
            throw ApiProblem.unprocessable("tracking-number-invalid",
                    "'" + itemId + "' is not a postal item id (two letters, nine digits, two letters, e.g. RR100000017VN)");
        }
        Arrival arrival = Optional.ofNullable(mongo.findById(itemId, Arrival.class, COLLECTION))
                .filter(a -> a.agencyCode().equals(agencyCode))
                .orElseThrow(() -> ApiProblem.unprocessable("postal-item-not-arrived",
                        "No dossier collected by the post has arrived at " + agencyCode + " under " + itemId));
        if (arrival.ownerCitizenId() != null && !arrival.ownerCitizenId().equals(applicantId)) {
            throw ApiProblem.unprocessable("postal-item-of-another-applicant",
                    "The dossier that arrived under " + itemId + " was sent by another citizen than the applicant named");
        }
        boolean claimed = mongo.updateFirst(new Query(where("_id").is(itemId).and("dossierCode").is(null)),
                new Update().set("dossierCode", dossierCode), COLLECTION).getMatchedCount() == 1;
        if (!claimed) {
            String registeredAs = mongo.findById(itemId, Arrival.class, COLLECTION).dossierCode();
            throw ApiProblem.conflict("postal-item-registered",
                    "The dossier that arrived under " + itemId + " is registered already as " + registeredAs)
                    .with("dossierCode", registeredAs);
        }
        return arrival;
    }

    /** One page of {@link #awaitingRegistration}, and how many wait in all. */
    public record Page(List<Arrival> items, int page, int size, long total) {
    }

    /**
     * The envelopes the post delivered to the agency that no officer has registered yet, the longest waiting first: the
     * desk's list of paper dossiers to take in, so none lies unopened (ADR 0082).
     */
    public Page awaitingRegistration(String agencyCode, int page, int size) {
        Query query = new Query(where("agencyCode").is(agencyCode).and("dossierCode").is(null))
                .with(Sort.by(Sort.Order.asc("arrivedAt"), Sort.Order.asc("_id")));
        long total = mongo.count(query, Arrival.class, COLLECTION);
        query.skip((long) page * size).limit(size);
        return new Page(mongo.find(query, Arrival.class, COLLECTION), page, size, total);
    }

    /** The registration failed after the claim: the envelope can be registered again. */
    public void release(String itemId, String dossierCode) {
        mongo.updateFirst(new Query(where("_id").is(itemId).and("dossierCode").is(dossierCode)), new Update().unset("dossierCode"),
                COLLECTION);
    }
}
