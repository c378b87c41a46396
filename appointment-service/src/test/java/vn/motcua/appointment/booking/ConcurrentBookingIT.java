package vn.motcua.appointment.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.appointment.ReferenceDataMother.COUNTER_PROCEDURE;
import static vn.motcua.appointment.ReferenceDataMother.OFFICE;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.appointment.AppointmentServiceApplication;
import vn.motcua.appointment.BookingMother;
import vn.motcua.appointment.ReferenceDataMother;
import vn.motcua.appointment.capacity.RoomLimits;
import vn.motcua.appointment.capacity.Roster;
import vn.motcua.appointment.capacity.Rosters;
import vn.motcua.appointment.offices.Office;
import vn.motcua.appointment.offices.Offices;
import vn.motcua.appointment.reference.Procedures;
import vn.motcua.appointment.reference.WorkingDays;
import vn.motcua.events.appointment.VisitPurpose;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.Role;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.ServiceInstance;

/**
 * 500 citizens ask for the same slot at once, half of them on each of two instances of the
 * service: the slot's derived places are 9 (3 counters × 3 citizens, and a room of 12 people with
 * 3 officers on duty), so exactly 9 are confirmed and 491 refused with 409.
 */
@SpringBootTest
@InfrastructureTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentBookingIT {
    private static final int REQUESTS = 500;

    @Autowired
    BookingDesk desk;
    @Autowired
    Offices offices;
    @Autowired
    Rosters rosters;
    @Autowired
    RoomLimits limits;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    Procedures procedures;
    ConfigurableApplicationContext second;

    @BeforeAll
    void startSecondInstance() {
        second = ServiceInstance.start(AppointmentServiceApplication.class);
    }

    @AfterAll
    void stopSecondInstance() {
        second.close();
    }

    @Test
    void fiveHundredConcurrentBookingsForNinePlacesConfirmExactlyNineAcrossTwoInstances() throws Exception {
        ReferenceDataMother.publish(workingDays, procedures);
        Office office = offices.byId(OFFICE).orElseThrow();
        LocalDate day = ReferenceDataMother.freshWeekday();
        limits.publish(new RoomLimits.NewLimit(OFFICE, 12, 20, day, day, "Chỉ thị thử nghiệm", LocalDate.of(2020, 3, 31)), "ops1");
        rosters.set(office, day, List.of(new Roster.OnDuty("officer1", "Q1"), new Roster.OnDuty("officer2", "Q2"),
                new Roster.OnDuty("officer3", "Q3")), "leader1");
        assertThat(desk.slotsOf(office, day).capacity().placesPerSlot()).isEqualTo(9);

        List<BookingDesk> instances = List.of(desk, second.getBean(BookingDesk.class));
        AtomicInteger confirmed = new AtomicInteger();
        AtomicInteger full = new AtomicInteger();
        Set<String> otherRefusals = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> requests = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < REQUESTS; i++) {
                BookingDesk instance = instances.get(i % 2);
                String citizenId = BookingMother.newCitizenId();
                requests.add(clients.submit(() -> {
                    start.await();
                    try {
                        instance.book(new BookingRequest(OFFICE, day, LocalTime.of(9, 0), VisitPurpose.HAND_IN,
                                COUNTER_PROCEDURE, null, null, null), citizen(citizenId));
                        confirmed.incrementAndGet();
                    } catch (ApiProblem refused) {
                        if (refused.status().value() == 409) {
                            full.incrementAndGet();
                        } else {
                            otherRefusals.add(refused.getMessage());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> request : requests) {
                request.get();
            }
        }
        System.out.printf("500 concurrent bookings on two instances: %d confirmed, %d refused 409%n", confirmed.get(), full.get());
        assertThat(otherRefusals).isEmpty();
        assertThat(confirmed.get()).isEqualTo(9);
        assertThat(full.get()).isEqualTo(REQUESTS - 9);
        BookingDesk.SlotView slot = desk.slotsOf(office, day).slots().stream()
                .filter(s -> s.start().equals(LocalTime.of(9, 0))).findFirst().orElseThrow();
        assertThat(slot.booked()).isEqualTo(9);
        assertThat(desk.ofDay(OFFICE, day)).hasSize(9);
    }

    private static Caller citizen(String citizenId) {
        return new Caller("citizen-" + citizenId, "citizen-" + citizenId, Set.of(Role.CITIZEN), citizenId, null, "motcua-demo");
    }
}
