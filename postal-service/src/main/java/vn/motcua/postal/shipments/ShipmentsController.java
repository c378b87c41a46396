package vn.motcua.postal.shipments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.idempotency.IdempotencyKeys;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.ReachedFirst;
import vn.motcua.kit.security.Role;
import vn.motcua.postal.tracking.S10;

@RestController
@RequestMapping("/api/v1/shipments")
class ShipmentsController {
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Duration PICKUP_WINDOW_MAX = Duration.ofHours(24);
    private static final Duration PICKUP_WINDOW_AHEAD = Duration.ofDays(30);

    private static final Pattern PHONE = Pattern.compile("0\\d{9}");

    private final ShipmentRepository shipments;
    private final OperatorReports reports;
    private final ResultDeliveries deliveries;
    private final OriginalsReturns originalsReturns;
    private final Pickups pickups;
    private final ShipmentChanges changes;
    private final IdempotencyKeys idempotency;
    private final Clock clock;

    ShipmentsController(ShipmentRepository shipments, OperatorReports reports, ResultDeliveries deliveries,
            OriginalsReturns originalsReturns, Pickups pickups, ShipmentChanges changes, IdempotencyKeys idempotency, Clock clock) {
        this.changes = changes;
        this.shipments = shipments;
        this.reports = reports;
        this.deliveries = deliveries;
        this.originalsReturns = originalsReturns;
        this.pickups = pickups;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /**
     * @param senderName who hands the dossier to the postman
     * @param address where it is collected (street, ward or commune)
     * @param province one of the 34 provinces and cities
     * @param weightGrams the dossier's weight; 500 g when absent
     */
    record PickupRequest(String procedureCode, String agencyCode, String senderName, String senderPhone, String address,
            String province, Integer weightGrams) {
    }

    /**
     * @param address the street address, ward or commune (no district since the 2025 reform)
     * @param province one of the 34 provinces and cities
     */
    record AddressRequest(String recipientName, String recipientPhone, String address, String province) {
    }

    /**
     * @param reportId the operator's own id of this report: the same report sent again changes nothing
     * @param at when it happened at the operator
     * @param itemId the shipment's S10 item id, as the operator scanned it
     * @param detail the recipient's name, the failure's reason, the slip's or the cash receipt's number
     * @param amount the cash collected, in đồng (CASH_COLLECTED only)
     * @param pickupFrom with {@code pickupUntil}, on a PICKUP_SCHEDULED report of a collection at the citizen's: when the
     *     postman comes, told to the citizen (ADR 0087)
     */
    record ReportRequest(String reportId, Shipment.Progress progress, Instant at, String itemId, String detail, Long amount,
            Instant pickupFrom, Instant pickupUntil) {
    }

    /** @param receivedBy who signed for the result, or the originals, at the door or the counter */
    record HandDeliveryRequest(String receivedBy) {
    }

    @Operation(summary = "A citizen's own shipments; those assigned to the calling postal operator (its queue); or an"
            + " agency's outgoing results and incoming dossiers for its officers and leader (status=DELIVERY_FAILED or"
            + " RETURNED_TO_SENDER: those to act on); newest first, a page at a time (a page shorter than size is the last)")
    @GetMapping
    @PreAuthorize("hasAnyRole('citizen', 'postal-operator', 'officer', 'leader')")
    List<ShipmentView> shipments(@RequestParam(required = false) Shipment.Status status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, Caller caller) {
        PageRequest paging = PageRequest.of(page, size);
        List<Shipment> found;
        if (caller.has(Role.CITIZEN)) {
            String citizen = caller.citizenId();
            found = citizen == null ? List.of() : status == null ? shipments.findByOwnerCitizenIdOrderByCreatedAtDesc(citizen, paging)
                    : shipments.findByOwnerCitizenIdAndStatusOrderByCreatedAtDesc(citizen, status, paging);
        } else if (caller.has(Role.POSTAL_OPERATOR)) {
            String operator = caller.clientId();
            found = operator == null ? List.of() : status == null ? shipments.findByOperatorOrderByCreatedAtDesc(operator, paging)
                    : shipments.findByOperatorAndStatusOrderByCreatedAtDesc(operator, status, paging);
        } else {
            String agency = caller.agency();
            found = agency == null ? List.of() : status == null ? shipments.findByOriginAgencyCodeOrderByCreatedAtDesc(agency, paging)
                    : shipments.findByOriginAgencyCodeAndStatusOrderByCreatedAtDesc(agency, status, paging);
        }
        return found.stream().map(ShipmentView::of).toList();
    }

    @Operation(summary = "The agency's officer brings a ready result to the citizen instead of the post (before the"
            + " postman picks it up): the operator is told to drop it, and the dossier is returned. Likewise papers going back"
            + " (originals, ADR 0077, or a refused paper dossier, ADR 0081), handed over at the counter or the door once they are"
            + " at the agency, or at the counter once the operator brought them back")
    @PostMapping("/{id}/hand-delivery")
    @ReachedFirst(ShipmentReach.class)
    @PreAuthorize("hasRole('officer')")
    ShipmentView deliverByHand(@PathVariable String id, @RequestBody HandDeliveryRequest request, Caller caller) {
        if (blank(request.receivedBy()) || request.receivedBy().length() > 200) {
            throw ApiProblem.badRequest("hand-delivery-incomplete", "Name who signed for the result (receivedBy, 1–200 characters)");
        }
        return ShipmentView.of(changes.change(id, shipment -> {
            if (!caller.worksFor(shipment.origin().agencyCode())) {
                throw ApiProblem.notFound("Shipment", id);
            }
            return shipment.deliverByHand(caller.username(), request.receivedBy().strip(), clock.instant());
        }));
    }

    @Operation(summary = "The agency's officer has checked the paper originals the post collected and sends them back to the"
            + " citizen, to where they were collected (a return of its own, ORIGINALS_RETURN, handed to the operator at once;"
            + " the citizen is told). Asked again: the same return. 409 not-paper-originals for another kind of shipment,"
            + " originals-not-at-agency before they arrived (ADR 0077)")
    @PostMapping("/{id}/originals-return")
    @ReachedFirst(ShipmentReach.class)
    @PreAuthorize("hasRole('officer')")
    ShipmentView returnCheckedOriginals(@PathVariable String id, Caller caller) {
        return ShipmentView.of(originalsReturns.returnChecked(id, caller));
    }

    @Operation(summary = "The citizen asks the post to collect a paper dossier at their address and carry it to the agency"
            + " (BCCI intake, channel 3); the agency's officer registers it on arrival with its item id")
    @ApiResponse(responseCode = "201", description = "Booked with the operator; Location names the shipment",
            useReturnTypeSchema = true)
    @PostMapping("/pickups")
    @PreAuthorize("hasRole('citizen')")
    ResponseEntity<ShipmentView> requestPickup(@RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key,
            @RequestBody PickupRequest request, Caller caller) {
        if (blank(request.procedureCode()) || blank(request.agencyCode()) || blank(request.senderName()) || blank(request.address())
                || blank(request.province()) || request.senderPhone() == null) {
            throw ApiProblem.badRequest("pickup-incomplete",
                    "A pick-up needs procedureCode, agencyCode, senderName, senderPhone, address and province");
        }
        validContact(request.senderName(), request.senderPhone(), request.address());
        int grams = request.weightGrams() == null ? 500 : request.weightGrams();
        if (grams <= 0 || grams > 30_000) {
            throw ApiProblem.unprocessable("weight-out-of-range", "weightGrams must be 1 to 30000");
        }
        if (caller.citizenId() == null) {
            throw ApiProblem.forbidden("Only a citizen with an id number asks for a pick-up");
        }
        return idempotency.once(caller.subject() + "|pickup", key, request, ShipmentView.class, claim -> {
            Shipment pickup = claim.createdBefore(shipments::findByCreatedUnder).orElseGet(() -> pickups.request(caller.citizenId(), request.procedureCode(),
                    request.agencyCode(), new Shipment.Destination(request.senderName().strip(), request.senderPhone(),
                            request.address().strip(), request.province()), grams, claim.id()));
            return ResponseEntity.created(URI.create("/api/v1/shipments/" + pickup.id())).body(ShipmentView.of(pickup));
        });
    }

    @Operation(summary = "The citizen calls off their pick-up before the postman has collected the dossier: the operator is"
            + " told to drop it (again: no change; 409 once collected). Should the postman have collected it all the same, his"
            + " report wins and the dossier goes on to the agency")
    @PostMapping("/{id}/cancellation")
    @PreAuthorize("hasRole('citizen')")
    ShipmentView cancelPickup(@PathVariable String id, Caller caller) {
        return ShipmentView.of(changes.change(id, shipment -> {
            if (shipment.ownerCitizenId() == null || !shipment.ownerCitizenId().equals(caller.citizenId())) {
                throw ApiProblem.notFound("Shipment", id);
            }
            return shipment.cancelPickup(clock.instant());
        }));
    }

    @Operation(summary = "One shipment with its tracking history: its citizen's, its operator's, or its agency staff's")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('citizen', 'postal-operator', 'officer', 'leader')")
    ShipmentView shipment(@PathVariable String id, Caller caller) {
        return shipments.findById(id).filter(s -> ShipmentReach.sees(caller, s)).map(ShipmentView::of)
                .orElseThrow(() -> ApiProblem.notFound("Shipment", id));
    }

    @Operation(summary = "The citizen confirms or changes where their result (or their papers going back, ADR 0077, 0081) is"
            + " posted, or where the postman collects their originals, until the operator picks it up; what is ready and"
            + " waiting for its address leaves at once")
    @PutMapping("/{id}/address")
    @ReachedFirst(ShipmentReach.class)
    @PreAuthorize("hasRole('citizen')")
    ShipmentView confirmAddress(@PathVariable String id, @RequestBody AddressRequest request, Caller caller) {
        if (blank(request.recipientName()) || blank(request.address()) || blank(request.province()) || request.recipientPhone() == null) {
            throw ApiProblem.badRequest("address-incomplete", "An address needs recipientName, recipientPhone, address and province");
        }
        validContact(request.recipientName(), request.recipientPhone(), request.address());
        return ShipmentView.of(deliveries.confirmAddress(id, caller.citizenId(), new Shipment.Destination(
                request.recipientName().strip(), request.recipientPhone(), request.address().strip(), request.province())));
    }

    private static void validContact(String name, String phone, String address) {
        if (!PHONE.matcher(phone).matches()) {
            throw ApiProblem.unprocessable("phone-invalid", "The phone is a Vietnamese number of 10 digits starting with 0");
        }
        if (name.length() > 200 || address.length() > 300) {
            throw ApiProblem.unprocessable("address-too-long", "A name is at most 200 characters, an address at most 300");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    @Operation(summary = "The operator reports progress (accepted … delivered, delivery failed, cash collected);"
            + " a report sent twice or late changes nothing; the last failed attempt the operator's rule allows (three today)"
            + " returns the item to the sender, or calls off a collection. A PICKUP_SCHEDULED report of a collection at the"
            + " citizen's may give the postman's window (pickupFrom, pickupUntil: at most a day long, ending after at and"
            + " starting within 30 days of it), which the citizen is told (ADR 0087)")
    @PreAuthorize("hasRole('postal-operator')")
    @PostMapping("/{id}/reports")
    @ReachedFirst(ShipmentReach.class)
    ShipmentView report(@PathVariable String id, @RequestBody ReportRequest request, Caller caller) {
        validate(request);
        Shipment.PickupWindow window = request.pickupFrom() == null ? null
                : new Shipment.PickupWindow(request.pickupFrom(), request.pickupUntil());
        return ShipmentView.of(reports.apply(id, caller.clientId(), new Shipment.Report(request.reportId(), request.progress(),
                request.at(), request.detail(), request.amount(), clock.instant(), window), request.itemId()));
    }

    private void validate(ReportRequest request) {
        if (request.reportId() == null || !request.reportId().matches("[A-Za-z0-9._:-]{1,128}") || request.progress() == null
                || request.at() == null || request.itemId() == null) {
            throw ApiProblem.badRequest("report-incomplete",
                    "A report needs reportId (1–128 letters, digits, . _ : -), progress, at and itemId");
        }
        S10.parse(request.itemId());
        if (request.at().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw ApiProblem.unprocessable("report-in-future", "at is later than now");
        }
        if (request.progress() == Shipment.Progress.CASH_COLLECTED
                && (request.amount() == null || request.amount() <= 0 || request.detail() == null || request.detail().isBlank())) {
            throw ApiProblem.unprocessable("cash-report-incomplete", "Cash collected needs the amount and the receipt number (detail)");
        }
        if (request.detail() != null && request.detail().length() > 500) {
            throw ApiProblem.unprocessable("detail-too-long", "detail is at most 500 characters");
        }
        validateWindow(request);
    }

    /** A window the citizen can be there for: both ends, on a schedule, ahead of the report, a day long at most, soon. */
    private static void validateWindow(ReportRequest request) {
        if (request.pickupFrom() == null && request.pickupUntil() == null) {
            return;
        }
        if (request.progress() != Shipment.Progress.PICKUP_SCHEDULED) {
            throw ApiProblem.unprocessable("pickup-window-unexpected", "pickupFrom and pickupUntil come with PICKUP_SCHEDULED only");
        }
        if (request.pickupFrom() == null || request.pickupUntil() == null) {
            throw ApiProblem.unprocessable("pickup-window-incomplete", "A pick-up window needs both pickupFrom and pickupUntil");
        }
        if (!request.pickupUntil().isAfter(request.pickupFrom())) {
            throw ApiProblem.unprocessable("pickup-window-invalid", "pickupUntil must be later than pickupFrom");
        }
        if (!request.pickupUntil().isAfter(request.at())) {
            throw ApiProblem.unprocessable("pickup-window-past", "The window ends before the report's time (at): nobody can be there for it");
        }
        if (Duration.between(request.pickupFrom(), request.pickupUntil()).compareTo(PICKUP_WINDOW_MAX) > 0) {
            throw ApiProblem.unprocessable("pickup-window-too-wide", "A pick-up window is at most " + PICKUP_WINDOW_MAX.toHours()
                    + " hours long: the citizen waits at home for it");
        }
        if (request.pickupFrom().isAfter(request.at().plus(PICKUP_WINDOW_AHEAD))) {
            throw ApiProblem.unprocessable("pickup-window-too-far", "A pick-up window starts within " + PICKUP_WINDOW_AHEAD.toDays()
                    + " days of the report");
        }
    }
}
