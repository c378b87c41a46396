package vn.motcua.appointment.queue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.appointment.capacity.Capacities;
import vn.motcua.appointment.offices.Office;
import vn.motcua.appointment.offices.OfficeStaffReach;
import vn.motcua.events.appointment.VisitPurpose;
import vn.motcua.kit.idempotency.IdempotencyKeys;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.ReachedFirst;

/** The office's own desk: reception (check-in, walk-ins) and the counters, for officers of the office's agency. */
@RestController
@PreAuthorize("hasAnyRole('officer', 'leader')")
class QueueController {
    private final OfficeStaffReach staff;
    private final QueueDesk queue;
    private final IdempotencyKeys idempotency;
    private final Clock clock;

    QueueController(OfficeStaffReach staff, QueueDesk queue, IdempotencyKeys idempotency, Clock clock) {
        this.staff = staff;
        this.queue = queue;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    record CheckInRequest(String bookingCode) {
    }

    record WalkInRequest(VisitPurpose purpose, String procedureCode, String citizenId, String phone) {
    }

    /** The queue now: open tickets and the live counts against their caps, with the day's peaks. */
    record QueueView(String officeId, LocalDate date, DayCounts counts, List<TicketView> tickets) {
    }

    @Operation(summary = "Check in a booked citizen by booking code: a queue number, a waiting-area seat or the virtual queue;"
            + " 409 booking-not-active once checked in, arrival-in-progress while another request (a double click) issues"
            + " the number (Retry-After)")
    @ReachedFirst(value = OfficeStaffReach.class, pathVariable = "officeId")
    @ApiResponse(responseCode = "201", description = "Checked in; Location names the ticket", useReturnTypeSchema = true)
    @PostMapping("/api/v1/offices/{officeId}/check-ins")
    ResponseEntity<TicketView> checkIn(@PathVariable String officeId, @RequestBody CheckInRequest request, Caller caller) {
        Office office = desk(officeId, caller);
        if (request.bookingCode() == null || request.bookingCode().isBlank()) {
            throw ApiProblem.badRequest("booking-code-required", "Give the booking code the citizen shows");
        }
        return created(queue.checkIn(office, request.bookingCode().strip().toUpperCase()));
    }

    @Operation(summary = "A walk-in: a number only for seats not held by bookings due now, else the virtual queue")
    @ReachedFirst(value = OfficeStaffReach.class, pathVariable = "officeId")
    @ApiResponse(responseCode = "201", description = "A ticket; Location names it", useReturnTypeSchema = true)
    @PostMapping("/api/v1/offices/{officeId}/walk-ins")
    ResponseEntity<TicketView> walkIn(@PathVariable String officeId,
            @Parameter(description = "Unique per visitor at the desk; pressed again after a timeout, the same key answers the"
                    + " first ticket and issues no second number")
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @RequestBody WalkInRequest request, Caller caller) {
        Office office = desk(officeId, caller);
        return idempotency.once(caller.subject() + "|walk-in|" + officeId, idempotencyKey, request, TicketView.class,
                claim -> created(queue.walkIn(office, request.purpose(), request.procedureCode(), request.citizenId(),
                        request.phone(), claim.idOfCreation())));
    }

    @Operation(summary = "One of today's queue numbers, as its check-in's or walk-in's Location names it")
    @GetMapping("/api/v1/offices/{officeId}/tickets/{number}")
    TicketView ticket(@PathVariable String officeId, @PathVariable String number, Caller caller) {
        return TicketView.of(queue.ticket(desk(officeId, caller), number));
    }

    @Operation(summary = "Call the next number to a counter: booked citizens due now before walk-ins; 409 when the room is full")
    @PostMapping("/api/v1/offices/{officeId}/counters/{counterId}/call-next")
    TicketView callNext(@PathVariable String officeId, @PathVariable String counterId, Caller caller) {
        return TicketView.of(queue.callNext(desk(officeId, caller), counterId));
    }

    @Operation(summary = "The called visitor was served and left the room")
    @PostMapping("/api/v1/offices/{officeId}/tickets/{number}/served")
    TicketView served(@PathVariable String officeId, @PathVariable String number, Caller caller) {
        return TicketView.of(queue.serve(desk(officeId, caller), number, caller.username()));
    }

    @Operation(summary = "The called visitor did not come within the office's grace period")
    @PostMapping("/api/v1/offices/{officeId}/tickets/{number}/no-show")
    TicketView noShow(@PathVariable String officeId, @PathVariable String number, Caller caller) {
        return TicketView.of(queue.noShow(desk(officeId, caller), number));
    }

    @Operation(summary = "A waiting visitor gave up before being called; the seat goes to the virtual queue")
    @PostMapping("/api/v1/offices/{officeId}/tickets/{number}/left")
    TicketView left(@PathVariable String officeId, @PathVariable String number, Caller caller) {
        return TicketView.of(queue.leave(desk(officeId, caller), number));
    }

    @Operation(summary = "Today's open queue numbers and the live counts of the room and waiting area")
    @GetMapping("/api/v1/offices/{officeId}/queue")
    QueueView queue(@PathVariable String officeId, Caller caller) {
        Office office = desk(officeId, caller);
        LocalDate today = LocalDate.now(clock.withZone(Capacities.ZONE));
        return new QueueView(officeId, today, queue.counts(office, today),
                queue.open(office, today).stream().map(TicketView::of).toList());
    }

    private Office desk(String officeId, Caller caller) {
        return staff.office(officeId, caller);
    }

    private static ResponseEntity<TicketView> created(Ticket ticket) {
        return ResponseEntity.created(URI.create("/api/v1/offices/" + ticket.officeId() + "/tickets/" + ticket.number()))
                .body(TicketView.of(ticket));
    }
}
