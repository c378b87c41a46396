package vn.motcua.dossier.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.dossier.access.DossierAccess;
import vn.motcua.dossier.intake.internal.DossierDocument;
import vn.motcua.kit.idempotency.IdempotencyKeys;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.ReachedFirst;

@RestController
@RequestMapping("/api/v1/dossiers/{code}/documents")
class DocumentController {
    private final DocumentStore documents;
    private final IdempotencyKeys idempotency;

    DocumentController(DocumentStore documents, IdempotencyKeys idempotency) {
        this.documents = documents;
        this.idempotency = idempotency;
    }

    /** What makes two uploads the same request: the same dossier, kind, internal or not, file name and content. */
    record Upload(String code, String kind, boolean internal, String fileName, String sha256) {
    }

    @Operation(summary = "Attach a PDF, PNG or JPEG file to a dossier (its owner while registering or supplementing; officers and specialists while they hold it)",
            description = "Staff attach the result's electronic copy as kind \"Kết quả giải quyết\", which the applicant may not"
                    + " use (422 kind-reserved-for-the-agency) and reads once the result is ready. Staff keep a working file"
                    + " (a note, an appraisal) from the applicant's side with internal=true; no decision counts it as one of"
                    + " the dossier's papers.")
    // No consumes: the kit refuses any body but multipart once the role rule has passed (ParametersAsDeclared).
    @ApiResponse(responseCode = "201", description = "Attached; Location names the file", useReturnTypeSchema = true)
    @PostMapping
    @PreAuthorize("hasAnyRole('citizen', 'portal', 'postal-clerk', 'officer', 'specialist')")
    @ReachedFirst(value = DossierAccess.class, pathVariable = "code")
    ResponseEntity<DossierDocument.DocumentInfo> upload(@PathVariable String code, @RequestParam String kind,
            @RequestPart MultipartFile file,
            @Parameter(description = "true: a working file of the agency's officers and specialists, never listed to the"
                    + " applicant's side (422 internal-is-for-staff for the applicant, result-is-the-applicants for the result)."
                    + " A file staff add without it in statuses 2 and 4 is the applicant's to read, and they are told (ADR 0054)")
            @RequestParam(defaultValue = "false") boolean internal,
            @Parameter(description = "Unique per intended file; a retry with the same key and file returns the first answer,"
                    + " and attaches nothing twice")
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey, Caller caller) {
        // The kit has checked the kind as text and made it canonical (ParameterText).
        if (kind.isBlank() || kind.length() > 200) {
            throw ApiProblem.badRequest("bad-kind", "kind names the document (e.g. a required document of the procedure), 1 to 200 characters");
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Upload upload = new Upload(code, kind, internal, file.getOriginalFilename(), DocumentStore.sha256(content));
        return idempotency.once(caller.subject() + "|upload", idempotencyKey, upload, DossierDocument.DocumentInfo.class,
                claim -> {
                    DossierDocument.DocumentInfo added = documents.createdUnder(claim, code, caller)
                            .orElseGet(() -> documents.add(code, kind, file.getOriginalFilename(), content, upload.sha256(),
                                    internal, caller, claim));
                    return ResponseEntity.created(URI.create("/api/v1/dossiers/" + code + "/documents/" + added.id())).body(added);
                });
    }

    @Operation(summary = "The files of a dossier (its owner, or staff of its agency); the owner sees the result's electronic"
            + " copy once the result is ready and any fee due at the result paid (or once handed over), and none of the"
            + " agency's internal files")
    @GetMapping
    @PreAuthorize("hasAnyRole('citizen', 'portal', 'postal-clerk', 'officer', 'specialist', 'leader')")
    List<DossierDocument.DocumentInfo> list(@PathVariable String code, Caller caller) {
        return documents.list(code, caller);
    }

    @Operation(summary = "Remove a file you uploaded. The applicant's side: before the agency has looked at it, while the"
            + " dossier waits for reception, or a file added since a supplement was asked for. Staff: while the agency holds"
            + " the dossier (statuses 1, 2, 4 and 5), except the only file of a kind reception counted or a supplement was"
            + " asked for (attach the right one first). 409 illegal-transition says why not. The dossier's history records"
            + " the removal; the file is erased. Repeating the call is harmless (204)")
    @ApiResponse(responseCode = "204", description = "Taken back")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('citizen', 'portal', 'postal-clerk', 'officer', 'specialist')")
    ResponseEntity<Void> remove(@PathVariable String code, @PathVariable String id, Caller caller) {
        documents.remove(code, id, caller);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Show one of the agency's internal files to the applicant (officers and specialists of the agency"
            + " while it holds the dossier: statuses 1, 2, 4 and 5)",
            description = "From then on the file is not internal: the applicant's side lists and downloads it, and it counts"
                    + " as one of the dossier's papers. The dossier's history records who showed which file, and the"
                    + " applicant is told (event DossierDocumentShared). Not undone: a"
                    + " file the applicant may have read stays theirs. Repeating the call, or calling it for a file that was"
                    + " never internal, answers the file and changes nothing")
    @ApiResponse(responseCode = "200", description = "The file, now shown to the applicant", useReturnTypeSchema = true)
    @PostMapping("/{id}/sharing")
    @PreAuthorize("hasAnyRole('officer', 'specialist')")
    DossierDocument.DocumentInfo share(@PathVariable String code, @PathVariable String id, Caller caller) {
        return documents.share(code, id, caller);
    }

    @Operation(summary = "Download one file of a dossier")
    @ApiResponse(responseCode = "200", description = "The file as uploaded, of the type its first bytes showed", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "409", description = "result-fee-unpaid: the applicant's copy of a ready result is held until"
            + " the fees due at the result are paid (ADR 0064)")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('citizen', 'portal', 'postal-clerk', 'officer', 'specialist', 'leader')")
    ResponseEntity<byte[]> download(@PathVariable String code, @PathVariable String id, Caller caller) {
        DossierDocument document = documents.get(code, id, caller);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(document.content());
    }
}
