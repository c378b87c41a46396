package vn.motcua.dossier.core;

import java.util.List;
import org.springframework.http.HttpStatus;
import vn.motcua.kit.problem.ApiProblem;

/** A supplement must bring what form 02 asked for; until it does, the dossier stays waiting for it. */
public class SupplementIncomplete extends ApiProblem {
    public SupplementIncomplete(String code, List<String> missing) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "supplement-incomplete", "Supplement incomplete",
                "Form 02 asked dossier " + code + " for documents not added since: " + String.join(", ", missing)
                        + ". Upload them (kind = the name form 02 gives), then supplement again");
        with("missingDocuments", missing);
    }
}
