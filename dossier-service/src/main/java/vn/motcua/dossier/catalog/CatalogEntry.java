package vn.motcua.dossier.catalog;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A procedure with every version it ever had, in one document so that an edit (new current
 * version plus its archive copy) is one atomic, version-guarded update.
 */
@Document("procedures")
class CatalogEntry {
    @Id
    String code;
    int version;
    Procedure current;
    List<Procedure> versions = new ArrayList<>();
    String editedBy;

    static CatalogEntry first(Procedure procedure, String by) {
        CatalogEntry entry = new CatalogEntry();
        Procedure v1 = procedure.atVersion(1);
        entry.code = v1.code();
        entry.version = 1;
        entry.current = v1;
        entry.versions = new ArrayList<>(List.of(v1));
        entry.editedBy = by;
        return entry;
    }
}
