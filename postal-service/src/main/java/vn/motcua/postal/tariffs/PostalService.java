package vn.motcua.postal.tariffs;

/** What a shipment carries, as tariffs price it. */
public enum PostalService {
    /** The result, from the agency to the citizen's address. */
    RESULT_RETURN,
    /** A paper dossier, collected at the citizen's address and carried to the agency. */
    DOSSIER_PICKUP,
    /** The paper originals of an online dossier, to the agency. */
    PAPER_ORIGINALS,
    /** Those originals back from the agency to the citizen, their dossier closed (ADR 0077). */
    ORIGINALS_RETURN,
    /** A paper dossier the post collected, back from the agency to its sender: refused, withdrawn or stopped (ADR 0081). */
    DOSSIER_RETURN
}
