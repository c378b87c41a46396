package vn.motcua.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.citizen;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.events.Topics;
import vn.motcua.events.appointment.AppointmentBooked;
import vn.motcua.events.appointment.BookingChannel;
import vn.motcua.events.appointment.TurnNear;
import vn.motcua.events.appointment.VisitPurpose;
import vn.motcua.notification.MessagingSimulators;
import vn.motcua.notification.WithMessagingSimulators;
import vn.motcua.notification.inbox.Notification;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.KafkaProbe;

/**
 * A booking is told at the phone number it was booked for: a citizen's first visit is often booked
 * before any dossier said how to reach them, and the hotline and chat bots book for a number only.
 */
class BookingMessagesIT extends WithMessagingSimulators {
    private static final LocalDate VISIT_DAY = LocalDate.parse("2026-12-07");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aCitizensFirstBookingIsToldAtThePhoneItWasBookedForBeforeAnyDossierSaysHowToReachThem() throws Exception {
        String owner = "001090000121";
        KafkaProbe.send(booked("LHFIRST121", owner, "0971012121", BookingChannel.PORTAL));

        await().atMost(Duration.ofSeconds(30)).until(() -> MessagingSimulators.messages(MessagingSimulators.zalo(), "84971012121").size() == 1);
        String[] templateAndData = MessagingSimulators.messages(MessagingSimulators.zalo(), "84971012121").get(0).path("content")
                .asString().split(" ", 2);
        Map<String, Object> data = JSON.readValue(templateAndData[1], new TypeReference<Map<String, Object>>() {
        });
        assertThat(templateAndData[0]).isEqualTo("300301");
        assertThat(data).as("the approved template is filled with the booking's own values, none empty")
                .containsEntry("booking_code", "LHFIRST121").containsEntry("date", "07/12/2026").containsEntry("start", "08:00")
                .allSatisfy((name, value) -> assertThat(value.toString()).as(name).isNotBlank());
        mvc.perform(get("/api/v1/notifications").with(citizen(owner))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.template == 'appointment-booked')].title").value(Matchers.hasItem("Lịch hẹn LHFIRST121 ngày 07/12/2026")));
        assertThat(notifications.findAll()).filteredOn(n -> owner.equals(n.recipientCitizenId()))
                .extracting(Notification::status).doesNotContain(Notification.Status.AWAITING_CONTACT);
    }

    @Test
    void aBookingForAPhoneNumberOnlyIsToldOnceOnThatNumbersChannelsAndInNobodysInbox() throws Exception {
        String phone = "84971012122";
        MessagingSimulators.phone(MessagingSimulators.zalo(), phone, "zalo=none");
        ProducerRecord<String, String> booked = booked("LHPHONE122", null, "0971012122", BookingChannel.HOTLINE);
        KafkaProbe.send(booked);
        KafkaProbe.send(booked);
        KafkaProbe.send(EventMother.record(new TurnNear("TICKET-122", "TT-HUYEN", "A-012", 2, false, null, "0971012122", Instant.now())));

        await().atMost(Duration.ofSeconds(30)).until(() -> MessagingSimulators.messages(MessagingSimulators.sms(), phone).size() == 2);
        Thread.sleep(1500); // leave time for a wrong second message to show up
        assertThat(MessagingSimulators.messages(MessagingSimulators.sms(), phone)).as("Zalo refused the number: by SMS, once each")
                .hasSize(2);
        assertThat(notifications.findAll()).filteredOn(n -> n.recipientCitizenId().equals(Notification.phoneRecipient("0971012122")))
                .extracting(Notification::template).containsExactlyInAnyOrder("appointment-booked", "queue-turn-near");
        assertThat(KafkaProbe.collect(Topics.NOTIFICATION, r -> r.value().contains("0971012122"), 10, Duration.ofSeconds(5)))
                .as("no inbox announced for a number, only its channels").isNotEmpty()
                .noneMatch(r -> r.value().contains("\"IN_APP\""));
    }

    @Test
    void thePhoneACitizenChoseWinsOverTheOneTheirBookingWasMadeWith() throws Exception {
        String owner = "001090000123";
        mvc.perform(put("/api/v1/notifications/preferences").with(citizen(owner)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone\":\"0971012123\"}")).andExpect(status().isOk());
        KafkaProbe.send(booked("LHCHOSE123", owner, "0971012124", BookingChannel.HOTLINE));

        await().atMost(Duration.ofSeconds(30)).until(() -> MessagingSimulators.messages(MessagingSimulators.zalo(), "84971012123").size() == 1);
        assertThat(MessagingSimulators.messages(MessagingSimulators.zalo(), "84971012124")).isEmpty();
    }

    private static ProducerRecord<String, String> booked(String bookingCode, String citizenId, String phone, BookingChannel channel) {
        return EventMother.record(new AppointmentBooked(bookingCode, "TT-HUYEN", "000.10.20.30.H29", VISIT_DAY, LocalTime.of(8, 0),
                LocalTime.of(8, 30), VisitPurpose.GUIDANCE, null, null, citizenId, phone, channel, "hotline", Instant.now()));
    }
}
