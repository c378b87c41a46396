package vn.motcua.dossier.tracking;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.core.DossierRepository;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;

@RestController
@RequestMapping("/api/v1/dossiers")
class TrackingController {
    private final DossierRepository dossiers;

    TrackingController(DossierRepository dossiers) {
        this.dossiers = dossiers;
    }

    /** A dossier that exists but is not the caller's is reported as missing, so codes cannot be probed. */
    @Operation(summary = "One dossier: its owner, or staff of its agency")
    @GetMapping("/{code}")
    @PreAuthorize("hasAnyRole('citizen', 'officer', 'specialist', 'leader')")
    DossierView dossier(@PathVariable String code, Caller caller) {
        return dossiers.findById(code)
                .filter(dossier -> caller.isCitizen(dossier.ownerCitizenId()) || caller.worksFor(dossier.agencyCode()))
                .map(DossierView::of)
                .orElseThrow(() -> ApiProblem.notFound("Dossier", code));
    }

    public record DossierPage(java.util.List<DossierView> items, int page, int size, long total) {
    }

    @Operation(summary = "The calling citizen's own dossiers, newest first")
    @GetMapping
    @PreAuthorize("hasRole('citizen')")
    DossierPage mine(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
        if (caller.citizenId() == null) {
            return new DossierPage(java.util.List.of(), page, size, 0);
        }
        Page<Dossier> found = dossiers.findByOwnerCitizenId(caller.citizenId(),
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "submittedAt")));
        return new DossierPage(found.map(DossierView::of).getContent(), page, size, found.getTotalElements());
    }
}
