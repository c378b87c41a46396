package vn.motcua.dossier.notices;

import java.time.LocalDate;
import vn.motcua.kit.problem.ApiProblem;

/**
 * The official notice a piece of rule data follows.
 *
 * @param document its number, e.g. "12729/VPCP-KGVX"
 * @param date the day it was issued
 * @param title what it says, in a line
 */
public record Notice(String document, LocalDate date, String title) {

    /** A notice cannot be cited before it is issued: a date after today is a typo. */
    public void requireIssuedBy(LocalDate today) {
        if (date.isAfter(today)) {
            throw ApiProblem.unprocessable("notice-dated-in-future", "The notice's date " + date + " is after today")
                    .with("noticeDate", date.toString());
        }
    }
}
