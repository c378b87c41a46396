package vn.motcua.events.postal;

/** Why a shipment travels: the result to the applicant, or the paper dossier to the agency. */
public enum ShipmentPurpose {
    RESULT_RETURN, DOSSIER_PICKUP
}
