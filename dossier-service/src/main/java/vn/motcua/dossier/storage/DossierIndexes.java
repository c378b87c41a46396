package vn.motcua.dossier.storage;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.core.Dossier;

/**
 * The indexes the queries of this service rely on, declared once here: each starts with the
 * field every such query fixes (the agency for the work queue and statistics, the owner for a
 * citizen's list, the status for the deadline watch). Creating an existing index is a no-op.
 */
@Component
public class DossierIndexes {
    private final MongoTemplate mongo;

    public DossierIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ensure() {
        IndexOperations dossiers = mongo.indexOps(Dossier.class);
        dossiers.createIndex(new Index().named("work_queue_by_status").on("agencyCode", Direction.ASC)
                .on("status", Direction.ASC).on("dueDate", Direction.ASC));
        dossiers.createIndex(new Index().named("work_queue_by_assignee").on("agencyCode", Direction.ASC)
                .on("assignee", Direction.ASC).on("status", Direction.ASC));
        dossiers.createIndex(new Index().named("work_queue_by_procedure").on("agencyCode", Direction.ASC)
                .on("procedureCode", Direction.ASC).on("status", Direction.ASC));
        dossiers.createIndex(new Index().named("agency_by_submission").on("agencyCode", Direction.ASC)
                .on("submittedAt", Direction.DESC));
        dossiers.createIndex(new Index().named("statistics_received").on("agencyCode", Direction.ASC)
                .on("receivedAt", Direction.ASC));
        dossiers.createIndex(new Index().named("own_dossiers").on("ownerCitizenId", Direction.ASC)
                .on("submittedAt", Direction.DESC));
        dossiers.createIndex(new Index().named("submitted_by_representative").on("submittedBy", Direction.ASC)
                .on("submittedAt", Direction.DESC));
        dossiers.createIndex(new Index().named("deadline_watch").on("status", Direction.ASC)
                .on("dueDate", Direction.ASC));
        mongo.indexOps("dossier_documents").createIndex(new Index().named("documents_of_dossier")
                .on("dossierCode", Direction.ASC));
        mongo.indexOps("dossier_documents").createIndex(new Index().named("removals_to_settle")
                .on("removedAt", Direction.ASC).sparse());
    }
}
