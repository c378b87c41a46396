package vn.motcua.postal.shipments;

import java.time.Instant;
import vn.motcua.events.dossier.Channel;
import vn.motcua.postal.tariffs.TariffRules;
import vn.motcua.testinfra.CallerMother;

/** Shipments as the service makes them, for tests and benchmarks that start past the events. */
public final class ShipmentMother {
    static final TariffRules.Quote WITHIN_HANOI = new TariffRules.Quote("VNPOST-BCCI-2025", TariffRules.Zone.WITHIN_PROVINCE,
            22_000, null, 22_000, 0, TariffRules.Payer.CITIZEN, null, 22_000, 0, "Hà Nội", "Hà Nội");

    private ShipmentMother() {
    }

    /** A result delivery of an online Thường Tín dossier to an address in Hà Nội, planned at that time, its result not ready yet. */
    public static Shipment awaitingResult(String dossierCode, String citizenId, String operator, Instant plannedAt) {
        return Shipment.plannedResultDelivery(dossierCode, citizenId, operator,
                new Shipment.Origin(CallerMother.AGENCY_THUONG_TIN, "2.000018", Channel.ONLINE.code()),
                new Shipment.Destination("Nguyễn Văn An", "0912345678", "Số 5 phố Lê Lợi, xã Thường Tín", "Hà Nội"), plannedAt)
                .aggregate();
    }

    /** A result delivery of an online Thường Tín dossier to an address in Hà Nội, handed to the operator with that item id. */
    public static Shipment requested(String dossierCode, String citizenId, String operator, String itemId) {
        Shipment shipment = Shipment.plannedResultDelivery(dossierCode, citizenId, operator,
                new Shipment.Origin(CallerMother.AGENCY_THUONG_TIN, "2.000018", Channel.ONLINE.code()),
                new Shipment.Destination("Nguyễn Văn An", "0912345678", "Số 5 phố Lê Lợi, xã Thường Tín", "Hà Nội"), Instant.now())
                .aggregate();
        shipment.markResultReady();
        shipment.request(itemId, WITHIN_HANOI, Instant.now());
        return shipment;
    }
}
