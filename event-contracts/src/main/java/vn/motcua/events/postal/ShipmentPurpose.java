package vn.motcua.events.postal;

/**
 * Why a shipment travels: the result to the applicant, the paper dossier to the agency, the paper originals of an online
 * dossier to the agency that must see them, or those originals back to the citizen when the dossier closed (ADR 0077).
 */
public enum ShipmentPurpose {
    RESULT_RETURN, DOSSIER_PICKUP, PAPER_ORIGINALS, ORIGINALS_RETURN,
    /** A paper dossier the post collected, back to its sender: refused, withdrawn or stopped (ADR 0081). */
    DOSSIER_RETURN
}
