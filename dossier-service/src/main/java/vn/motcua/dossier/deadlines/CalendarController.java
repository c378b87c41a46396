package vn.motcua.dossier.deadlines;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.notices.Notice;
import vn.motcua.dossier.notices.NoticeDefinition;
import vn.motcua.kit.http.IfMatch;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;

/**
 * The working calendar: anyone may read it (citizens count their own due dates), ops publish a
 * year or a correction, naming the official notice it follows.
 */
@RestController
class CalendarController {
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    private final PublishedCalendar calendar;

    CalendarController(PublishedCalendar calendar) {
        this.calendar = calendar;
    }

    /** What ops send: the year's days as the notice sets them. */
    record CalendarYearDefinition(
            @NotNull @Size(max = 60) List<LocalDate> daysOff,
            @NotNull @Size(max = 60) List<LocalDate> workingWeekendDays,
            boolean provisional,
            @NotNull @Valid NoticeDefinition source) {
    }

    /** A year as everyone may read it: its current version. */
    record PublicYear(int year, int version, List<LocalDate> daysOff, List<LocalDate> workingWeekendDays,
            boolean provisional, Notice source, Instant publishedAt) {
        static PublicYear of(CalendarYear year) {
            CalendarYear.Version current = year.current();
            return new PublicYear(year.year(), current.number(), current.days().daysOff(),
                    current.days().workingWeekendDays(), current.provisional(), current.source(), current.publishedAt());
        }
    }

    @Operation(summary = "Every year of the working calendar, as currently published (no token needed)")
    @GetMapping("/api/v1/public/calendar")
    List<PublicYear> years() {
        return calendar.years().stream().map(PublicYear::of).toList();
    }

    @Operation(summary = "One year of the working calendar (no token needed); ETag = its version")
    @GetMapping("/api/v1/public/calendar/{year}")
    ResponseEntity<PublicYear> year(@PathVariable int year) {
        PublicYear current = PublicYear.of(find(year));
        return ResponseEntity.ok().eTag(String.valueOf(current.version())).body(current);
    }

    @Operation(summary = "Every version of a year with the dossiers each correction concerned (ops)")
    @GetMapping("/api/v1/calendar/{year}/versions")
    @PreAuthorize("hasRole('ops')")
    List<CalendarYear.Version> versions(@PathVariable int year) {
        return find(year).versions();
    }

    @Operation(summary = "Publish a calendar year, or a correction of it with If-Match (ops)", description = """
            A correction does not move due dates already computed: the answer's last version lists the \
            changed days and the open dossiers counting through them, for their agencies to review.""")
    @ApiResponse(responseCode = "201", description = "The year's first version; Location names the public year",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "A new version of a year already published", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "428", description = "No If-Match for a year already published: correct the version you read")
    @PutMapping("/api/v1/calendar/{year}")
    @PreAuthorize("hasRole('ops')")
    ResponseEntity<CalendarYear.Version> publish(@PathVariable int year,
            @Parameter(description = "The version you corrected; omit only for a year not yet published") IfMatch ifMatch,
            @Valid @RequestBody CalendarYearDefinition definition, Caller caller) {
        requireSupported(year);
        CalendarDays days = CalendarDays.validated(year, definition.daysOff(), definition.workingWeekendDays());
        CalendarYear published = calendar.publish(days, definition.provisional(), definition.source().toNotice(),
                ifMatch.version(), caller.username());
        CalendarYear.Version version = published.current();
        ResponseEntity.BodyBuilder answer = version.number() == 1
                ? ResponseEntity.created(URI.create("/api/v1/public/calendar/" + year))
                : ResponseEntity.ok();
        return answer.eTag(String.valueOf(version.number())).body(version);
    }

    private CalendarYear find(int year) {
        return calendar.year(year).orElseThrow(() -> ApiProblem.notFound("Calendar year", String.valueOf(year)));
    }

    private static void requireSupported(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw ApiProblem.unprocessable("calendar-year-out-of-range", "Years from " + FIRST_YEAR + " to " + LAST_YEAR
                    + " can be published, not " + year).with("year", year);
        }
    }
}
