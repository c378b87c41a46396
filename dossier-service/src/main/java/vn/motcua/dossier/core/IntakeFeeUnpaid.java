package vn.motcua.dossier.core;

import org.springframework.http.HttpStatus;
import vn.motcua.kit.problem.ApiProblem;

/** The procedure has the intake fee paid on submission: the dossier is received once the payment service reports it paid. */
public class IntakeFeeUnpaid extends ApiProblem {
    public IntakeFeeUnpaid(String code) {
        super(HttpStatus.CONFLICT, "intake-fee-unpaid", "Intake fee not paid",
                "The procedure of dossier " + code + " is received once its intake fee is paid; the citizen pays it online"
                        + " (GET /api/v1/payments?dossier=" + code + ")");
    }
}
