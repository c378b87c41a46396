package vn.motcua.dossier.core;

import java.util.List;
import org.springframework.http.HttpStatus;
import vn.motcua.kit.problem.ApiProblem;

/** Reception checks the procedure's document list; a dossier without all of them is not received. */
public class RequiredDocumentsMissing extends ApiProblem {
    public RequiredDocumentsMissing(String code, List<String> missing) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "required-documents-missing", "Required documents missing",
                "Dossier " + code + " lacks documents the procedure requires: " + String.join(", ", missing)
                        + ". Upload them, list the paper ones received, or refuse the dossier with form 03");
        with("missingDocuments", missing);
    }
}
