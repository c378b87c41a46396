package vn.motcua.postal.reference;

import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.motcua.events.catalog.ProcedurePublished;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.NewerVersions;
import vn.motcua.kit.messaging.Subscriptions;

/**
 * The catalog as far as the post needs it, kept from {@link ProcedurePublished} (a higher catalog
 * version replaces a lower): whether a result may travel by post at all, and what the discount
 * rules look at (online level, field).
 */
@Component
public class Procedures implements EventSubscriber {
    static final String COLLECTION = "procedures";

    private final MongoTemplate mongo;

    /**
     * @param acceptByPost the catalog lets the paper dossier come by post (BCCI intake)
     * @param returnByPost the catalog lets the result go by post
     * @param inPersonSignature the register must be signed in person: the result never goes by post
     * @param paperOriginalsKept the agency keeps the paper originals; false: it only compares them (ADR 0080); null: not said
     */
    public record Procedure(@Id String code, int catalogVersion, String name, String field, int onlineLevel,
            Boolean acceptByPost, boolean returnByPost, boolean inPersonSignature, Boolean paperOriginalRequired,
            Boolean paperOriginalsKept) {

        /** The agency must see the paper originals of an online dossier: the post may carry them. */
        public boolean needsPaperOriginals() {
            return paperOriginalRequired != null && paperOriginalRequired;
        }

        /** The catalog does not say whether the agency keeps the originals or only compares them: its officers decide (ADR 0083). */
        public boolean originalsLeftToTheOfficers() {
            return paperOriginalsKept == null;
        }

        /** The catalog says the agency keeps the originals in its file (ADR 0080): they stay unless the dossier closes. */
        public boolean originalsKept() {
            return needsPaperOriginals() && Boolean.TRUE.equals(paperOriginalsKept);
        }

        /** The catalog says the agency only compares the originals: once it has, they go back (ADR 0080). */
        public boolean originalsOnlyCompared() {
            return needsPaperOriginals() && Boolean.FALSE.equals(paperOriginalsKept);
        }

        public boolean dossierMayComeByPost() {
            return acceptByPost != null && acceptByPost;
        }

        public boolean resultMayTravelByPost() {
            return returnByPost && !inPersonSignature;
        }
    }

    Procedures(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(ProcedurePublished.class, this::published);
    }

    void published(IncomingEvent<ProcedurePublished> event) {
        ProcedurePublished p = event.data();
        Update replace = new Update().set("name", p.name()).set("field", p.field()).set("onlineLevel", p.onlineLevel())
                .set("acceptByPost", p.acceptByPost()).set("returnByPost", p.returnByPost()).set("inPersonSignature", p.inPersonSignature())
                .set("paperOriginalRequired", p.paperOriginalRequired()).set("paperOriginalsKept", p.paperOriginalsKept());
        NewerVersions.replaceIfNewer(mongo, COLLECTION, p.procedureCode(), "catalogVersion", p.catalogVersion(), replace);
    }

    public Optional<Procedure> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(mongo.findById(code, Procedure.class, COLLECTION));
    }
}
