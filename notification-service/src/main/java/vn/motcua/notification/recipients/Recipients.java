package vn.motcua.notification.recipients;

import java.util.Optional;
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
    private final IdempotentWrites writes;
    private final MongoTemplate mongo;

    Recipients(IdempotentWrites writes, MongoTemplate mongo) {
        this.writes = writes;
        this.mongo = mongo;
    }

    public void learnFrom(IncomingEvent<DossierSubmitted> event) {
        var applicant = event.data().applicant();
        writes.applyOnce(Recipient.COLLECTION, event.data().dossier().ownerCitizenId(), event.eventId(), new Update()
                .set("fullName", applicant.fullName())
                .set("email", applicant.email())
                .set("phone", applicant.phone()));
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
