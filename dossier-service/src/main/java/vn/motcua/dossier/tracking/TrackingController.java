package vn.motcua.dossier.tracking;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.access.DossierAccess;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.core.HistoryEntry;
import vn.motcua.dossier.core.HistoryVerification;
import vn.motcua.dossier.storage.DossierRepository;
import vn.motcua.dossier.views.DossierView;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.Role;

@RestController
@RequestMapping("/api/v1/dossiers")
class TrackingController {
    private final DossierRepository dossiers;
    private final DossierAccess access;

    TrackingController(DossierRepository dossiers, DossierAccess access) {
        this.dossiers = dossiers;
        this.access = access;
    }

    /** A dossier that exists but is not the caller's is reported as missing, so codes cannot be probed. */
    @Operation(summary = "One dossier: its owner, or staff of its agency (ETag = version, for If-Match)")
    @GetMapping("/{code}")
    @PreAuthorize("hasAnyRole('citizen', 'portal', 'postal-clerk', 'officer', 'specialist', 'leader')")
    ResponseEntity<DossierView> dossier(@PathVariable String code, Caller caller) {
        Dossier dossier = access.visible(code, caller);
        return ResponseEntity.ok().eTag(String.valueOf(dossier.version())).body(DossierView.of(dossier));
    }

    public record DossierPage(List<DossierView> items, int page, int size, long total) {
    }

    @Operation(summary = "The calling citizen's own dossiers, or those a portal or a post-office clerk submitted for citizens, newest first")
    @GetMapping
    @PreAuthorize("hasAnyRole('citizen', 'portal', 'postal-clerk')")
    DossierPage mine(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
        PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "submittedAt"));
        Page<Dossier> found;
        if (caller.has(Role.CITIZEN) && caller.citizenId() != null) {
            found = dossiers.findByOwnerCitizenId(caller.citizenId(), request);
        } else if (caller.isRepresentative() && caller.province() != null) {
            found = dossiers.findBySubmittedBy(caller.subject(), request);
        } else {
            return new DossierPage(List.of(), page, size, 0);
        }
        return new DossierPage(found.map(DossierView::of).getContent(), page, size, found.getTotalElements());
    }

    @Operation(summary = "Every change of the dossier: who, in which role, when, from which status to which, why")
    @GetMapping("/{code}/history")
    @PreAuthorize("hasAnyRole('citizen', 'portal', 'postal-clerk', 'officer', 'specialist', 'leader')")
    List<HistoryEntry> history(@PathVariable String code, Caller caller) {
        return access.visible(code, caller).history();
    }

    @Operation(summary = "Check the dossier's hash chain; names the first entry that was altered or removed (staff of the agency, ops)")
    @GetMapping("/{code}/history/verification")
    @PreAuthorize("hasAnyRole('officer', 'specialist', 'leader', 'ops')")
    HistoryVerification verify(@PathVariable String code, Caller caller) {
        Dossier dossier = caller.has(Role.OPS)
                ? dossiers.findById(code).orElseThrow(() -> ApiProblem.notFound("Dossier", code))
                : access.ofStaff(code, caller);
        return HistoryVerification.of(code, dossier.history());
    }
}
