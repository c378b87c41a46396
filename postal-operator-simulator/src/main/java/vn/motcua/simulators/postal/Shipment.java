package vn.motcua.simulators.postal;

/**
 * A shipment as the operator knows it, from a {@code ShipmentRequested} record or from the
 * platform's list of the operator's shipments.
 *
 * @param cashOnDelivery what to collect from the recipient, in đồng
 */
record Shipment(String shipmentId, String itemId, String recipientName, String recipientPhone, long cashOnDelivery) {
}
