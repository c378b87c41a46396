package vn.motcua.kit.testapp;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.motcua.kit.outbox.Aggregate;

/** The effect of the test app's handler: one order per dossier, its id derived from the dossier code. */
@Document(KitTestOrder.COLLECTION)
public class KitTestOrder extends Aggregate {
    public static final String COLLECTION = "kit_test_orders";

    @Id
    private final String id;
    private final String dossierCode;

    KitTestOrder(String id, String dossierCode) {
        this.id = id;
        this.dossierCode = dossierCode;
    }

    public static String idFor(String dossierCode) {
        return "ORDER-" + dossierCode;
    }

    @Override
    public String id() {
        return id;
    }

    public String dossierCode() {
        return dossierCode;
    }
}
