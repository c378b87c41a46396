package vn.motcua.dossier.core;

import org.springframework.http.HttpStatus;
import vn.motcua.kit.problem.ApiProblem;

/** A new date (form 04) the law does not allow: a second one, or one sent too late. */
public class ReappointmentRefused extends ApiProblem {
    public ReappointmentRefused(String code, String slug, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, slug, "New date refused", "Dossier " + code + ": " + detail);
    }
}
