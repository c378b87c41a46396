package vn.motcua.dossier.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.motcua.events.Event;
import vn.motcua.events.catalog.ProcedurePublished;
import vn.motcua.kit.outbox.Aggregate;
import vn.motcua.kit.outbox.Changed;

/**
 * A procedure with every version it ever had, in one document so that an edit (new current
 * version plus its archive copy) is one atomic, version-guarded update. Each version is
 * announced, so other services keep the catalog as a read model.
 */
@Document("procedures")
class CatalogEntry extends Aggregate {
    @Id
    String code;
    Procedure current;
    List<Procedure> versions = new ArrayList<>();
    String editedBy;

    static Changed<CatalogEntry> first(Procedure procedure, String by, Instant now) {
        CatalogEntry entry = new CatalogEntry();
        Procedure v1 = procedure.atVersion(1);
        entry.code = v1.code();
        entry.current = v1;
        entry.versions = new ArrayList<>(List.of(v1));
        entry.editedBy = by;
        return Changed.of(entry, announce(v1, now));
    }

    List<Event> publish(Procedure next, String by, Instant now) {
        current = next;
        versions.add(next);
        editedBy = by;
        return List.of(announce(next, now));
    }

    private static ProcedurePublished announce(Procedure procedure, Instant now) {
        List<ProcedurePublished.ScheduledFee> fees = procedure.fees() == null ? List.of() : procedure.fees().stream()
                .map(fee -> new ProcedurePublished.ScheduledFee(fee.kind(), fee.amount(), fee.per())).toList();
        return new ProcedurePublished(procedure.code(), procedure.version(), procedure.name(), procedure.field(),
                procedure.agencyLevel(), procedure.onlineLevel(), procedure.processingDays(), procedure.acceptByPost(),
                procedure.resultMayGoByPost(), procedure.inPersonSignature(), procedure.paperOriginalRequired(),
                procedure.urgentCounter(), procedure.requiredDocuments() == null ? List.of() : procedure.requiredDocuments(),
                fees, procedure.feeTiming(), procedure.cutOff(), now, procedure.paperOriginalsKept());
    }

    @Override
    public String id() {
        return code;
    }
}
