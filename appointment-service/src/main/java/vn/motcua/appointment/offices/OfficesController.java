package vn.motcua.appointment.offices;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.appointment.demand.OnlineDemand;
import vn.motcua.kit.problem.ApiProblem;

@RestController
@RequestMapping("/api/v1/offices")
class OfficesController {
    private final Offices offices;
    private final OnlineDemand demand;

    OfficesController(Offices offices, OnlineDemand demand) {
        this.offices = offices;
        this.demand = demand;
    }

    /** @param dossiersSubmittedOnline dossiers of the office's agency that arrived online instead of at the counter */
    record OfficeView(Office office, long dossiersSubmittedOnline) {
    }

    @Operation(summary = "One-stop offices with their counters, opening hours and room sizes")
    @GetMapping
    List<Office> offices() {
        return offices.all();
    }

    @Operation(summary = "One office, with how many dossiers of its agency were submitted online")
    @GetMapping("/{id}")
    OfficeView office(@PathVariable String id) {
        Office office = offices.byId(id).orElseThrow(() -> ApiProblem.notFound("Office", id));
        return new OfficeView(office, demand.onlineSubmissions(office.agency()));
    }
}
