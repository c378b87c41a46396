package vn.motcua.dossier.forms;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.catalog.Catalog;
import vn.motcua.dossier.views.AgencyScope;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.web.Csv;
import vn.motcua.kit.web.Periods;

/** The register (form 06) of an agency: its officers and leader for their own agency, ops for any. */
@RestController
class RegisterController {
    private final Register register;
    private final Catalog catalog;

    RegisterController(Register register, Catalog catalog) {
        this.register = register;
        this.catalog = catalog;
    }

    @Operation(summary = "The agency's register of dossiers received in a period (form 06) as a printable PDF")
    @ApiResponse(responseCode = "200", description = "The register, printable",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "422", description = Catalog.UNKNOWN_AGENCY)
    @GetMapping("/api/v1/register")
    @PreAuthorize("hasAnyRole('officer', 'leader', 'ops')")
    ResponseEntity<byte[]> pdf(
            @Parameter(description = "Agency code; staff may only ask for their own (the default), ops must name one")
            @RequestParam(required = false) String agencyCode,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Caller caller) {
        String agency = agency(agencyCode, caller);
        Periods.check(from, to);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("mau-06-" + agency + "-" + from + "-" + to + ".pdf").build().toString())
                .body(register.pdf(agency, from, to));
    }

    @Operation(summary = "The same register as CSV (UTF-8 with BOM)")
    @ApiResponse(responseCode = "200", description = "The register, one dossier a row",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "422", description = Catalog.UNKNOWN_AGENCY)
    @GetMapping("/api/v1/register/export.csv")
    @PreAuthorize("hasAnyRole('officer', 'leader', 'ops')")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String agencyCode,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Caller caller) {
        String agency = agency(agencyCode, caller);
        Periods.check(from, to);
        return Csv.attachment("mau-06-" + agency + "-" + from + "-" + to + ".csv", register.csv(agency, from, to));
    }

    private String agency(String agencyCode, Caller caller) {
        return AgencyScope.of(caller, agencyCode, catalog).orElseThrow(() -> ApiProblem.badRequest("agency-required",
                "Name the agency whose register you want (agencyCode)"));
    }
}
