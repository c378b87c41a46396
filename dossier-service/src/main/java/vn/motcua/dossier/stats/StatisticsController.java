package vn.motcua.dossier.stats;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.catalog.Catalog;
import vn.motcua.dossier.views.AgencyScope;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.web.Csv;
import vn.motcua.kit.web.Periods;

/** Province-style reports: ops for any agency, a leader for their own. */
@RestController
@RequestMapping("/api/v1/statistics")
class StatisticsController {
    private final Statistics statistics;
    private final Catalog catalog;

    StatisticsController(Statistics statistics, Catalog catalog) {
        this.statistics = statistics;
        this.catalog = catalog;
    }

    @Operation(summary = "Figures per agency for a period (inclusive dates, Vietnamese time)")
    @ApiResponse(responseCode = "200", description = "One row per agency", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", description = Catalog.UNKNOWN_AGENCY)
    @GetMapping
    @PreAuthorize("hasAnyRole('ops', 'leader')")
    List<Statistics.AgencyReport> report(
            @Parameter(description = "Agency code; a leader may only ask for their own (the default), ops for any, or without it for every"
                    + " agency that received dossiers in the period (a quiet one as a row of zeros)")
            @RequestParam(required = false) String agencyCode,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Caller caller) {
        return reports(agencyCode, caller, from, to);
    }

    @Operation(summary = "The same figures as CSV (UTF-8 with BOM, so spreadsheet programs show Vietnamese correctly)")
    @ApiResponse(responseCode = "200", description = "The figures, one agency a row",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "422", description = Catalog.UNKNOWN_AGENCY)
    @GetMapping("/export.csv")
    @PreAuthorize("hasAnyRole('ops', 'leader')")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String agencyCode,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Caller caller) {
        List<Statistics.AgencyReport> reports = reports(agencyCode, caller, from, to);
        String header = "agencyCode,agencyName,from,to,received,receivedOnline,receivedAtCounter,receivedByPost,"
                + "resolved,resolvedEarly,resolvedOnTime,resolvedOverdue,inHandWithinTime,inHandOverdue,"
                + "returnedByPost,notAccepted,onlineShare,feedbackReceived,feedbackAnswered,feedbackOverdue,sentBackForRevision";
        String rows = reports.stream().map(r -> String.join(",", r.agencyCode(),
                        quoted(catalog.agency(r.agencyCode()).map(a -> a.name()).orElse("")), r.from().toString(),
                        r.to().toString(), n(r.received()), n(r.receivedOnline()), n(r.receivedAtCounter()),
                        n(r.receivedByPost()), n(r.resolved()), n(r.resolvedEarly()), n(r.resolvedOnTime()),
                        n(r.resolvedOverdue()), n(r.inHandWithinTime()), n(r.inHandOverdue()), n(r.returnedByPost()),
                        n(r.notAccepted()), String.valueOf(r.onlineShare()), n(r.feedbackReceived()),
                        n(r.feedbackAnswered()), n(r.feedbackOverdue()), n(r.sentBackForRevision())))
                .collect(Collectors.joining("\r\n"));
        byte[] body = ("\uFEFF" + header + "\r\n" + rows + (rows.isEmpty() ? "" : "\r\n")).getBytes(StandardCharsets.UTF_8);
        return Csv.attachment("thong-ke-" + from + "-" + to + ".csv", body);
    }

    /**
     * Without an agency, every agency that received dossiers on some day of the period is listed,
     * a quiet one as a row of zeros (a province's report names each; a zero is a figure too), with
     * any other that has figures (one dissolved since, whose dossiers are still in hand).
     */
    private List<Statistics.AgencyReport> reports(String agencyCode, Caller caller, LocalDate from, LocalDate to) {
        List<String> agencies = agencies(agencyCode, caller);
        List<Statistics.AgencyReport> withFigures = statistics.report(agencies, checked(from, to), to);
        if (!agencies.isEmpty()) {
            return withFigures;
        }
        Map<String, Statistics.AgencyReport> byAgency = new TreeMap<>();
        catalog.agencies().stream().filter(agency -> agency.activeDuring(from, to))
                .forEach(agency -> byAgency.put(agency.code(), Statistics.quiet(agency.code(), from, to)));
        withFigures.forEach(report -> byAgency.put(report.agencyCode(), report));
        return List.copyOf(byAgency.values());
    }

    private List<String> agencies(String agencyCode, Caller caller) {
        return AgencyScope.of(caller, agencyCode, catalog).map(List::of).orElse(List.of());
    }

    private static LocalDate checked(LocalDate from, LocalDate to) {
        Periods.check(from, to);
        return from;
    }

    private static String n(long value) {
        return String.valueOf(value);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
