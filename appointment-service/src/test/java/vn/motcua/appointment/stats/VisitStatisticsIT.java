package vn.motcua.appointment.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.appointment.ReferenceDataMother.COUNTER_PROCEDURE;
import static vn.motcua.appointment.ReferenceDataMother.HANOI;
import static vn.motcua.appointment.ReferenceDataMother.OFFICE;
import static vn.motcua.testinfra.CallerMother.AGENCY_JUSTICE;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.leader;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.appointment.BookingMother;
import vn.motcua.appointment.ReferenceDataMother;
import vn.motcua.appointment.booking.BookingDesk;
import vn.motcua.appointment.booking.BookingRequest;
import vn.motcua.appointment.booking.TodayBookings;
import vn.motcua.appointment.offices.Office;
import vn.motcua.appointment.offices.Offices;
import vn.motcua.appointment.queue.QueueDesk;
import vn.motcua.appointment.queue.Ticket;
import vn.motcua.appointment.reference.Procedures;
import vn.motcua.appointment.reference.WorkingDays;
import vn.motcua.events.appointment.BookingChannel;
import vn.motcua.events.appointment.VisitPurpose;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.Role;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

/** An office's figures move by exactly what happened: bookings per channel, waits, the day's peaks; and who may read them. */
@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class VisitStatisticsIT {
    @Autowired
    MockMvc mvc;
    @Autowired
    VisitStatistics statistics;
    @Autowired
    BookingDesk bookings;
    @Autowired
    QueueDesk queue;
    @Autowired
    Offices offices;
    @Autowired
    AggregateStore store;
    @Autowired
    Clock clock;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    Procedures procedures;

    @Test
    void bookingsByChannelWaitsAndPeaksAreCountedForTheOffice() throws Exception {
        ReferenceDataMother.publish(workingDays, procedures);
        Office office = offices.byId(OFFICE).orElseThrow();
        LocalDate today = LocalDate.now(HANOI);
        LocalDate day = ReferenceDataMother.freshWeekday();
        VisitStatistics.Figures before = statistics.of(office, today, day);

        BookingRequest request = new BookingRequest(OFFICE, day, LocalTime.of(8, 0), VisitPurpose.HAND_IN, COUNTER_PROCEDURE,
                null, null, null);
        bookings.book(request, new Caller("c", "c", Set.of(Role.CITIZEN), BookingMother.newCitizenId(), null, "motcua-demo"));
        bookings.book(request, new Caller("c2", "c2", Set.of(Role.CITIZEN), BookingMother.newCitizenId(), null, "motcua-demo"));
        bookings.book(new BookingRequest(OFFICE, day, LocalTime.of(8, 0), VisitPurpose.HAND_IN, COUNTER_PROCEDURE, null, null,
                BookingMother.newPhone()), new Caller("o", "officer1", Set.of(Role.OFFICER), null, AGENCY_THUONG_TIN, "motcua-demo"));
        bookings.book(new BookingRequest(OFFICE, day, LocalTime.of(8, 0), VisitPurpose.GUIDANCE, null, null, null,
                BookingMother.newPhone()), new Caller("b", "bot", Set.of(Role.CHATBOT), null, null, "zalo-oa-hanoi", "H29"));

        String checkedIn = TodayBookings.confirmed(store, office, today, BookingMother.newCitizenId(), null, clock.withZone(HANOI));
        String number = queue.checkIn(office, checkedIn).number();
        Ticket second = queue.walkIn(office, VisitPurpose.GUIDANCE, null, null, null, UUID.randomUUID().toString());
        Ticket third = queue.walkIn(office, VisitPurpose.GUIDANCE, null, null, null, UUID.randomUUID().toString());
        String called = queue.callNext(office, "Q4").number();
        KafkaProbe.await("appointment.events", r -> r.key().equals(third.id())
                && new String(r.headers().lastHeader("ce_type").value()).equals("TurnNear"), Duration.ofSeconds(20));
        queue.serve(office, called, "officer1");

        VisitStatistics.Figures after = statistics.of(office, today, day);
        assertThat(after.bookingsByChannel().get(BookingChannel.PORTAL) - before.bookingsByChannel().get(BookingChannel.PORTAL))
                .isEqualTo(3);
        assertThat(after.bookingsByChannel().get(BookingChannel.HOTLINE) - before.bookingsByChannel().get(BookingChannel.HOTLINE))
                .isEqualTo(1);
        assertThat(after.bookingsByChannel().get(BookingChannel.CHAT_BOT) - before.bookingsByChannel().get(BookingChannel.CHAT_BOT))
                .isEqualTo(1);
        assertThat(after.waitP50Seconds()).isNotNull();
        VisitStatistics.Day todayFigures = after.days().stream().filter(d -> d.date().equals(today)).findFirst().orElseThrow();
        assertThat(todayFigures.peakInRoom()).isPositive().isLessThanOrEqualTo(todayFigures.citizensInRoomCap());
        assertThat(todayFigures.peakWaiting()).isGreaterThanOrEqualTo(2).isLessThanOrEqualTo(todayFigures.waitingAreaCap());
        assertThat(todayFigures.walkInsSeated()).isGreaterThanOrEqualTo(2);
        assertThat(number).isNotEqualTo(second.number());

        String path = "/api/v1/offices/" + OFFICE + "/statistics?from=" + today + "&until=" + day;
        mvc.perform(get(path).with(leader(AGENCY_THUONG_TIN))).andExpect(status().isOk())
                .andExpect(jsonPath("$.bookingsByChannel.CHAT_BOT").isNumber());
        mvc.perform(get(path).with(ops())).andExpect(status().isOk());
        mvc.perform(get(path).with(officer(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        mvc.perform(get(path).with(leader(AGENCY_JUSTICE))).andExpect(status().isForbidden());
        mvc.perform(get(path).with(citizen(BookingMother.newCitizenId()))).andExpect(status().isForbidden());
        mvc.perform(get(path)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/offices/" + OFFICE + "/statistics").with(citizen(BookingMother.newCitizenId())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/offices/" + OFFICE + "/statistics?from=" + day + "&until=" + today).with(ops()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.type").value("urn:motcua:problem:period-invalid"));
    }
}
