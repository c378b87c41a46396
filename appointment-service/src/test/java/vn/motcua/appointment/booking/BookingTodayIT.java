package vn.motcua.appointment.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.appointment.BookingMother.handIn;
import static vn.motcua.appointment.BookingMother.newCitizenId;
import static vn.motcua.appointment.ReferenceDataMother.COUNTER_PROCEDURE;
import static vn.motcua.appointment.ReferenceDataMother.OFFICE;
import static vn.motcua.appointment.ReferenceDataMother.freshWeekday;
import static vn.motcua.testinfra.CallerMother.citizen;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.motcua.appointment.ReferenceDataMother;
import vn.motcua.appointment.reference.Procedures;
import vn.motcua.appointment.reference.WorkingDays;
import vn.motcua.testinfra.InfrastructureTest;

/**
 * Today's slots, at the hours of the day a citizen looks at them: a slot that has begun is no longer
 * offered or taken, and once the last has begun the day says so. The service's clock is set to an
 * hour of a weekday for each check and given back to the wall clock after, for the scheduled jobs
 * of this context.
 */
@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class BookingTodayIT {
    @Autowired
    MockMvc mvc;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    Procedures procedures;
    @Autowired
    PretendedClock clock;

    @TestConfiguration(proxyBeanMethods = false)
    static class ClockOfTheDay {
        @Bean
        PretendedClock pretendedClock() {
            return new PretendedClock();
        }
    }

    /** The wall clock, or a pretended instant while a check runs. */
    static final class PretendedClock extends Clock {
        private volatile Instant pretended;

        void pretend(LocalDate day, LocalTime time) {
            pretended = day.atTime(time).atZone(ReferenceDataMother.HANOI).toInstant();
        }

        void forget() {
            pretended = null;
        }

        @Override
        public Instant instant() {
            Instant at = pretended;
            return at != null ? at : Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }
    }

    @BeforeEach
    void referenceData() {
        ReferenceDataMother.publish(workingDays, procedures);
    }

    @AfterEach
    void backToTheWallClock() {
        clock.forget();
    }

    @Test
    void aSlotThatHasBegunIsNeitherOfferedNorTakenWhileALaterOneOfTodayIs() throws Exception {
        LocalDate today = freshWeekday();
        List<String> starts = startsOf(today);
        assertThat(starts).hasSizeGreaterThan(2);
        String first = starts.getFirst();
        String later = starts.getLast();

        clock.pretend(today, LocalTime.parse(starts.get(1)).plusMinutes(1));

        slotsOf(today).andExpect(jsonPath("$.notBookable").doesNotExist())
                .andExpect(jsonPath("$.slots[?(@.start == '" + first + "')].bookable").value(Matchers.contains(false)))
                .andExpect(jsonPath("$.slots[?(@.start == '" + later + "')].bookable").value(Matchers.contains(true)));
        book(today, first).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:slot-in-past"));
        book(today, later).andExpect(status().isCreated());
    }

    @Test
    void onceTheLastSlotOfTodayHasBegunTheDayIsInThePast() throws Exception {
        LocalDate today = freshWeekday();
        List<String> starts = startsOf(today);
        String last = starts.getLast();

        clock.pretend(today, LocalTime.parse(last).plusMinutes(1));

        slotsOf(today).andExpect(jsonPath("$.notBookable").value("slot-in-past"))
                .andExpect(jsonPath("$.slots[*].bookable").value(Matchers.everyItem(Matchers.is(false))));
        book(today, last).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:slot-in-past"));
        // The next working day is offered as usual.
        slotsOf(freshWeekday()).andExpect(jsonPath("$.notBookable").doesNotExist());
    }

    /** The day's slot starts, read while the clock is still the wall clock's (the day is ahead). */
    private List<String> startsOf(LocalDate day) throws Exception {
        String body = slotsOf(day).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.slots[*].start");
    }

    private ResultActions slotsOf(LocalDate day) throws Exception {
        return mvc.perform(get("/api/v1/offices/" + OFFICE + "/slots").param("date", day.toString())
                .with(citizen(newCitizenId()))).andExpect(status().isOk());
    }

    private ResultActions book(LocalDate day, String start) throws Exception {
        return mvc.perform(post("/api/v1/bookings").with(citizen(newCitizenId())).contentType(MediaType.APPLICATION_JSON)
                .content(handIn(OFFICE, day, start, COUNTER_PROCEDURE)).header("Idempotency-Key", UUID.randomUUID().toString()));
    }
}
