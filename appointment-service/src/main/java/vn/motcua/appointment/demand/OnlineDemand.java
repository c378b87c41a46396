package vn.motcua.appointment.demand;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.motcua.events.Topics;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.kit.messaging.EventReader;
import vn.motcua.kit.messaging.IdempotentWrites;
import vn.motcua.kit.messaging.IncomingEvent;

/**
 * Counts, per agency, the dossiers submitted online: the demand the counters no longer carry,
 * which the booking rules will use to steer citizens online.
 */
@Component
public class OnlineDemand {
    static final String COLLECTION = "online_demand";

    private final EventReader reader;
    private final IdempotentWrites writes;
    private final MongoTemplate mongo;

    OnlineDemand(EventReader reader, IdempotentWrites writes, MongoTemplate mongo) {
        this.reader = reader;
        this.writes = writes;
        this.mongo = mongo;
    }

    @KafkaListener(topics = Topics.DOSSIER)
    void on(ConsumerRecord<String, String> record) {
        if (reader.is(record, DossierSubmitted.class)) {
            IncomingEvent<DossierSubmitted> event = reader.read(record, DossierSubmitted.class);
            if (event.data().channel() == 2) {
                writes.applyOnce(COLLECTION, event.data().agencyCode(), event.eventId(),
                        new Update().inc("onlineSubmissions", 1));
            }
        }
    }

    public long onlineSubmissions(String agencyCode) {
        Document counter = mongo.findById(agencyCode, Document.class, COLLECTION);
        return counter == null ? 0 : ((Number) counter.get("onlineSubmissions")).longValue();
    }
}
