package vn.motcua.appointment.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.appointment.ReferenceDataMother.COUNTER_PROCEDURE;
import static vn.motcua.appointment.ReferenceDataMother.HANOI;
import static vn.motcua.appointment.ReferenceDataMother.OFFICE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.motcua.appointment.BookingMother;
import vn.motcua.appointment.ReferenceDataMother;
import vn.motcua.appointment.offices.Offices;
import vn.motcua.appointment.reference.Procedures;
import vn.motcua.appointment.reference.WorkingDays;
import vn.motcua.events.appointment.VisitPurpose;
import vn.motcua.kit.lease.ClusterLease;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.Role;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

/**
 * Reminders are raised once per booking and kind: the jobs of two instances (two lease owners on
 * the same database, at a clock set to when each reminder falls due) race; and without the lease,
 * the booking's version still lets only one of two concurrent runs through.
 */
@SpringBootTest
@InfrastructureTest
class RemindersIT {
    @Autowired
    BookingDesk desk;
    @Autowired
    BookingRepository bookings;
    @Autowired
    AggregateStore store;
    @Autowired
    Offices offices;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    Procedures procedures;
    @Test
    void eachReminderIsRaisedOnceWhateverTheInstances() throws Exception {
        ReferenceDataMother.publish(workingDays, procedures);
        LocalDate day = ReferenceDataMother.freshWeekday();
        String citizenId = BookingMother.newCitizenId();
        Booking booking = desk.book(new BookingRequest(OFFICE, day, LocalTime.of(10, 0), VisitPurpose.HAND_IN, COUNTER_PROCEDURE,
                null, null, BookingMother.newPhone()), new Caller("c", "c", Set.of(Role.CITIZEN), citizenId, null, "motcua-demo"));
        Instant startsAt = day.atTime(10, 0).atZone(HANOI).toInstant();

        runTwoInstancesAt(startsAt.minus(Duration.ofHours(20)));
        runTwoInstancesAt(startsAt.minus(Duration.ofHours(19)));
        runTwoInstancesAt(startsAt.minus(Duration.ofMinutes(50)));
        Reminders withoutLease = reminders(startsAt.minus(Duration.ofMinutes(40)), "third");
        CompletableFuture.allOf(CompletableFuture.runAsync(withoutLease::run), CompletableFuture.runAsync(withoutLease::run)).get();

        List<ConsumerRecord<String, String>> reminders = KafkaProbe.collect("appointment.events",
                r -> r.key().equals("booking-" + booking.code())
                        && new String(r.headers().lastHeader("ce_type").value()).equals("AppointmentReminderDue"),
                10, Duration.ofSeconds(8));
        assertThat(reminders).extracting(r -> r.value().contains("DAY_BEFORE") ? "DAY_BEFORE" : "HOUR_BEFORE")
                .containsExactlyInAnyOrder("DAY_BEFORE", "HOUR_BEFORE");
    }

    private void runTwoInstancesAt(Instant now) throws Exception {
        Reminders first = reminders(now, "instance-a");
        Reminders other = reminders(now, "instance-b");
        CompletableFuture.allOf(CompletableFuture.runAsync(first::runIfLeader), CompletableFuture.runAsync(other::runIfLeader))
                .get();
        new ClusterLease(mongo, Clock.fixed(now, ZoneOffset.UTC), "instance-a").release(Reminders.LEASE);
        new ClusterLease(mongo, Clock.fixed(now, ZoneOffset.UTC), "instance-b").release(Reminders.LEASE);
    }

    private Reminders reminders(Instant now, String owner) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new Reminders(bookings, store, desk, offices, new ClusterLease(mongo, clock, owner), clock);
    }
}
