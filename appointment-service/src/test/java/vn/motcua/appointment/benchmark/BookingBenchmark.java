package vn.motcua.appointment.benchmark;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.appointment.AppointmentServiceApplication;
import vn.motcua.appointment.BookingMother;
import vn.motcua.appointment.ReferenceDataMother;
import vn.motcua.appointment.booking.BookingDesk;
import vn.motcua.appointment.booking.BookingRequest;
import vn.motcua.appointment.capacity.Capacities;
import vn.motcua.appointment.capacity.RoomLimits;
import vn.motcua.appointment.capacity.Roster;
import vn.motcua.appointment.capacity.Rosters;
import vn.motcua.appointment.offices.Office;
import vn.motcua.appointment.offices.Offices;
import vn.motcua.appointment.queue.QueueDesk;
import vn.motcua.appointment.queue.Ticket;
import vn.motcua.appointment.reference.Procedures;
import vn.motcua.appointment.reference.WorkingDays;
import vn.motcua.events.appointment.VisitPurpose;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.Role;
import vn.motcua.testinfra.Latencies;
import vn.motcua.testinfra.ServiceInstance;

/**
 * Bookings per second through the booking service (holder caps, slot claim, booking and its event
 * stored; no HTTP, no token check) on the Mongo wire server and the in-JVM Kafka broker: first
 * uncontended (-Dbench.clients concurrent clients, each on slots of its own), then 500 requests at
 * once for one slot of 9 places. Prints requests/s, latency percentiles and the storage calls per
 * request (the service's Mongo commands, its background work included); then the office's desk: walk-ins and a counter
 * calling each in turn, with the storage calls of each. Asserts nothing.
 *
 * <pre>./motcua bench bookings</pre>
 */
public final class BookingBenchmark {
    private static final String OFFICE = ReferenceDataMother.OFFICE;

    private BookingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("bench.clients", 16);
        int uncontended = Integer.getInteger("bench.bookings", 2_000);
        StorageCalls storage = new StorageCalls();
        try (ConfigurableApplicationContext service = ServiceInstance.start(AppointmentServiceApplication.class,
                storage.registered(), "--spring.mongodb.database=motcua-appointment-bench", "--motcua.appointment.booking-horizon-days=200")) {
            ReferenceDataMother.publish(service.getBean(WorkingDays.class), service.getBean(Procedures.class));
            BookingDesk desk = service.getBean(BookingDesk.class);
            Office office = service.getBean(Offices.class).byId(OFFICE).orElseThrow();
            List<Slot> slots = openSlots(desk, office, service, uncontended);
            warmUp(desk, slots.subList(0, 200));
            Map<String, Long> before = storage.snapshot();
            report("uncontended (" + clients + " clients, own slots)",
                    run(desk, slots.subList(200, 200 + uncontended), clients));
            System.out.println("storage calls per booking: " + StorageCalls.perRequest(before, storage.snapshot(), uncontended));

            LocalDate day = ReferenceDataMother.freshWeekday().plusDays(120);
            nineplaces(service, office, day);
            List<Slot> oneSlot = Collections.nCopies(500, new Slot(day, LocalTime.of(9, 0)));
            Map<String, Long> beforeContention = storage.snapshot();
            report("500-way contention on one slot of 9 places", run(desk, oneSlot, 500));
            System.out.println("storage calls per contended request: "
                    + StorageCalls.perRequest(beforeContention, storage.snapshot(), oneSlot.size()));

            desk(service, office, storage, Integer.getInteger("bench.walk-ins", 200));
        }
        System.exit(0);
    }

    /**
     * The office's desk today, one request at a time: walk-ins past the waiting area's seats (the rest wait in the
     * virtual queue), then counter Q4 calls each in turn and serves them. Prints the storage calls of a walk-in and of a
     * call (each call also seats one from the virtual queue while there is one).
     */
    private static void desk(ConfigurableApplicationContext service, Office office, StorageCalls storage, int visitors) {
        LocalDate today = LocalDate.now(Capacities.ZONE);
        service.getBean(Rosters.class).set(office, today, List.of(new Roster.OnDuty("o1", "Q1"), new Roster.OnDuty("o3", "Q3"),
                new Roster.OnDuty("o4", "Q4")), "bench");
        QueueDesk queue = service.getBean(QueueDesk.class);
        Latencies walkIns = new Latencies();
        Map<String, Long> beforeWalkIns = storage.snapshot();
        for (int i = 0; i < visitors; i++) {
            long t0 = System.nanoTime();
            queue.walkIn(office, VisitPurpose.GUIDANCE, null, null, BookingMother.newPhone(), UUID.randomUUID().toString());
            walkIns.record(System.nanoTime() - t0);
        }
        System.out.println("storage calls per walk-in: " + StorageCalls.perRequest(beforeWalkIns, storage.snapshot(), visitors));
        Latencies calls = new Latencies();
        Map<String, Long> ofCalls = new TreeMap<>();
        for (int i = 0; i < visitors; i++) {
            Map<String, Long> before = storage.snapshot();
            long t0 = System.nanoTime();
            Ticket called = queue.callNext(office, "Q4");
            calls.record(System.nanoTime() - t0);
            StorageCalls.add(ofCalls, before, storage.snapshot());
            queue.serve(office, called.number(), "o4");
        }
        System.out.println("storage calls per call to a counter: " + StorageCalls.perRequest(Map.of(), ofCalls, visitors));
        System.out.printf("desk, one at a time: walk-in p50 %.1f ms, call p50 %.1f ms, p99 %.1f ms%n",
                Latencies.percentileMillis(walkIns.sorted(), 50), Latencies.percentileMillis(calls.sorted(), 50),
                Latencies.percentileMillis(calls.sorted(), 99));
    }

    private record Slot(LocalDate day, LocalTime start) {
    }

    private record Result(int requests, int confirmed, int refused, long elapsedNanos, Latencies latencies) {
    }

    /** Days far enough ahead, each with every counter open, and their slots' places, enough for {@code needed} bookings. */
    private static List<Slot> openSlots(BookingDesk desk, Office office, ConfigurableApplicationContext service, int needed) {
        List<Slot> slots = new ArrayList<>();
        LocalDate day = ReferenceDataMother.freshWeekday();
        while (slots.size() < needed + 200) {
            if (day.getDayOfWeek().getValue() <= 5) {
                for (BookingDesk.SlotView slot : desk.slotsOf(office, day).slots()) {
                    for (int place = 0; place < slot.free(); place++) {
                        slots.add(new Slot(day, slot.start()));
                    }
                }
            }
            day = day.plusDays(1);
        }
        return slots;
    }

    private static void nineplaces(ConfigurableApplicationContext service, Office office, LocalDate day) {
        service.getBean(RoomLimits.class).publish(new RoomLimits.NewLimit(OFFICE, 12, 20, day, day, "bench",
                LocalDate.of(2020, 3, 31)), "bench");
        service.getBean(Rosters.class).set(office, day, List.of(new Roster.OnDuty("o1", "Q1"), new Roster.OnDuty("o2", "Q2"),
                new Roster.OnDuty("o3", "Q3")), "bench");
    }

    private static void warmUp(BookingDesk desk, List<Slot> slots) throws Exception {
        run(desk, slots, 8);
    }

    private static Result run(BookingDesk desk, List<Slot> slots, int concurrency) throws Exception {
        ConcurrentLinkedQueue<Slot> work = new ConcurrentLinkedQueue<>(slots);
        Latencies latencies = new Latencies();
        AtomicInteger confirmed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long elapsed = Latencies.runTogether(concurrency, () -> {
            for (Slot slot = work.poll(); slot != null; slot = work.poll()) {
                String citizenId = BookingMother.newCitizenId();
                long t0 = System.nanoTime();
                try {
                    desk.book(new BookingRequest(OFFICE, slot.day(), slot.start(), VisitPurpose.HAND_IN,
                            ReferenceDataMother.COUNTER_PROCEDURE, null, null, null),
                            new Caller("c-" + citizenId, "c-" + citizenId, Set.of(Role.CITIZEN), citizenId, null, "bench"));
                    confirmed.incrementAndGet();
                } catch (ApiProblem full) {
                    refused.incrementAndGet();
                }
                latencies.record(System.nanoTime() - t0);
            }
        });
        return new Result(slots.size(), confirmed.get(), refused.get(), elapsed, latencies);
    }

    private static void report(String label, Result result) {
        List<Long> sorted = result.latencies().sorted();
        double seconds = result.elapsedNanos() / 1e9;
        System.out.printf("%-48s %,6d requests in %6.2f s = %,8.0f requests/s (%d confirmed, %d refused);"
                        + " latency p50 %5.1f ms, p99 %6.1f ms, max %6.1f ms%n", label, result.requests(), seconds,
                result.requests() / seconds, result.confirmed(), result.refused(), Latencies.percentileMillis(sorted, 50),
                Latencies.percentileMillis(sorted, 99), Latencies.maxMillis(sorted));
    }

}
