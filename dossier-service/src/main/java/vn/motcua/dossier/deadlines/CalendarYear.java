package vn.motcua.dossier.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.motcua.dossier.notices.Notice;
import vn.motcua.events.Event;
import vn.motcua.events.calendar.WorkingCalendarPublished;
import vn.motcua.kit.outbox.Aggregate;
import vn.motcua.kit.outbox.Changed;

/**
 * One year of the working calendar with every version ops published of it. A correction is a
 * new version: the earlier ones stay, and due dates computed under them are not moved (the
 * correction lists the open dossiers whose counting spanned a changed day, for the agencies to
 * decide). Each version is announced, so other services keep the same calendar.
 */
@Document(CalendarYear.COLLECTION)
public class CalendarYear extends Aggregate {
    public static final String COLLECTION = "calendarYears";

    @Id
    private final String id;
    private final int year;
    private final List<Version> versions;

    /**
     * One published state of the year.
     *
     * @param provisional a projection that no official notice confirms yet
     * @param affectedDossiers open dossiers counting through a day this version changed (none for version 1)
     */
    public record Version(int number, CalendarDays days, boolean provisional, Notice source, Instant publishedAt,
            String publishedBy, List<LocalDate> changedDays, List<String> affectedDossiers) {
        public Version {
            changedDays = List.copyOf(changedDays);
            affectedDossiers = List.copyOf(affectedDossiers);
        }
    }

    @PersistenceCreator
    CalendarYear(String id, int year, List<Version> versions) {
        this.id = id;
        this.year = year;
        this.versions = new ArrayList<>(versions);
    }

    public static Changed<CalendarYear> first(CalendarDays days, boolean provisional, Notice source, String by,
            Instant now) {
        Version first = new Version(1, days, provisional, source, now, by, List.of(), List.of());
        CalendarYear year = new CalendarYear(String.valueOf(days.year()), days.year(), List.of(first));
        return Changed.of(year, year.announce(first));
    }

    /**
     * Publishes a correction.
     *
     * @param affectedDossiers open dossiers whose counting spanned one of {@link #changedBy(CalendarDays)}
     */
    public List<Event> correct(CalendarDays days, boolean provisional, Notice source, List<String> affectedDossiers,
            String by, Instant now) {
        Version next = new Version(current().number() + 1, days, provisional, source, now, by, changedBy(days),
                affectedDossiers);
        versions.add(next);
        return List.of(announce(next));
    }

    public List<LocalDate> changedBy(CalendarDays days) {
        return days.changedFrom(current().days());
    }

    private WorkingCalendarPublished announce(Version version) {
        return new WorkingCalendarPublished(year, version.number(), version.days().daysOff(),
                version.days().workingWeekendDays(), version.provisional(), version.source().document(),
                version.source().date(), version.publishedAt());
    }

    @Override
    public String id() {
        return id;
    }

    public int year() {
        return year;
    }

    public Version current() {
        return versions.getLast();
    }

    public List<Version> versions() {
        return List.copyOf(versions);
    }
}
