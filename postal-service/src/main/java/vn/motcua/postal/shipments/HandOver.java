package vn.motcua.postal.shipments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.motcua.events.dossier.Channel;
import vn.motcua.kit.time.CivilTime;
import vn.motcua.postal.reference.Procedures;
import vn.motcua.postal.tariffs.TariffBook;
import vn.motcua.postal.tariffs.TariffRules;
import vn.motcua.postal.tracking.TrackingRanges;

/** A shipment ready to leave the agency is handed to its operator with an S10 item id and its price frozen on it. */
@Component
class HandOver {
    /** Registered items (R): results and dossiers travel as registered letters. */
    static final String SERVICE_INDICATOR = "RR";

    private final ShipmentChanges changes;
    private final TrackingRanges ranges;
    private final TariffBook tariffs;
    private final Procedures procedures;
    private final Clock clock;
    private final int weightGrams;

    HandOver(ShipmentChanges changes, TrackingRanges ranges, TariffBook tariffs, Procedures procedures, Clock clock,
            @Value("${motcua.postal.result-weight-grams:200}") int weightGrams) {
        this.changes = changes;
        this.ranges = ranges;
        this.tariffs = tariffs;
        this.procedures = procedures;
        this.clock = clock;
        this.weightGrams = weightGrams;
    }

    /**
     * @param current the shipment as just read or written: only one ready to leave is read again, to be handed over
     * @return the shipment handed over; empty when it is not ready to leave
     */
    Optional<Shipment> ifReady(Shipment current) {
        if (!current.readyToHandOver()) {
            return Optional.empty();
        }
        String itemId = ranges.next(current.operator(), SERVICE_INDICATOR).toString();
        return Optional.of(changes.change(current.id(), shipment -> shipment.request(itemId, quote(shipment), clock.instant())));
    }

    private TariffRules.Quote quote(Shipment shipment) {
        Shipment.Origin origin = shipment.origin();
        Optional<Procedures.Procedure> procedure = procedures.byCode(origin.procedureCode());
        Integer onlineLevel = origin.channel() == Channel.ONLINE.code() ? procedure.map(Procedures.Procedure::onlineLevel).orElse(null)
                : null;
        String agencyProvince = tariffs.provinceOfAgency(origin.agencyCode()).map(TariffBook.Province::name)
                .orElse(shipment.addressProvince());
        return tariffs.rules().quote(new TariffRules.Shipment(shipment.kind().service(), shipment.operator(),
                origin.agencyCode(), agencyProvince, shipment.addressProvince(), weightGrams, onlineLevel,
                procedure.map(Procedures.Procedure::field).orElse(null), shipment.cashOnDelivery(), LocalDate.now(clock.withZone(CivilTime.VIETNAM))));
    }
}
