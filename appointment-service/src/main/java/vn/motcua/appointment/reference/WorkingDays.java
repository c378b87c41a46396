package vn.motcua.appointment.reference;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.motcua.events.calendar.WorkingCalendarPublished;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.NewerVersions;
import vn.motcua.kit.messaging.RecentReads;
import vn.motcua.kit.messaging.Subscriptions;

/**
 * The national working calendar as the dossier service publishes it, one document per year.
 * A year is replaced only by a higher version, so a redelivered or late older version changes nothing.
 */
@Component
public class WorkingDays implements EventSubscriber {
    static final String COLLECTION = "calendar_years";

    private final MongoTemplate mongo;
    private final RecentReads<Integer, CalendarYear> years;

    @Document(COLLECTION)
    record CalendarYear(@Id int year, int calendarVersion, List<LocalDate> daysOff, List<LocalDate> workingWeekendDays,
            String sourceDocument) {
    }

    /** How a day stands: {@code known} false when the calendar of its year has not been published yet. */
    public record Day(LocalDate date, boolean known, boolean working, boolean weekendWorked, boolean publicDayOff) {
    }

    WorkingDays(MongoTemplate mongo, @Value("${motcua.appointment.reference-fresh-for}") Duration freshFor) {
        this.mongo = mongo;
        this.years = new RecentReads<>(freshFor);
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(WorkingCalendarPublished.class, this::published);
    }

    void published(IncomingEvent<WorkingCalendarPublished> event) {
        WorkingCalendarPublished year = event.data();
        Update replace = new Update().set("daysOff", year.daysOff())
                .set("workingWeekendDays", year.workingWeekendDays()).set("sourceDocument", year.sourceDocument());
        NewerVersions.replaceIfNewer(mongo, COLLECTION, year.year(), "calendarVersion", year.calendarVersion(), replace);
        years.forget(year.year());
    }

    public Day day(LocalDate date) {
        CalendarYear year = years.get(date.getYear(), y -> Optional.ofNullable(mongo.findById(y, CalendarYear.class)))
                .orElse(null);
        if (year == null) {
            return new Day(date, false, false, false, false);
        }
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        boolean weekendWorked = year.workingWeekendDays().contains(date);
        boolean dayOff = year.daysOff().contains(date);
        return new Day(date, true, weekendWorked || (!weekend && !dayOff), weekendWorked, dayOff);
    }

    public Optional<Integer> versionOf(int year) {
        return Optional.ofNullable(mongo.findById(year, CalendarYear.class)).map(CalendarYear::calendarVersion);
    }
}
