package vn.motcua.appointment.capacity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.appointment.offices.Office;
import vn.motcua.appointment.offices.OfficeStaffReach;
import vn.motcua.appointment.offices.Offices;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.ReachedFirst;
import vn.motcua.kit.security.Role;

@RestController
class CapacityController {
    private final Offices offices;
    private final Rosters rosters;
    private final RoomLimits limits;
    private final Capacities capacities;
    private final OfficeStaffReach staff;

    CapacityController(Offices offices, Rosters rosters, RoomLimits limits, Capacities capacities, OfficeStaffReach staff) {
        this.offices = offices;
        this.staff = staff;
        this.rosters = rosters;
        this.limits = limits;
        this.capacities = capacities;
    }

    record RosterRequest(List<Roster.OnDuty> onDuty) {
    }

    /** A day's roster (null when the default applies: every counter open) and the capacity it gives. */
    record RosterView(String officeId, LocalDate date, Roster roster, Capacities.Capacity capacity) {
    }

    @Operation(summary = "The officers on duty at an office on a day and the capacity they give (staff of its agency)")
    @PreAuthorize("hasAnyRole('officer', 'specialist', 'leader', 'ops')")
    @GetMapping("/api/v1/offices/{officeId}/rosters/{date}")
    RosterView roster(@PathVariable String officeId, @PathVariable LocalDate date, Caller caller) {
        Office office = staffOffice(officeId, caller);
        return new RosterView(officeId, date, rosters.of(officeId, date).orElse(null), capacities.of(office, date));
    }

    @Operation(summary = "Set the officers on duty for a day (the office's leader); the places of its slots follow, and"
            + " bookings beyond them are listed at /api/v1/offices/{officeId}/bookings-to-move")
    @PreAuthorize("hasRole('leader')")
    @ReachedFirst(value = OfficeStaffReach.class, pathVariable = "officeId")
    @PutMapping("/api/v1/offices/{officeId}/rosters/{date}")
    RosterView setRoster(@PathVariable String officeId, @PathVariable LocalDate date,
            @RequestBody RosterRequest request, Caller caller) {
        Office office = staff.office(officeId, caller);
        Roster roster = rosters.set(office, date, request.onDuty(), caller.username());
        return new RosterView(officeId, date, roster, capacities.of(office, date));
    }

    @Operation(summary = "Room limits with their windows and sources (staff and ops)")
    @GetMapping("/api/v1/room-limits")
    List<RoomLimit> roomLimits(Caller caller) {
        requireStaffOrOps(caller);
        return limits.all();
    }

    @Operation(summary = "One room limit with its window and source, as its publication's Location names it (staff and ops)")
    @GetMapping("/api/v1/room-limits/{id}")
    RoomLimit roomLimit(@PathVariable String id, Caller caller) {
        requireStaffOrOps(caller);
        return limits.byId(id).orElseThrow(() -> ApiProblem.notFound("Room limit", id));
    }

    private static void requireStaffOrOps(Caller caller) {
        if (!caller.has(Role.OPS) && caller.agency() == null) {
            throw ApiProblem.forbidden("Room limits are for ops and agency staff");
        }
    }

    @Operation(summary = "Publish a room limit set by a directive, for one office or all (ops)")
    @PreAuthorize("hasRole('ops')")
    @ApiResponse(responseCode = "201", description = "Published; Location names it", useReturnTypeSchema = true)
    @PostMapping("/api/v1/room-limits")
    ResponseEntity<RoomLimit> publish(@RequestBody RoomLimits.NewLimit limit, Caller caller) {
        RoomLimit published = limits.publish(limit, caller.username());
        return ResponseEntity.created(URI.create("/api/v1/room-limits/" + published.id())).body(published);
    }

    private Office staffOffice(String officeId, Caller caller) {
        Office office = offices.byId(officeId).orElseThrow(() -> ApiProblem.notFound("Office", officeId));
        if (!caller.worksFor(office.agency()) && !caller.has(Role.OPS)) {
            throw ApiProblem.forbidden("Office " + officeId + " belongs to another agency");
        }
        return office;
    }
}
