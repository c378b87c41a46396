package vn.motcua.dossier.catalog;

import java.time.LocalTime;
import vn.motcua.kit.problem.ApiProblem;

/**
 * The time of day after which a dossier received counts from the next working day. Procedure
 * texts set their own (many say 15:00); an agency has a default for the texts that are silent;
 * the platform's default ({@code motcua.dossier.deadlines.cut-off}) covers agencies that set none.
 */
public final class CutOff {
    public static final String PATTERN = "([01]\\d|2[0-3]):[0-5]\\d";

    private CutOff() {
    }

    /** The procedure's cut-off, else the agency's, else null for the platform's default. */
    public static String of(Procedure procedure, Agency agency) {
        if (procedure.cutOff() != null) {
            return procedure.cutOff();
        }
        return agency == null ? null : agency.cutOff();
    }

    /** A cut-off outside the office's hours would make every dossier of the day count from the next. */
    static void requireWithin(String cutOff, LocalTime opens, LocalTime closes) {
        if (cutOff == null) {
            return;
        }
        LocalTime time = LocalTime.parse(cutOff);
        if (!time.isAfter(opens) || time.isAfter(closes)) {
            throw ApiProblem.badRequest("cut-off-outside-office-hours", "The cut-off " + cutOff
                    + " is outside office hours (" + opens + "–" + closes + ")").with("field", "cutOff");
        }
    }
}
