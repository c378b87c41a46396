package vn.motcua.appointment.reference;

import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.motcua.events.catalog.ProcedurePublished;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.NewerVersions;
import vn.motcua.kit.messaging.RecentReads;
import vn.motcua.kit.messaging.Subscriptions;

/** The catalog as far as booking needs it, kept from {@link ProcedurePublished}; a higher catalog version replaces a lower. */
@Component
public class Procedures implements EventSubscriber {
    static final String COLLECTION = "procedures";

    private final MongoTemplate mongo;
    private final RecentReads<String, Procedure> recent;

    /**
     * @param onlineLevel 2 information only, 3 partly online, 4 fully online
     * @param urgentCounter on the urgent list: taken in person even under an online-first policy
     */
    public record Procedure(@Id String code, int catalogVersion, String name, String field, int onlineLevel,
            boolean urgentCounter, boolean acceptByPost) {
    }

    Procedures(MongoTemplate mongo, @Value("${motcua.appointment.reference-fresh-for}") Duration freshFor) {
        this.mongo = mongo;
        this.recent = new RecentReads<>(freshFor);
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(ProcedurePublished.class, this::published);
    }

    void published(IncomingEvent<ProcedurePublished> event) {
        ProcedurePublished p = event.data();
        Update replace = new Update().set("name", p.name()).set("field", p.field())
                .set("onlineLevel", p.onlineLevel()).set("urgentCounter", p.urgentCounter())
                .set("acceptByPost", p.acceptByPost());
        NewerVersions.replaceIfNewer(mongo, COLLECTION, p.procedureCode(), "catalogVersion", p.catalogVersion(), replace);
        recent.forget(p.procedureCode());
    }

    public Optional<Procedure> byCode(String code) {
        return recent.get(code, c -> Optional.ofNullable(mongo.findById(c, Procedure.class, COLLECTION)));
    }
}
