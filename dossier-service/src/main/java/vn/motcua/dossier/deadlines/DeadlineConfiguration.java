package vn.motcua.dossier.deadlines;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.kit.outbox.AggregateStore;

@Configuration
class DeadlineConfiguration {

    @Bean
    PublishedCalendar publishedCalendar(MongoTemplate mongo, AggregateStore store, AffectedDossiers affected,
            Clock clock, JsonMapper json, @Value("${motcua.dossier.time-zone}") ZoneId zone,
            @Value("${motcua.dossier.deadlines.calendar:calendar/working-calendar.json}") String seed) {
        PublishedCalendar calendar = new PublishedCalendar(mongo, store, affected, clock, zone);
        calendar.seed(json, seed);
        return calendar;
    }

    @Bean
    DeadlinePolicy deadlinePolicy(PublishedCalendar calendar,
            @Value("${motcua.dossier.time-zone}") ZoneId zone,
            @Value("${motcua.dossier.deadlines.cut-off:16:30}") LocalTime cutOff,
            @Value("${motcua.dossier.deadlines.at-risk-working-days:2}") int atRiskWorkingDays,
            @Value("${motcua.dossier.deadlines.reappointment.allowed-per-dossier}") int reappointments,
            @Value("${motcua.dossier.deadlines.reappointment.latest-days-before-due}") int latestDaysBeforeDue) {
        return new DeadlinePolicy(calendar::calendar, zone, cutOff, atRiskWorkingDays,
                new DeadlinePolicy.Reappointment(reappointments, latestDaysBeforeDue));
    }
}
