package vn.motcua.appointment.booking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.appointment.offices.Office;
import vn.motcua.appointment.offices.Offices;
import vn.motcua.kit.idempotency.IdempotencyKeys;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.ReachedFirst;
import vn.motcua.kit.security.Role;

@RestController
class BookingsController {
    private final BookingDesk desk;
    private final Offices offices;
    private final IdempotencyKeys idempotency;

    BookingsController(BookingDesk desk, Offices offices, IdempotencyKeys idempotency) {
        this.desk = desk;
        this.offices = offices;
        this.idempotency = idempotency;
    }

    record RescheduleRequest(LocalDate date, LocalTime start) {
    }

    @Operation(summary = "Free places of an office's slots on a day, derived from its roster and the room limit in force;"
            + " bookable: a booking of the slot would be taken now (notBookable: why none of the day would be)")
    @GetMapping("/api/v1/offices/{officeId}/slots")
    BookingDesk.DaySlots slots(@PathVariable String officeId, @RequestParam LocalDate date) {
        return desk.slotsOf(office(officeId), date);
    }

    @Operation(summary = "Book a place (citizen, portal for a citizen id, hotline officer or chat bot for a phone number);"
            + " a full slot answers 409 with the next free slots")
    @PreAuthorize("hasAnyRole('citizen', 'portal', 'chatbot', 'officer')")
    @ApiResponse(responseCode = "201", description = "Booked; Location names the booking (and again, to the same request under its key)",
            useReturnTypeSchema = true)
    @PostMapping("/api/v1/bookings")
    ResponseEntity<BookingView> book(@RequestBody BookingRequest request, Caller caller,
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key) {
        return idempotency.once(caller.subject() + "|book", key, request, BookingView.class, claim -> {
            Booking booking = desk.createdUnder(claim).orElseGet(() -> desk.book(request, caller, claim));
            return ResponseEntity.created(URI.create("/api/v1/bookings/" + booking.code())).body(BookingView.of(booking));
        });
    }

    @Operation(summary = "A booking, to its holder, the portal or bot that made it, and the office's staff")
    @GetMapping("/api/v1/bookings/{code}")
    BookingView booking(@PathVariable String code, Caller caller) {
        return BookingView.of(desk.visible(code, caller));
    }

    @Operation(summary = "The calling citizen's bookings that hold a place")
    @GetMapping("/api/v1/bookings")
    List<BookingView> mine(Caller caller) {
        if (!caller.has(Role.CITIZEN)) {
            throw ApiProblem.forbidden("Only a citizen lists their own bookings; staff read an office's day");
        }
        return desk.activeOf(caller.citizenId()).stream().map(BookingView::of).toList();
    }

    @Operation(summary = "Cancel a booking; its place is free at once. A booking cancelled before is answered as it is (a retry"
            + " changes nothing); a booking used, served or missed cannot be cancelled (409)")
    @PostMapping("/api/v1/bookings/{code}/cancel")
    BookingView cancel(@PathVariable String code, Caller caller) {
        return BookingView.of(desk.cancel(code, caller));
    }

    @Operation(summary = "Move a booking to another slot of its office; the old place is free at once. The same move sent again"
            + " is answered with the booking and completes what its first attempt left undone, also when both are sent at once;"
            + " of two different moves sent at once, one moves the booking and the other is refused 409 concurrent-update;"
            + " a place taken by a move that did not store the booking (it lost, or died) is freed by the next move stored or a cancel")
    @PostMapping("/api/v1/bookings/{code}/reschedule")
    @ReachedFirst(value = BookingDesk.class, pathVariable = "code")
    BookingView reschedule(@PathVariable String code, @RequestBody RescheduleRequest request, Caller caller) {
        return BookingView.of(desk.reschedule(code, request.date(), request.start(), caller));
    }

    @Operation(summary = "An office's bookings of a day (its staff)")
    @PreAuthorize("hasAnyRole('officer', 'specialist', 'leader')")
    @GetMapping("/api/v1/offices/{officeId}/bookings")
    List<BookingView> ofDay(@PathVariable String officeId, @RequestParam LocalDate date, Caller caller) {
        Office office = staffOffice(officeId, caller);
        return desk.ofDay(office.id(), date).stream().map(BookingView::of).toList();
    }

    @Operation(summary = "Bookings confirmed beyond the places their slots have now, for the leader to move (its staff)")
    @GetMapping("/api/v1/offices/{officeId}/bookings-to-move")
    List<BookingDesk.ToMove> toMove(@PathVariable String officeId, Caller caller) {
        return desk.toMove(staffOffice(officeId, caller));
    }

    private Office office(String officeId) {
        return offices.byId(officeId).orElseThrow(() -> ApiProblem.notFound("Office", officeId));
    }

    private Office staffOffice(String officeId, Caller caller) {
        Office office = office(officeId);
        if (!caller.worksFor(office.agency())) {
            throw ApiProblem.forbidden("Office " + officeId + " belongs to another agency");
        }
        return office;
    }
}
