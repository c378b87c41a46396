package vn.motcua.notification.recipients;

import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
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

    public Optional<Recipient> find(String citizenId) {
        return Optional.ofNullable(mongo.findById(citizenId, Recipient.class));
    }
}
