package vn.motcua.events.payment;

/**
 * When a dossier's fees fall due (national fee timing 1 at intake, 2 at supplement, 4 at result),
 * or OBLIGATION: a financial obligation the agency asked for while processing (status 6).
 */
public enum FeeStage {
    INTAKE, SUPPLEMENT, RESULT, OBLIGATION
}
