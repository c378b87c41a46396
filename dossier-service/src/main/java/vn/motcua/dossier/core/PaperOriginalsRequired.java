package vn.motcua.dossier.core;

import org.springframework.http.HttpStatus;
import vn.motcua.kit.problem.ApiProblem;

/** The procedure requires the paper originals: an online dossier is received once the officer has seen them. */
public class PaperOriginalsRequired extends ApiProblem {
    public PaperOriginalsRequired(String code) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "paper-originals-required", "Paper originals required",
                "The procedure of dossier " + code + " requires the paper originals: receive it once they have been"
                        + " checked at the counter or arrived by post (paperOriginalsSeen: true), or issue form 02");
    }
}
