package vn.motcua.postal.shipments;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.outbox.Changed;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.time.CivilTime;
import vn.motcua.postal.reference.Procedures;
import vn.motcua.postal.tariffs.PostalService;
import vn.motcua.postal.tariffs.TariffBook;
import vn.motcua.postal.tariffs.TariffRules;
import vn.motcua.postal.tracking.TrackingRanges;

/**
 * Paper dossiers collected from the citizen's address and carried to the agency (BCCI intake,
 * national channel 3), for procedures whose catalog accepts them by post.
 */
@Service
class Pickups {

    private final AggregateStore store;
    private final TrackingRanges ranges;
    private final TariffBook tariffs;
    private final Procedures procedures;
    private final Clock clock;
    private final String operator;

    Pickups(AggregateStore store, TrackingRanges ranges, TariffBook tariffs, Procedures procedures, Clock clock,
            @Value("${motcua.postal.default-operator}") String operator) {
        this.store = store;
        this.ranges = ranges;
        this.tariffs = tariffs;
        this.procedures = procedures;
        this.clock = clock;
        this.operator = operator;
    }

    /** @param from the citizen, where the postman collects the dossier; its province as the citizen named it */
    Shipment request(String citizenId, String procedureCode, String agencyCode, Shipment.Destination from, int weightGrams,
            String claimId) {
        Procedures.Procedure procedure = procedures.byCode(procedureCode).orElseThrow(() -> ApiProblem.unprocessable(
                "procedure-unknown", "Procedure " + procedureCode + " is not in the catalog"));
        if (!procedure.dossierMayComeByPost()) {
            throw ApiProblem.unprocessable("procedure-not-by-post",
                    "The catalog does not accept dossiers of " + procedureCode + " by post: submit it online or at the counter");
        }
        String agencyProvince = tariffs.provinceOfAgency(agencyCode).map(TariffBook.Province::name).orElseThrow(() -> ApiProblem
                .unprocessable("agency-unknown", "Agency " + agencyCode + " is not one the post knows the province of"));
        String province = tariffs.requireProvince(from.province()).name();
        TariffRules.Quote quote = tariffs.rules().quote(new TariffRules.Shipment(PostalService.DOSSIER_PICKUP, operator, agencyCode,
                agencyProvince, province, weightGrams, null, procedure.field(), 0, LocalDate.now(clock.withZone(CivilTime.VIETNAM))));
        String itemId = ranges.next(operator, HandOver.SERVICE_INDICATOR).toString();
        Changed<Shipment> requested = Shipment.requestedPickup(citizenId, operator, new Shipment.Origin(agencyCode, procedureCode, 3),
                new Shipment.Destination(from.recipientName(), from.recipientPhone(), from.address(), province), itemId, quote,
                clock.instant());
        requested.aggregate().createdUnder(claimId);
        return store.insert(requested);
    }
}
