package vn.motcua.dossier.forms;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.access.DossierAccess;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.web.Csv;

@RestController
class FormsController {
    private final Forms forms;
    private final DossierAccess access;

    FormsController(Forms forms, DossierAccess access) {
        this.forms = forms;
        this.access = access;
    }

    @Operation(summary = "A form of the dossier as a printable PDF (Circular 01/2018/TT-VPCP): 01 receipt, 02 supplement"
            + " request, 03 refusal, 04 apology and new date, 05 control slip (every hand-over); stop: the stop notice")
    // Any number: one that is not a form, or not yet issued, is answered with the forms this dossier has.
    @ApiResponse(responseCode = "200", description = "The form, printable",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/api/v1/dossiers/{code}/forms/{number}")
    @PreAuthorize("hasAnyRole('citizen', 'portal', 'officer', 'specialist', 'leader')")
    ResponseEntity<byte[]> form(@PathVariable String code, @PathVariable String number, Caller caller) {
        Dossier dossier = access.visible(code, caller);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("mau-" + number + "-" + code + ".pdf").build().toString())
                .body(forms.print(dossier, number));
    }

    @Operation(summary = "The control slip (form 05) as CSV: every hand-over between officers with its time")
    @ApiResponse(responseCode = "200", description = "The control slip, one hand-over a row",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/api/v1/dossiers/{code}/forms/05.csv")
    @PreAuthorize("hasAnyRole('citizen', 'portal', 'officer', 'specialist', 'leader')")
    ResponseEntity<byte[]> controlSlipCsv(@PathVariable String code, Caller caller) {
        Dossier dossier = access.visible(code, caller);
        return Csv.attachment("mau-05-" + code + ".csv", forms.controlSlipCsv(dossier));
    }
}
