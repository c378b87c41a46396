package vn.motcua.dossier.core;

import org.springframework.http.HttpStatus;
import vn.motcua.kit.problem.ApiProblem;

/** An action the dossier's current status does not allow; answered 409 naming that status. */
public class IllegalTransition extends ApiProblem {
    public IllegalTransition(String code, Action action, NationalStatus current, String why) {
        super(HttpStatus.CONFLICT, "illegal-transition", "Not allowed in the current status",
                "Dossier " + code + " is in status " + current.code() + " (" + current.name() + "): " + why);
        with("currentStatus", current.code());
        with("currentStatusName", current.name());
        with("action", action.name());
    }

    public IllegalTransition(String code, Action action, NationalStatus current) {
        this(code, action, current, action.name() + " is not allowed");
    }
}
