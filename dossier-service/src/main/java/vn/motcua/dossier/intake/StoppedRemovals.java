package vn.motcua.dossier.intake;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.intake.internal.DossierDocument;

/**
 * Settles a file's removal that stopped after hiding the file and was never retried (ADR 0041): once the dossier's
 * history records it, the content is erased; otherwise, after a grace period far longer than any request, the file is
 * shown again, as it was before the removal its uploader was told had failed. Every write is conditional, so two
 * instances sweeping at once, or a late retry of the removal, leave the file and the history agreeing.
 */
@Component
class StoppedRemovals {
    private static final Logger log = LoggerFactory.getLogger(StoppedRemovals.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration grace;
    private final int batch;

    StoppedRemovals(MongoTemplate mongo, Clock clock,
            @Value("${motcua.dossier.documents.stopped-removal-grace:PT10M}") Duration grace,
            @Value("${motcua.dossier.documents.stopped-removal-batch:200}") int batch) {
        this.mongo = mongo;
        this.clock = clock;
        this.grace = grace;
        this.batch = batch;
    }

    /** What one sweep did. */
    record Settled(int erased, int shownAgain) {
    }

    @Scheduled(fixedDelayString = "${motcua.dossier.documents.stopped-removal-interval:PT5M}",
            initialDelayString = "${motcua.dossier.documents.stopped-removal-initial-delay:PT1M}")
    void scheduled() {
        Settled settled = settle(clock.instant());
        if (settled.erased() + settled.shownAgain() > 0) {
            log.info("Settled stopped removals of files: {} erased, {} shown again", settled.erased(), settled.shownAgain());
        }
    }

    Settled settle(Instant now) {
        Query unfinished = new Query(where(DocumentStore.REMOVED_AT).lt(now.minus(grace)).and("content").exists(true))
                .with(Sort.by(DocumentStore.REMOVED_AT)).limit(batch);
        unfinished.fields().exclude("content");
        int erased = 0;
        int shownAgain = 0;
        for (DossierDocument document : mongo.find(unfinished, DossierDocument.class)) {
            Dossier dossier = mongo.findById(document.dossierCode(), Dossier.class);
            Query same = new Query(where("_id").is(document.id()).and(DocumentStore.REMOVED_AT).is(document.removedAt())
                    .and("content").exists(true));
            if (dossier != null && dossier.recordsRemovalOf(document.id())) {
                erased += (int) mongo.updateFirst(same, new Update().unset("content"), DossierDocument.class).getModifiedCount();
            } else {
                shownAgain += (int) mongo.updateFirst(same, new Update().unset(DocumentStore.REMOVED_AT).unset("removedBy"),
                        DossierDocument.class).getModifiedCount();
            }
        }
        return new Settled(erased, shownAgain);
    }
}
