package vn.motcua.notification.recipients;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
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
    private final Clock clock;

    Recipients(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * The addresses given on the citizen's latest dossier. The write is guarded by the submission's
     * time, not by a list of the events applied: a redelivered submission, or an older one that
     * arrives after a newer (they travel on different partitions), changes nothing, and the document
     * stays the same size however many dossiers the citizen (or a company) submits. The same write
     * answers which notifications waited for the citizen's addresses (ADR 0035).
     *
     * @return the addresses stated on this dossier, whether or not a later one had stated others,
     *     with the notifications waiting for them
     */
    public Recipient learnFrom(IncomingEvent<DossierSubmitted> event) {
        var applicant = event.data().applicant();
        String citizenId = event.data().dossier().ownerCitizenId();
        Instant statedAt = event.data().submittedAt();
        Query notStatedSince = Query.query(Criteria.where("_id").is(citizenId).and(STATED_AT).not().gte(statedAt));
        Recipient stored;
        try {
            stored = mongo.findAndModify(notStatedSince, new Update()
                    .set("fullName", applicant.fullName())
                    .set("email", applicant.email())
                    .set("phone", applicant.phone())
                    .set(STATED_AT, statedAt)
                    // Kept by the applied-events guard before; not read any more.
                    .unset(IdempotentWrites.APPLIED_EVENTS), FindAndModifyOptions.options().upsert(true).returnNew(true), Recipient.class);
        } catch (DuplicateKeyException statedOnALaterDossier) {
            // The filter missed an existing citizen: their addresses come from this dossier or a later one.
            stored = mongo.findById(citizenId, Recipient.class);
        }
        List<String> waiting = stored == null ? List.of() : stored.awaitingContact();
        return new Recipient(citizenId, applicant.fullName(), applicant.email(), applicant.phone(), waiting);
    }

    /**
     * What the citizen's token says of them, kept where their dossiers said nothing: an address
     * learnt from a dossier is the one they gave for it, and stays.
     *
     * @return the notifications that waited for an address the token gave; empty when it gave none
     */
    public List<String> learnFromToken(String citizenId, String fullName, String email, String phone) {
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
        if (update.getUpdateObject().isEmpty()) {
            return List.of();
        }
        return waitingAfter(citizenId, update);
    }

    /**
     * The citizen gave an address in their preferences. Marked in their document, which a waiting
     * notification is listed in: of the two writes at the same moment, the second sees the first.
     *
     * @return the notifications that waited for an address
     */
    public List<String> addressChosen(String citizenId) {
        return waitingAfter(citizenId, new Update().set(Recipient.ADDRESS_CHOSEN_AT, clock.instant()));
    }

    private List<String> waitingAfter(String citizenId, Update update) {
        Recipient after = mongo.findAndModify(Query.query(Criteria.where("_id").is(citizenId)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Recipient.class);
        return after == null ? List.of() : after.awaitingContact();
    }

    public Optional<Recipient> find(String citizenId) {
        return Optional.ofNullable(mongo.findById(citizenId, Recipient.class));
    }
}
