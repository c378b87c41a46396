package vn.motcua.dossier.deadlines;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.notices.Notice;
import vn.motcua.kit.http.IfMatch;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.problem.ApiProblem;

/**
 * The working calendar as ops publish it, one {@link CalendarYear} per year in MongoDB. The
 * service's data file only seeds the years the database does not have yet; from then on the
 * database is the truth. Deadline arithmetic reads the calendar held here, reloaded after every
 * publication and once a minute, so that every instance follows a publication made on another.
 */
public class PublishedCalendar {
    private static final Logger log = LoggerFactory.getLogger(PublishedCalendar.class);

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final AffectedDossiers affected;
    private final Clock clock;
    private final ZoneId zone;
    private volatile WorkingCalendar calendar;

    PublishedCalendar(MongoTemplate mongo, AggregateStore store, AffectedDossiers affected, Clock clock, ZoneId zone) {
        this.mongo = mongo;
        this.store = store;
        this.affected = affected;
        this.clock = clock;
        this.zone = zone;
    }

    /** Stores every year of the file that the database lacks, then loads the calendar. */
    void seed(JsonMapper json, String resource) {
        for (Map.Entry<Integer, CalendarSeed.SeedYear> entry : CalendarSeed.read(json, resource).entrySet()) {
            int year = entry.getKey();
            CalendarSeed.SeedYear seed = entry.getValue();
            CalendarDays days = CalendarDays.validated(year, seed.daysOff(), seed.workingWeekendDays());
            if (store.insertOnce(CalendarYear.first(days, seed.provisional(), seed.source(), "calendar data file",
                    clock.instant()))) {
                log.info("Working calendar {} seeded from {}", year, resource);
            }
        }
        reload();
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public List<CalendarYear> years() {
        return mongo.find(new Query().with(Sort.by("year")), CalendarYear.class);
    }

    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(mongo.findById(String.valueOf(year), CalendarYear.class));
    }

    /**
     * Publishes a year: its first version, or a correction of the version the editor read.
     *
     * @param expectedVersion the version the editor read; null only for a year not published yet
     */
    public CalendarYear publish(CalendarDays days, boolean provisional, Notice source, Long expectedVersion, String by) {
        source.requireIssuedBy(LocalDate.now(clock.withZone(zone)));
        Optional<CalendarYear> existing = year(days.year());
        CalendarYear published;
        if (existing.isEmpty()) {
            if (expectedVersion != null) {
                throw ApiProblem.notFound("Calendar year", String.valueOf(days.year()));
            }
            if (!store.insertOnce(CalendarYear.first(days, provisional, source, by, clock.instant()))) {
                throw ApiProblem.conflict("calendar-year-exists", "The calendar of " + days.year()
                        + " was published just now by someone else; read it and send a correction");
            }
            published = year(days.year()).orElseThrow();
        } else {
            published = correct(existing.get(), days, provisional, source, expectedVersion, by);
        }
        reload();
        return published;
    }

    private CalendarYear correct(CalendarYear year, CalendarDays days, boolean provisional, Notice source,
            Long expectedVersion, String by) {
        int current = year.current().number();
        long edited = new IfMatch(expectedVersion).required("the calendar of " + days.year());
        if (edited != current) {
            throw stale(days.year(), current, expectedVersion);
        }
        List<LocalDate> changed = year.changedBy(days);
        List<String> concerned = changed.isEmpty() ? List.of()
                : affected.countingThrough(changed.getFirst(), changed.getLast());
        try {
            store.update(year, year.correct(days, provisional, source, concerned, by, clock.instant()));
        } catch (OptimisticLockingFailureException e) {
            throw stale(days.year(), current + 1, expectedVersion);
        }
        return year;
    }

    private static ApiProblem stale(int year, long current, long expected) {
        return IfMatch.stale("stale-calendar-version", "The calendar of " + year + " is at version " + current
                + ", not " + expected + "; read it again and reapply your correction", current);
    }

    @Scheduled(fixedDelayString = "${motcua.dossier.deadlines.calendar-reload-interval:PT1M}",
            initialDelayString = "${motcua.dossier.deadlines.calendar-reload-interval:PT1M}")
    public void reload() {
        calendar = new WorkingCalendar(years().stream().collect(Collectors.toMap(CalendarYear::year,
                year -> year.current().days().toYear(), (a, b) -> a)));
    }
}
