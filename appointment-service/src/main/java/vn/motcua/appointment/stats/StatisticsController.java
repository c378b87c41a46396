package vn.motcua.appointment.stats;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.appointment.offices.Office;
import vn.motcua.appointment.offices.Offices;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.Role;
import vn.motcua.kit.web.Periods;

@RestController
class StatisticsController {
    private final Offices offices;
    private final VisitStatistics statistics;

    StatisticsController(Offices offices, VisitStatistics statistics) {
        this.offices = offices;
        this.statistics = statistics;
    }

    @Operation(summary = "Bookings by channel, no-show rate, wait p50/p90, daily peaks against caps, walk-ins (leaders of the agency, ops)")
    @PreAuthorize("hasAnyRole('leader', 'ops')")
    @GetMapping("/api/v1/offices/{officeId}/statistics")
    VisitStatistics.Figures statistics(@PathVariable String officeId, @RequestParam LocalDate from,
            @RequestParam LocalDate until, Caller caller) {
        Office office = offices.byId(officeId).orElseThrow(() -> ApiProblem.notFound("Office", officeId));
        boolean leader = caller.has(Role.LEADER) && office.agency().equals(caller.agency());
        if (!leader && !caller.has(Role.OPS)) {
            throw ApiProblem.forbidden("An office's statistics are for its agency's leaders and ops");
        }
        Periods.check(from, until);
        return statistics.of(office, from, until);
    }
}
