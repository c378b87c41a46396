package vn.motcua.appointment.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.appointment.ReferenceDataMother.HANOI;
import static vn.motcua.appointment.ReferenceDataMother.SMALL_OFFICE;
import static vn.motcua.testinfra.CallerMother.AGENCY_JUSTICE;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.staff;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.motcua.appointment.BookingMother;
import vn.motcua.appointment.ReferenceDataMother;
import vn.motcua.appointment.booking.TodayBookings;
import vn.motcua.appointment.capacity.RoomLimits;
import vn.motcua.appointment.capacity.Roster;
import vn.motcua.appointment.capacity.Rosters;
import vn.motcua.appointment.offices.Office;
import vn.motcua.appointment.offices.Offices;
import vn.motcua.appointment.reference.Procedures;
import vn.motcua.appointment.reference.WorkingDays;
import vn.motcua.events.appointment.VisitPurpose;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

/**
 * The day at xã Hồng Vân's office with the directive's caps: 10 people in the one-stop room with
 * 2 officers on duty (so 8 citizens) and 10 in the waiting area.
 */
@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class RoomCapsIT {
    private static final String GUIDANCE = "{\"purpose\": \"GUIDANCE\"}";
    private static final int VISITORS = 200;

    @Autowired
    MockMvc mvc;
    @Autowired
    QueueDesk queue;
    @Autowired
    Offices offices;
    @Autowired
    Rosters rosters;
    @Autowired
    RoomLimits limits;
    @Autowired
    AggregateStore store;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Clock clock;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    Procedures procedures;
    @Autowired
    OfficeDayCounters counters;
    @Autowired
    StrayPlaces strayPlaces;
    @Autowired
    MeterRegistry meters;
    Office office;
    LocalDate today;
    private final AtomicBoolean stopped = new AtomicBoolean();

    @BeforeEach
    void directiveCapsAndTwoOfficersToday() {
        ReferenceDataMother.publish(workingDays, procedures);
        office = offices.byId(SMALL_OFFICE).orElseThrow();
        today = LocalDate.now(HANOI);
        if (rosters.of(SMALL_OFFICE, today).isEmpty()) {
            limits.publish(new RoomLimits.NewLimit(SMALL_OFFICE, 10, 10, today, today, "Chỉ thị thử nghiệm",
                    LocalDate.of(2020, 3, 31)), "ops1");
            rosters.set(office, today, List.of(new Roster.OnDuty("officer1", "Q1"), new Roster.OnDuty("officer2", "Q2")),
                    "leader1");
        }
    }

    @Test
    void twoHundredConcurrentCheckInsAndWalkInsNeverPassTheRoomOrWaitingAreaCaps() throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < VISITORS / 2; i++) {
            codes.add(TodayBookings.confirmed(store, office, today, BookingMother.newCitizenId(), BookingMother.newPhone(),
                    clock.withZone(HANOI)));
        }
        AtomicInteger maxRoom = new AtomicInteger();
        AtomicInteger maxWaiting = new AtomicInteger();
        AtomicBoolean arriving = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> sampler = threads.submit(() -> {
                while (served.get() < VISITORS && !stopped.get()) {
                    DayCounts counts = queue.counts(office, today);
                    maxRoom.accumulateAndGet(counts.room(), Math::max);
                    maxWaiting.accumulateAndGet(counts.waiting(), Math::max);
                    Thread.sleep(2);
                }
                return null;
            });
            for (int i = 0; i < VISITORS; i++) {
                String code = i % 2 == 0 ? codes.get(i / 2) : null;
                work.add(threads.submit(() -> code != null ? queue.checkIn(office, code)
                        : queue.walkIn(office, VisitPurpose.GUIDANCE, null, null, BookingMother.newPhone(), UUID.randomUUID().toString())));
            }
            for (String counter : List.of("Q1", "Q2", "Q1", "Q2")) {
                work.add(threads.submit(() -> callAndServe(counter, served, arriving)));
            }
            try {
                for (Future<?> task : work.subList(0, VISITORS)) {
                    task.get();
                }
                arriving.set(false);
                for (Future<?> task : work) {
                    task.get();
                }
            } finally {
                // A failed check-in (or officers giving up) must fail the test, not leave the sampler and officers looping.
                stopped.set(true);
            }
            sampler.get();
        }
        DayCounts counts = queue.counts(office, today);
        System.out.printf("200 check-ins/walk-ins, N = 10 with 2 officers: most citizens seen in the room %d (stored peak %d),"
                        + " in the waiting area %d (stored peak %d); walk-ins seated %d, sent to the virtual queue %d%n",
                maxRoom.get(), counts.peakRoom(), maxWaiting.get(), counts.peakWaiting(), counts.walkInsSeated(),
                counts.walkInsToVirtualQueue());
        assertThat(maxRoom.get()).isLessThanOrEqualTo(8);
        assertThat(counts.peakRoom()).isEqualTo(8);
        assertThat(maxWaiting.get()).isLessThanOrEqualTo(10);
        assertThat(counts.peakWaiting()).isEqualTo(10);
        assertThat(counts.walkInsToVirtualQueue()).isPositive();
        assertThat(served.get()).isEqualTo(VISITORS);
        assertThat(counts.room()).isZero();
        assertThat(counts.waiting()).isZero();
    }

    /** An officer calling until the room is full, then serving the oldest called visitor, until everyone is served. */
    private Void callAndServe(String counter, AtomicInteger served, AtomicBoolean arriving) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(120));
        while (served.get() < VISITORS && Instant.now().isBefore(giveUp) && !stopped.get()) {
            try {
                queue.callNext(office, counter);
            } catch (ApiProblem roomFullOrNobody) {
                List<Ticket> called = queue.open(office, today).stream().filter(t -> t.status() == TicketStatus.CALLED).toList();
                boolean servedOne = false;
                for (Ticket ticket : called) {
                    try {
                        queue.serve(office, ticket.number(), "officer-" + counter);
                        served.incrementAndGet();
                        servedOne = true;
                        break;
                    } catch (ApiProblem | OptimisticLockingFailureException servedByAnother) {
                        // Another officer served it first.
                    }
                }
                if (!servedOne) {
                    Thread.sleep(arriving.get() ? 2 : 5);
                }
            }
        }
        return null;
    }

    @Test
    void anArrivalWhoseAttemptDiedIsFinishedByItsRetryWithoutASecondSeat() throws Exception {
        // Died after storing the ticket, before answering: the retry answers that ticket.
        String stored = UUID.randomUUID().toString();
        String number = walkIn(stored, GUIDANCE);
        DayCounts placed = queue.counts(office, today);
        long tickets = mongo.getCollection("tickets").countDocuments();
        abandonClaim(stored);
        assertThat(walkIn(stored, GUIDANCE)).isEqualTo(number);
        assertThat(queue.counts(office, today)).isEqualTo(placed);
        assertThat(mongo.getCollection("tickets").countDocuments()).isEqualTo(tickets);

        // Died after taking the place, before storing the ticket: the retry stores one, in the place taken, under a number of
        // its own (the dead attempt's is a gap no one is called by).
        String unstored = UUID.randomUUID().toString();
        String lost = walkIn(unstored, GUIDANCE);
        placed = queue.counts(office, today);
        diedBeforeStoringItsTicket(unstored, lost);
        String retried = walkIn(unstored, GUIDANCE);
        assertThat(retried).isNotEqualTo(lost);
        assertThat(queue.counts(office, today)).as("no second seat, no second walk-in counted").isEqualTo(placed);
        assertThat(mongo.getCollection("tickets").countDocuments()).isEqualTo(tickets + 1);

        // A check-in that died after storing the ticket, before marking the booking: checked in again, the same ticket.
        String code = TodayBookings.confirmed(store, office, today, BookingMother.newCitizenId(), BookingMother.newPhone(),
                clock.withZone(HANOI));
        String checkedIn = checkIn(code);
        placed = queue.counts(office, today);
        mongo.getCollection("bookings").updateOne(new Document("_id", code), new Document("$set",
                new Document("status", "CONFIRMED").append("ticketId", null)));
        assertThat(checkIn(code)).isEqualTo(checkedIn);
        assertThat(queue.counts(office, today)).isEqualTo(placed);
        assertThat(mongo.getCollection("tickets").countDocuments()).isEqualTo(tickets + 2);

        // Another request placed the arrival a moment ago and is storing its ticket: this one is told to ask again, and
        // takes nothing. Once that is long past (the other request died), asking again issues the ticket in the place taken.
        String atWork = TodayBookings.confirmed(store, office, today, BookingMother.newCitizenId(), BookingMother.newPhone(),
                clock.withZone(HANOI));
        counters.arrive(SMALL_OFFICE, today, "A", 10, atWork, false, clock.instant());
        placed = queue.counts(office, today);
        mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/check-ins").with(officer(office.agency()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"bookingCode\": \"" + atWork + "\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("urn:motcua:problem:arrival-in-progress"))
                .andExpect(header().string("Retry-After", "2"));
        assertThat(mongo.getCollection("tickets").countDocuments(new Document("bookingCode", atWork))).isZero();
        placedAMinuteAgo(atWork);
        String recovered = checkIn(atWork);
        assertThat(queue.counts(office, today)).isEqualTo(placed);

        // A double click at the desk: one check-in issues the number, the others are refused, and one seat is taken.
        String clicked = TodayBookings.confirmed(store, office, today, BookingMother.newCitizenId(), BookingMother.newPhone(),
                clock.withZone(HANOI));
        DayCounts beforeClicks = queue.counts(office, today);
        List<Integer> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> clicks = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                clicks.add(threads.submit(() -> mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/check-ins")
                                .with(officer(office.agency())).contentType(MediaType.APPLICATION_JSON)
                                .content("{\"bookingCode\": \"" + clicked + "\"}"))
                        .andReturn().getResponse().getStatus()));
            }
            for (Future<Integer> click : clicks) {
                answers.add(click.get());
            }
        }
        assertThat(answers).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(mongo.getCollection("tickets").countDocuments(new Document("bookingCode", clicked))).isEqualTo(1);
        DayCounts afterClicks = queue.counts(office, today);
        assertThat(afterClicks.waiting() + ticketsOf(clicked, TicketStatus.VIRTUAL))
                .as("one place, a seat or the virtual queue").isEqualTo(beforeClicks.waiting() + 1);
        String clickedNumber = mongo.getCollection("tickets").find(new Document("bookingCode", clicked)).first().getString("number");

        // They leave, so the day's other tests find the room as they left it.
        for (String leaving : List.of(number, retried, checkedIn, recovered, clickedNumber)) {
            mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/tickets/" + leaving + "/left").with(officer(office.agency())))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void placesAStepThatDiedHalfDoneHeldAreGivenBackOnceTheDayIsQuietAndGoToTheVirtualQueue() throws Exception {
        // Steps that died between their two writes: a call that took a room place and never marked its ticket, and
        // enough seats taken for tickets never stored to fill the waiting area.
        counters.enter(SMALL_OFFICE, today, OfficeDayCounters.ROOM, 100);
        int seats = 10;
        while (queue.counts(office, today).waiting() < seats) {
            counters.enter(SMALL_OFFICE, today, OfficeDayCounters.WAITING, seats);
        }
        String number = walkIn(UUID.randomUUID().toString(), GUIDANCE);
        assertThat(queue.ticket(office, number).status()).as("the waiting area looks full").isEqualTo(TicketStatus.VIRTUAL);

        Instant now = clock.instant();
        strayPlaces.settle(now);
        strayPlaces.settle(now.plus(Duration.ofMinutes(1)));
        assertThat(queue.counts(office, today).room()).as("not quiet long enough to judge").isEqualTo(ticketsIn(TicketStatus.CALLED) + 1);
        // A step begun meanwhile (a serve, a no-show or a leaving changes the ticket first) starts the quiet again.
        counters.touch(SMALL_OFFICE, today);
        strayPlaces.settle(now.plus(Duration.ofMinutes(3)));
        assertThat(queue.counts(office, today).room()).isEqualTo(ticketsIn(TicketStatus.CALLED) + 1);

        double settledBefore = meters.counter("motcua.queue.stray.places.settled").count();
        strayPlaces.settle(now.plus(Duration.ofMinutes(6)));
        assertThat(meters.counter("motcua.queue.stray.places.settled").count()).as("ops see it").isGreaterThan(settledBefore);
        DayCounts settled = queue.counts(office, today);
        assertThat(settled.room()).as("the room place no one holds").isEqualTo(ticketsIn(TicketStatus.CALLED));
        assertThat(queue.ticket(office, number).status()).as("a seat freed goes to the virtual queue's first")
                .isEqualTo(TicketStatus.WAITING);
        assertThat(settled.waiting()).isEqualTo(ticketsIn(TicketStatus.WAITING));

        mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/tickets/" + number + "/left").with(officer(office.agency())))
                .andExpect(status().isOk());
    }

    @Test
    void aWalkInWhoseSeatWasGivenBackAfterItsAttemptDiedIsSeatedAfreshByItsRetryAndCountedOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String lost = walkIn(key, GUIDANCE);
        DayCounts placed = queue.counts(office, today);
        // The officer comes back to it only later.
        diedBeforeStoringItsTicket(key, lost);

        Instant now = clock.instant();
        strayPlaces.settle(now);
        strayPlaces.settle(now.plus(Duration.ofMinutes(3)));
        DayCounts settled = queue.counts(office, today);
        assertThat(settled.waiting()).as("the dead attempt's seat is given back").isEqualTo(ticketsIn(TicketStatus.WAITING))
                .isEqualTo(placed.waiting() - 1);
        assertThat(settled.walkInsSeated()).as("and its walk-in uncounted").isEqualTo(placed.walkInsSeated() - 1);

        String retried = walkIn(key, GUIDANCE);
        assertThat(retried).isNotEqualTo(lost);
        assertThat(queue.ticket(office, retried).status()).isEqualTo(TicketStatus.WAITING);
        DayCounts after = queue.counts(office, today);
        assertThat(after.waiting()).as("its seat counted").isEqualTo(ticketsIn(TicketStatus.WAITING)).isEqualTo(placed.waiting());
        assertThat(after.walkInsSeated()).as("the walk-in counted once").isEqualTo(placed.walkInsSeated());
        assertThat(walkIn(key, GUIDANCE)).as("answered again, not placed again").isEqualTo(retried);
        assertThat(queue.counts(office, today)).isEqualTo(after);

        mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/tickets/" + retried + "/left").with(officer(office.agency())))
                .andExpect(status().isOk());
    }

    private int ticketsOf(String bookingCode, TicketStatus status) {
        return (int) mongo.getCollection("tickets").countDocuments(new Document("bookingCode", bookingCode)
                .append("status", status.name()));
    }

    @Test
    void aCallSeatsTheVirtualQueuesFirstInTheSeatItFreesAndTellsTheNextThreeTheirTurnIsNear() {
        closeTheDay();
        List<Ticket> virtual = List.of();
        for (int walkIns = 0; virtual.size() < 2; walkIns++) {
            assertThat(walkIns).as("the waiting area's 10 seats fill").isLessThan(30);
            queue.walkIn(office, VisitPurpose.GUIDANCE, null, null, BookingMother.newPhone(), UUID.randomUUID().toString());
            // A walk-in leaves the seats of bookings due now to them; the virtual queue is seated up to the cap.
            queue.seatFromVirtualQueue(office, today);
            virtual = inLine(TicketStatus.VIRTUAL);
        }
        List<Ticket> waiting = inLine(TicketStatus.WAITING);
        assertThat(waiting).as("enough in line for three to be told").hasSizeGreaterThan(4);

        Ticket called = queue.callNext(office, "Q1");

        assertThat(called.number()).as("the first in line").isEqualTo(waiting.getFirst().number());
        assertThat(queue.ticket(office, virtual.get(0).number()).status()).as("the seat freed goes to the virtual queue's first")
                .isEqualTo(TicketStatus.WAITING);
        assertThat(queue.ticket(office, virtual.get(1).number()).status()).isEqualTo(TicketStatus.VIRTUAL);
        assertThat(queue.counts(office, today).waiting()).isEqualTo(ticketsIn(TicketStatus.WAITING));
        toldTurnNear(virtual.get(0), true);
        for (Ticket next : waiting.subList(1, 4)) {
            toldTurnNear(next, false);
        }
        closeTheDay();
    }

    private static void toldTurnNear(Ticket ticket, boolean admittedFromVirtualQueue) {
        KafkaProbe.await("appointment.events", r -> r.key().equals(ticket.id())
                && new String(r.headers().lastHeader("ce_type").value()).equals("TurnNear")
                && r.value().contains("\"admittedFromVirtualQueue\":" + admittedFromVirtualQueue), Duration.ofSeconds(20));
    }

    private List<Ticket> inLine(TicketStatus status) {
        return queue.open(office, today).stream().filter(ticket -> ticket.status() == status).toList();
    }

    /** Serves the visitors called and sends away those still waiting: the office day as other tests left it, emptied. */
    private void closeTheDay() {
        for (Ticket open : queue.open(office, today)) {
            if (open.status() == TicketStatus.CALLED) {
                queue.serve(office, open.number(), "officer1");
            } else {
                queue.leave(office, open.number());
            }
        }
    }

    private int ticketsIn(TicketStatus status) {
        return (int) mongo.getCollection("tickets").countDocuments(new Document("officeId", SMALL_OFFICE)
                .append("date", today.toString()).append("status", status.name()));
    }

    private String walkIn(String key, String body) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/walk-ins").with(officer(office.agency()))
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.number");
    }

    private String checkIn(String bookingCode) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/check-ins").with(officer(office.agency()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"bookingCode\": \"" + bookingCode + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.number");
    }

    /**
     * Leaves the walk-in under {@code key} as an attempt that died after taking its place and before storing its ticket
     * leaves it, long enough ago that no other request can still be at work on it (a retry comes after the claim's lease).
     */
    private void diedBeforeStoringItsTicket(String key, String number) {
        Document lostTicket = mongo.getCollection("tickets")
                .findOneAndDelete(new Document("_id", Ticket.idOf(SMALL_OFFICE, today, number)));
        placedAMinuteAgo(lostTicket.getString("arrivalKey"));
        abandonClaim(key);
    }

    private void placedAMinuteAgo(String arrivalKey) {
        mongo.getCollection(OfficeDayCounters.COLLECTION).updateOne(new Document("_id", OfficeDayCounters.idOf(SMALL_OFFICE, today)),
                new Document("$set", new Document("arrivals." + arrivalKey + ".at", Date.from(clock.instant().minus(Duration.ofMinutes(1))))));
    }

    /** Leaves the key's claim as an attempt that died while holding it leaves it: in progress, its lease run out. */
    private void abandonClaim(String key) {
        assertThat(mongo.getCollection("idempotency_keys").updateOne(
                new Document("_id", new Document("$regex", "\\|" + key + "$")),
                new Document("$set", new Document("state", "IN_PROGRESS").append("leaseUntil", new Date(0))))
                .getMatchedCount()).isEqualTo(1);
    }

    @Test
    void aBookedCitizenChecksInIsCalledAndServedAndTheScreenShowsTheNumber() throws Exception {
        String code = TodayBookings.confirmed(store, office, today, BookingMother.newCitizenId(), BookingMother.newPhone(),
                clock.withZone(HANOI));
        String number = JsonPath.read(mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/check-ins")
                        .with(officer(office.agency())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"bookingCode\": \"" + code.toLowerCase() + "\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.bookingCode").value(code))
                .andReturn().getResponse().getContentAsString(), "$.number");
        assertThat(number).matches("A\\d{3}");
        mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/check-ins").with(officer(office.agency()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"bookingCode\": \"" + code + "\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("urn:motcua:problem:booking-not-active"));

        String called = "";
        for (int i = 0; i < 500 && !called.equals(number); i++) {
            called = JsonPath.read(mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE
                            + "/counters/Q1/call-next").with(officer(office.agency())))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.number");
            mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/tickets/" + called + "/served").with(officer(office.agency())))
                    .andExpect(status().isOk());
        }
        assertThat(called).isEqualTo(number);
        KafkaProbe.await("appointment.events", r -> r.key().equals(SMALL_OFFICE + "|" + today + "|" + number)
                && new String(r.headers().lastHeader("ce_type").value()).equals("TicketServed"), Duration.ofSeconds(20));

        mvc.perform(get("/api/v1/public/offices/" + SMALL_OFFICE + "/board"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.calls[0].number").value(number))
                .andExpect(jsonPath("$.calls[0].counterId").value("Q1"));
        MvcResult stream = mvc.perform(get("/api/v1/public/offices/" + SMALL_OFFICE + "/display")
                .accept(MediaType.TEXT_EVENT_STREAM)).andExpect(status().isOk()).andReturn();
        String events = stream.getResponse().getContentAsString();
        assertThat(events).contains("event:board").contains("\"number\":\"" + number + "\"").doesNotContain("citizenId");
        mvc.perform(get("/api/v1/public/offices/" + SMALL_OFFICE + "/screen")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Mời công dân có số")));
    }

    @Test
    void onlyTheOfficesOwnOfficersRunItsReceptionAndCounters() throws Exception {
        for (RequestPostProcessor outsider : new RequestPostProcessor[] {citizen(BookingMother.newCitizenId()),
                officer(AGENCY_JUSTICE), officer(AGENCY_THUONG_TIN), staff("specialist1", office.agency(), "specialist")}) {
            mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/walk-ins").with(outsider)
                    .contentType(MediaType.APPLICATION_JSON).content(GUIDANCE)).andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/check-ins").with(outsider)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"bookingCode\": \"LHAAAAAAAA\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/counters/Q1/call-next").with(outsider))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/tickets/A001/served").with(outsider))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/offices/" + SMALL_OFFICE + "/queue").with(outsider)).andExpect(status().isForbidden());
        }
        // A role that runs no desk is told so whatever it sent, not what a check-in lacks.
        mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/check-ins").with(citizen(BookingMother.newCitizenId())))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Only officer or leader may do this")));
        mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/walk-ins").contentType(MediaType.APPLICATION_JSON).content(GUIDANCE))
                .andExpect(status().isUnauthorized());
        // Another agency's officer is told the office is not theirs whatever was sent, and an unknown office is 404.
        for (String desk : List.of("/check-ins", "/walk-ins")) {
            mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + desk).with(officer(AGENCY_JUSTICE))
                            .contentType(MediaType.APPLICATION_JSON).content("{"))
                    .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail").value(Matchers.containsString(SMALL_OFFICE)));
            mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + desk).with(officer(AGENCY_JUSTICE)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/offices/NOPE" + desk).with(officer(office.agency()))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"purpose\": 0}")).andExpect(status().isNotFound());
        }
        String otherOfficesBooking = TodayBookings.confirmed(store, offices.byId("TT-HUYEN").orElseThrow(), today,
                BookingMother.newCitizenId(), null, clock.withZone(HANOI));
        mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/check-ins").with(officer(office.agency()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"bookingCode\": \"" + otherOfficesBooking + "\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.type").value("urn:motcua:problem:unknown-booking"));
        mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/walk-ins").with(officer(office.agency()))
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.type").value("urn:motcua:problem:purpose-required"));
        // "Your turn is near" goes to the walk-in's number: one no phone has is refused at the desk, and no ticket is issued.
        long tickets = mongo.getCollection("tickets").countDocuments();
        Map<String, String> badWalkIns = Map.of("{\"purpose\": \"GUIDANCE\", \"phone\": \"2026-02-30\"}", "phone-invalid",
                "{\"purpose\": \"GUIDANCE\", \"phone\": \"\"}", "phone-invalid",
                "{\"purpose\": \"GUIDANCE\", \"citizenId\": \"../../x\"}", "citizen-id-invalid",
                "{\"purpose\": \"GUIDANCE\", \"citizenId\": \"\"}", "citizen-id-invalid",
                "{\"purpose\": 0}", "malformed-body");
        for (Map.Entry<String, String> bad : badWalkIns.entrySet()) {
            mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/walk-ins").with(officer(office.agency()))
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .contentType(MediaType.APPLICATION_JSON).content(bad.getKey()))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.type").value("urn:motcua:problem:" + bad.getValue()));
        }
        assertThat(mongo.getCollection("tickets").countDocuments()).isEqualTo(tickets);
        mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/walk-ins").with(officer(office.agency()))
                        .contentType(MediaType.APPLICATION_JSON).content(GUIDANCE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:idempotency-key-missing"));
        assertThat(mongo.getCollection("tickets").countDocuments()).isEqualTo(tickets);

        // Pressed again after a timeout: the same ticket, no second number holding a second seat.
        String key = UUID.randomUUID().toString();
        String number = JsonPath.read(mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/walk-ins")
                        .with(officer(office.agency())).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(GUIDANCE))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.number");
        mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/walk-ins").with(officer(office.agency())).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(GUIDANCE))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.number").value(number));
        assertThat(mongo.getCollection("tickets").countDocuments()).isEqualTo(tickets + 1);
        // The walk-in's Location is where the desk reads the ticket again; only the office's own staff do.
        String ticket = "/api/v1/offices/" + SMALL_OFFICE + "/tickets/" + number;
        mvc.perform(get(ticket).with(officer(office.agency()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(number)).andExpect(jsonPath("$.officeId").value(SMALL_OFFICE));
        mvc.perform(get(ticket).with(officer(AGENCY_JUSTICE))).andExpect(status().isForbidden());
        mvc.perform(get(ticket).with(citizen(BookingMother.newCitizenId()))).andExpect(status().isForbidden());
        mvc.perform(get(ticket)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/offices/" + SMALL_OFFICE + "/tickets/Z999").with(officer(office.agency())))
                .andExpect(status().isNotFound());
        // The visitor leaves, so the day's other tests find the room as they left it.
        mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/tickets/" + number + "/left").with(officer(office.agency())))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/offices/" + SMALL_OFFICE + "/counters/Q9/call-next").with(officer(office.agency())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/public/offices/NOPE/board")).andExpect(status().isNotFound());
    }
}
