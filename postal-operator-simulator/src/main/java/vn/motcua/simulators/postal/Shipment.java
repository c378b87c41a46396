package vn.motcua.simulators.postal;

/**
 * A shipment as the operator knows it, from a {@code ShipmentRequested} record or from the
 * platform's list of the operator's shipments.
 *
 * @param pickup collected from the citizen (named as the recipient) for the agency: a paper dossier or an online
 *     dossier's paper originals
 * @param cashOnDelivery what to collect from the citizen, in đồng
 */
record Shipment(String shipmentId, String itemId, boolean pickup, String agencyCode, String recipientName, String recipientPhone,
        long cashOnDelivery) {

    /** Who signs for the item at its destination. */
    String receivedBy() {
        return pickup ? "Bộ phận một cửa " + agencyCode : recipientName;
    }
}
