package vn.motcua.dossier.views;

import java.util.ArrayList;
import java.util.List;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.core.NationalStatus;

/** Which of forms 01–05 a dossier's history has issued. */
public final class IssuedForms {
    private IssuedForms() {
    }

    public static List<String> of(Dossier dossier) {
        List<String> forms = new ArrayList<>();
        if (dossier.receivedAt() != null) {
            forms.add("01");
        }
        if (dossier.supplementRequest() != null) {
            forms.add("02");
        }
        if (dossier.status() == NationalStatus.NOT_ACCEPTED) {
            forms.add("03");
        }
        if (!dossier.delays().isEmpty()) {
            forms.add("04");
        }
        if (dossier.status() == NationalStatus.STOPPED) {
            forms.add("05");
        }
        return forms;
    }
}
