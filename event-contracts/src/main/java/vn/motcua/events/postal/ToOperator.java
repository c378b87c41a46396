package vn.motcua.events.postal;

import vn.motcua.events.RoutedEvent;
import vn.motcua.events.Topics;

/**
 * What the platform asks of one postal operator: it travels on that operator's own topic, keyed by
 * the dossier (by the shipment while a collected dossier has no code yet).
 */
public interface ToOperator extends RoutedEvent {
    String shipmentId();

    String dossierCode();

    String operator();

    @Override
    default String subject() {
        return dossierCode() != null ? dossierCode() : shipmentId();
    }

    @Override
    default String topic() {
        return Topics.ofPostalOperator(operator());
    }
}
