package vn.motcua.events.postal;

/**
 * Why a shipment travels: the result to the applicant, the paper dossier to the agency, or the
 * paper originals of an online dossier to the agency that must see them.
 */
public enum ShipmentPurpose {
    RESULT_RETURN, DOSSIER_PICKUP, PAPER_ORIGINALS
}
