package vn.motcua.dossier.views;

import java.util.ArrayList;
import java.util.List;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.core.NationalStatus;

/**
 * Which forms a dossier's history has issued, numbered as Circular 01/2018/TT-VPCP numbers them:
 * 01 receipt, 02 supplement request, 03 refusal, 04 apology with a new date, 05 control slip (from
 * reception on); and the stop notice, which that circular does not number.
 */
public final class IssuedForms {
    public static final String CONTROL_SLIP = "05";
    public static final String STOP_NOTICE = "stop";

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
        if (dossier.receivedAt() != null) {
            forms.add(CONTROL_SLIP);
        }
        if (dossier.status() == NationalStatus.STOPPED) {
            forms.add(STOP_NOTICE);
        }
        return forms;
    }
}
