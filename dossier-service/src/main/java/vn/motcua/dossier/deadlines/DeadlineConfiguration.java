package vn.motcua.dossier.deadlines;

import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration
class DeadlineConfiguration {

    @Bean
    DeadlinePolicy deadlinePolicy(JsonMapper json,
            @Value("${motcua.dossier.deadlines.calendar:calendar/working-calendar.json}") String calendar,
            @Value("${motcua.dossier.time-zone}") ZoneId zone,
            @Value("${motcua.dossier.deadlines.cut-off:16:30}") LocalTime cutOff,
            @Value("${motcua.dossier.deadlines.at-risk-working-days:2}") int atRiskWorkingDays,
            @Value("${motcua.dossier.deadlines.reappointment.allowed-per-dossier}") int reappointments,
            @Value("${motcua.dossier.deadlines.reappointment.latest-days-before-due}") int latestDaysBeforeDue) {
        return new DeadlinePolicy(WorkingCalendar.load(json, calendar), zone, cutOff, atRiskWorkingDays,
                new DeadlinePolicy.Reappointment(reappointments, latestDaysBeforeDue));
    }
}
