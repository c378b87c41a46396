package vn.motcua.postal.tariffs;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.time.CivilTime;

@RestController
class QuoteController {
    private static final int MAX_GRAMS = 30_000;

    private final TariffBook book;
    private final Clock clock;
    private final String defaultOperator;

    QuoteController(TariffBook book, Clock clock, @Value("${motcua.postal.default-operator}") String defaultOperator) {
        this.book = book;
        this.clock = clock;
        this.defaultOperator = defaultOperator;
    }

    /**
     * @param agencyProvince the agency's province, when its code does not tell it
     * @param onlineLevel the level the dossier is submitted online at (3 or 4), null for paper
     * @param date the day the shipment would be handed over; today when null
     */
    record QuoteRequest(PostalService service, String operator, String agencyCode, String agencyProvince,
            String addressProvince, Integer weightGrams, Integer onlineLevel, String field, Long cashOnDelivery, LocalDate date) {
    }

    @Operation(summary = "What a shipment by post would cost and who pays, before the citizen chooses post:"
            + " postage by zone and weight, the discount in force (rule and source), the cash-on-delivery fee")
    @PreAuthorize("hasAnyRole('citizen', 'portal', 'postal-clerk', 'officer', 'specialist', 'leader', 'ops')")
    @PostMapping("/api/v1/shipments/quote")
    TariffRules.Quote quote(@RequestBody QuoteRequest request) {
        if (request.service() == null || request.addressProvince() == null || request.weightGrams() == null) {
            throw ApiProblem.badRequest("quote-incomplete", "A quote needs service, addressProvince and weightGrams");
        }
        if (request.weightGrams() <= 0 || request.weightGrams() > MAX_GRAMS) {
            throw ApiProblem.unprocessable("weight-out-of-range", "weightGrams must be 1 to " + MAX_GRAMS);
        }
        if (request.onlineLevel() != null && (request.onlineLevel() < 2 || request.onlineLevel() > 4)) {
            throw ApiProblem.unprocessable("online-level-invalid", "onlineLevel is 2, 3 or 4 (or absent for paper)");
        }
        long cash = request.cashOnDelivery() == null ? 0 : request.cashOnDelivery();
        if (cash < 0 || cash > 1_000_000_000L) {
            throw ApiProblem.unprocessable("cash-on-delivery-out-of-range", "cashOnDelivery must be 0 to 1,000,000,000 đồng");
        }
        String address = book.requireProvince(request.addressProvince()).name();
        String agency = request.agencyProvince() != null
                ? book.requireProvince(request.agencyProvince()).name()
                : book.provinceOfAgency(request.agencyCode()).map(TariffBook.Province::name)
                        .orElseThrow(() -> ApiProblem.unprocessable("agency-province-unknown",
                                "Name the agency's province (agencyProvince): its code does not tell it"));
        LocalDate date = request.date() == null ? LocalDate.now(clock.withZone(CivilTime.VIETNAM)) : request.date();
        String operator = request.operator() == null ? defaultOperator : request.operator();
        return book.rules().quote(new TariffRules.Shipment(request.service(), operator, request.agencyCode(), agency, address,
                request.weightGrams(), request.onlineLevel(), request.field(), cash, date));
    }

}
