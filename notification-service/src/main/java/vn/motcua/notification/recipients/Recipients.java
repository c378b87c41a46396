package vn.motcua.notification.recipients;

import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.kit.messaging.IdempotentWrites;
import vn.motcua.kit.messaging.IncomingEvent;

@Component
public class Recipients {
    /** When the dossier whose addresses the document holds was submitted. */
    private static final String STATED_AT = "statedAt";

    private final MongoTemplate mongo;

    Recipients(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The addresses given on the citizen's latest dossier. The write is guarded by the submission's
     * time, not by a list of the events applied: a redelivered submission, or an older one that
     * arrives after a newer (they travel on different partitions), changes nothing, and the document
     * stays the same size however many dossiers the citizen (or a company) submits.
     *
     * @return the addresses stated on this dossier, whether or not a later one had stated others
     */
    public Recipient learnFrom(IncomingEvent<DossierSubmitted> event) {
        var applicant = event.data().applicant();
        Instant statedAt = event.data().submittedAt();
        Query notStatedSince = Query.query(Criteria.where("_id").is(event.data().dossier().ownerCitizenId())
                .and(STATED_AT).not().gte(statedAt));
        try {
            mongo.upsert(notStatedSince, new Update()
                    .set("fullName", applicant.fullName())
                    .set("email", applicant.email())
                    .set("phone", applicant.phone())
                    .set(STATED_AT, statedAt)
                    // Kept by the applied-events guard before; not read any more.
                    .unset(IdempotentWrites.APPLIED_EVENTS), Recipient.COLLECTION);
        } catch (DuplicateKeyException statedOnALaterDossier) {
            // The filter missed an existing citizen: their addresses come from this dossier or a later one.
        }
        return new Recipient(event.data().dossier().ownerCitizenId(), applicant.fullName(), applicant.email(), applicant.phone());
    }

    /**
     * What the citizen's token says of them, kept where their dossiers said nothing: an address
     * learnt from a dossier is the one they gave for it, and stays.
     */
    public void learnFromToken(String citizenId, String fullName, String email, String phone) {
        Recipient known = mongo.findById(citizenId, Recipient.class);
        Update update = new Update();
        if (email != null && !email.isBlank() && (known == null || known.email() == null || known.email().isBlank())) {
            update.set("email", email);
        }
        if (phone != null && !phone.isBlank() && (known == null || known.phone() == null || known.phone().isBlank())) {
            update.set("phone", phone);
        }
        if (fullName != null && !fullName.isBlank() && (known == null || known.fullName() == null)) {
            update.set("fullName", fullName);
        }
        if (!update.getUpdateObject().isEmpty()) {
            mongo.upsert(Query.query(Criteria.where("_id").is(citizenId)), update, Recipient.class);
        }
    }

    public Optional<Recipient> find(String citizenId) {
        return Optional.ofNullable(mongo.findById(citizenId, Recipient.class));
    }
}
