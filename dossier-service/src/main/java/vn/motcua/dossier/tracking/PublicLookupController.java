package vn.motcua.dossier.tracking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.storage.DossierRepository;
import vn.motcua.kit.problem.ApiProblem;

/**
 * Anyone holding the receipt (dossier code) and the applicant's id number can see where a
 * dossier stands, without an account, and learn nothing else: both must match, or it is
 * reported missing.
 */
@RestController
class PublicLookupController {
    private final DossierRepository dossiers;

    PublicLookupController(DossierRepository dossiers) {
        this.dossiers = dossiers;
    }

    public record PublicStatus(String code, int nationalStatus, String status, String statusVietnamese) {
    }

    @Operation(summary = "Status of a dossier by its code and the applicant's id number (no token needed)")
    @ApiResponse(responseCode = "200", description = "The dossier's national status", useReturnTypeSchema = true)
    // The same answer whether the code is unknown or the id number is another's: the lookup tells a stranger nothing.
    @ApiResponse(responseCode = "404", description = "No dossier with that code and that applicant's id number")
    @GetMapping("/api/v1/public/dossier-status")
    PublicStatus status(@RequestParam String code, @RequestParam String idNumber) {
        if (!idNumber.matches("\\d{12}")) {
            throw ApiProblem.badRequest("bad-id-number", "idNumber must be the 12-digit citizen id number");
        }
        return dossiers.findById(code)
                .filter(d -> d.applicant() != null && idNumber.equals(d.applicant().idNumber()))
                .map(d -> new PublicStatus(d.code(), d.status().code(), d.status().name(), d.status().vietnamese()))
                .orElseThrow(() -> ApiProblem.notFound("Dossier", code));
    }
}
