package vn.motcua.dossier.core;

import org.springframework.http.HttpStatus;
import vn.motcua.kit.problem.ApiProblem;

/** An online result is read and handed over once the fees due at the result are paid (ADR 0064). */
public class ResultFeeUnpaid extends ApiProblem {
    public ResultFeeUnpaid(String code) {
        super(HttpStatus.CONFLICT, "result-fee-unpaid", "Result fee not paid",
                "The result of dossier " + code + " is handed over online once the fees due at the result are paid; the"
                        + " applicant pays them online (GET /api/v1/payments?dossier=" + code + "), or at the counter,"
                        + " where the result is handed over instead");
    }
}
