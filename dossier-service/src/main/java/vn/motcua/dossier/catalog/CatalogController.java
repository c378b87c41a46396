package vn.motcua.dossier.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.http.IfMatch;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;

/**
 * The catalog is readable by anyone, with or without a token (citizens browse it before they log
 * in; under {@code /api/v1/public/} as well), and written by ops.
 */
@RestController
@RequestMapping("/api/v1")
class CatalogController {
    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "Search the procedure catalog (no token needed): name (diacritics optional), field, agency,"
            + " online level, urgent list, by post, paper originals")
    @ApiResponse(responseCode = "200", description = "The procedures that match, in catalog order", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", description = Catalog.UNKNOWN_AGENCY)
    @GetMapping({"/procedures", "/public/procedures"})
    List<Procedure> procedures(@RequestParam(required = false) @Size(max = 200) String name,
            @RequestParam(required = false) @Size(max = 200) String field,
            @Parameter(description = "Agency code: only procedures that agency's level handles")
            @RequestParam(required = false) String agencyCode,
            @RequestParam(required = false) @Min(2) @Max(4) Integer onlineLevel,
            @Parameter(description = "On the urgent list the counters still take in person")
            @RequestParam(required = false) Boolean urgent,
            @Parameter(description = "The dossier may be sent by post")
            @RequestParam(required = false) Boolean acceptByPost,
            @Parameter(description = "The result may come back by post")
            @RequestParam(required = false) Boolean returnByPost,
            @Parameter(description = "The paper originals must be seen before an online dossier is received")
            @RequestParam(required = false) Boolean paperOriginalRequired) {
        return catalog.search(new Catalog.Filter(name, field, agencyCode, onlineLevel, urgent, acceptByPost, returnByPost,
                paperOriginalRequired));
    }

    @Operation(summary = "One procedure by its code, at its current version (ETag = version; no token needed)")
    @GetMapping({"/procedures/{code}", "/public/procedures/{code}"})
    ResponseEntity<Procedure> procedure(@PathVariable String code) {
        Procedure procedure = catalog.procedure(code).orElseThrow(() -> ApiProblem.notFound("Procedure", code));
        return ResponseEntity.ok().eTag(String.valueOf(procedure.version())).body(procedure);
    }

    @Operation(summary = "One procedure at an earlier version, e.g. the one a dossier was accepted under")
    @GetMapping({"/procedures/{code}/versions/{version}", "/public/procedures/{code}/versions/{version}"})
    Procedure procedureVersion(@PathVariable String code, @PathVariable int version) {
        return catalog.procedure(code, version)
                .orElseThrow(() -> ApiProblem.notFound("Procedure version", code + " v" + version));
    }

    @Operation(summary = "Add a procedure to the catalog (ops)")
    @ApiResponse(responseCode = "201", description = "Added as version 1 (its ETag); Location names it",
            useReturnTypeSchema = true)
    @PostMapping("/procedures")
    @PreAuthorize("hasRole('ops')")
    ResponseEntity<Procedure> add(@Valid @RequestBody ProcedureDefinition definition, Caller caller) {
        Procedure added = catalog.add(definition.toProcedure(), caller.username());
        return ResponseEntity.created(URI.create("/api/v1/procedures/" + added.code())).eTag("1").body(added);
    }

    @Operation(summary = "Publish a new version of a procedure (ops); If-Match carries the version you edited")
    @ApiResponse(responseCode = "200", description = "The new version (its ETag)", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "428", description = "No If-Match: a procedure is edited from the version you read")
    @PutMapping("/procedures/{code}")
    @PreAuthorize("hasRole('ops')")
    ResponseEntity<Procedure> edit(@PathVariable String code,
            IfMatch ifMatch, @Valid @RequestBody ProcedureDefinition definition, Caller caller) {
        if (!code.equals(definition.code())) {
            throw ApiProblem.badRequest("code-mismatch", "The body's code " + definition.code() + " is not " + code);
        }
        long edited = ifMatch.required("procedure " + code);
        Procedure published = catalog.edit(code, definition.toProcedure(), (int) edited, caller.username());
        return ResponseEntity.ok().eTag(String.valueOf(published.version())).body(published);
    }

    @Operation(summary = "The agencies that receive dossiers (no token needed)")
    @GetMapping({"/agencies", "/public/agencies"})
    List<Agency> agencies() {
        return catalog.agencies();
    }
}
