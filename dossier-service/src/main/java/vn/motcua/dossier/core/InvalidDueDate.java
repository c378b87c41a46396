package vn.motcua.dossier.core;

import org.springframework.http.HttpStatus;
import vn.motcua.kit.problem.ApiProblem;

public class InvalidDueDate extends ApiProblem {
    public InvalidDueDate(String code, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-due-date", "Invalid due date", "Dossier " + code + ": " + detail);
    }
}
