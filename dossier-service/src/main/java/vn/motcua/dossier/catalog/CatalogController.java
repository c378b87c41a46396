package vn.motcua.dossier.catalog;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.problem.ApiProblem;

/** The catalog is readable by every authenticated caller: citizens choose from it. */
@RestController
@RequestMapping("/api/v1")
class CatalogController {
    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "Search the procedure catalog by name, field, agency level and online level")
    @GetMapping("/procedures")
    List<Procedure> procedures(@RequestParam(required = false) String name,
            @RequestParam(required = false) String field,
            @RequestParam(required = false) String agencyLevel,
            @RequestParam(required = false) Integer onlineLevel) {
        return catalog.search(name, field, agencyLevel, onlineLevel);
    }

    @Operation(summary = "One procedure by its code")
    @GetMapping("/procedures/{code}")
    Procedure procedure(@PathVariable String code) {
        return catalog.procedure(code).orElseThrow(() -> ApiProblem.notFound("Procedure", code));
    }

    @Operation(summary = "The agencies that receive dossiers")
    @GetMapping("/agencies")
    List<Agency> agencies() {
        return catalog.agencies();
    }
}
