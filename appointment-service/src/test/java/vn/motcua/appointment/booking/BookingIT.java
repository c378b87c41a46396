package vn.motcua.appointment.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.appointment.BookingMother.handIn;
import static vn.motcua.appointment.BookingMother.handInFor;
import static vn.motcua.appointment.BookingMother.newCitizenId;
import static vn.motcua.appointment.BookingMother.newPhone;
import static vn.motcua.appointment.BookingMother.roomLimit;
import static vn.motcua.appointment.BookingMother.roster;
import static vn.motcua.appointment.ReferenceDataMother.COUNTER_PROCEDURE;
import static vn.motcua.appointment.ReferenceDataMother.OFFICE;
import static vn.motcua.appointment.ReferenceDataMother.ONLINE_PROCEDURE;
import static vn.motcua.appointment.ReferenceDataMother.URGENT_PROCEDURE;
import static vn.motcua.appointment.ReferenceDataMother.freshWeekday;
import static vn.motcua.testinfra.CallerMother.AGENCY_JUSTICE;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.chatBot;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.leader;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.ops;
import static vn.motcua.testinfra.CallerMother.portal;
import static vn.motcua.testinfra.CallerMother.withRoles;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.motcua.appointment.ReferenceDataMother;
import vn.motcua.appointment.offices.Office;
import vn.motcua.appointment.offices.Offices;
import vn.motcua.appointment.reference.ChannelPolicies;
import vn.motcua.appointment.reference.CounterResults;
import vn.motcua.appointment.reference.Procedures;
import vn.motcua.appointment.reference.WorkingDays;
import vn.motcua.events.appointment.BookingChannel;
import vn.motcua.events.dossier.Channel;
import vn.motcua.events.dossier.DossierResultReady;
import vn.motcua.events.dossier.DossierReturned;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.testinfra.AbandonedRequests;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.KafkaProbe;

@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class BookingIT {
    @Autowired
    MockMvc mvc;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    Procedures procedures;
    @Autowired
    ChannelPolicies policies;
    @Autowired
    CounterResults results;
    @Autowired
    BookingDesk desk;
    @Autowired
    Offices offices;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    BookingRepository bookings;
    @Autowired
    SlotLedger slotLedger;
    @Autowired
    HolderLimits holderLimits;
    @Autowired
    HolderSharesUpgrade upgrade;

    @BeforeEach
    void referenceData() {
        ReferenceDataMother.publish(workingDays, procedures);
    }

    @Test
    void citizensPortalsHotlineAndChatBotsBookAndTheChannelIsRecorded() throws Exception {
        LocalDate day = freshWeekday();
        String mine = newCitizenId();
        String code = bookingCode(book(citizen(mine), handIn(OFFICE, day, "08:00", COUNTER_PROCEDURE)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel").value("PORTAL")).andExpect(jsonPath("$.citizenId").value(mine))
                .andExpect(jsonPath("$.code").value(Matchers.matchesPattern("LH[A-Z2-9]{8}"))));
        book(portal(), handInFor(OFFICE, day, "08:00", COUNTER_PROCEDURE, newCitizenId(), null))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.channel").value("PORTAL"))
                .andExpect(jsonPath("$.bookedBy").value("portal-hanoi"));
        String caller = newPhone();
        book(officer(AGENCY_THUONG_TIN), handInFor(OFFICE, day, "08:30", COUNTER_PROCEDURE, null, "+84" + caller.substring(1)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.channel").value("HOTLINE"))
                .andExpect(jsonPath("$.phone").value(caller));
        book(chatBot(), handInFor(OFFICE, day, "09:00", COUNTER_PROCEDURE, null, newPhone()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.channel").value("CHAT_BOT"))
                .andExpect(jsonPath("$.bookedBy").value("zalo-oa-hanoi"));

        KafkaProbe.await("appointment.events", r -> r.key().equals("booking-" + code) && r.value().contains("\"PORTAL\""),
                Duration.ofSeconds(20));
        mvc.perform(get("/api/v1/bookings/" + code).with(citizen(mine))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/bookings").with(citizen(mine))).andExpect(jsonPath("$[0].code").value(code));
    }

    @Test
    void aRetryAfterTheProcessDiedBetweenStoringTheBookingAndAnsweringGetsThatBookingNotASecondPlace() throws Exception {
        LocalDate day = freshWeekday();
        String mine = newCitizenId();
        String key = UUID.randomUUID().toString();
        String body = handIn(OFFICE, day, "08:00", COUNTER_PROCEDURE);
        String first = bookingCode(book(citizen(mine), body, key));
        // As a kill -9 after the booking's insert leaves it: the key in progress, no answer recorded, its lease run out.
        AbandonedRequests.diedBeforeAnswering(mongo.getDb(), key);

        assertThat(bookingCode(book(citizen(mine), body, key))).isEqualTo(first);
        mvc.perform(get("/api/v1/bookings").with(citizen(mine))).andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void aRetryAfterTheProcessDiedHoldingThePlaceButBeforeStoringTheBookingBooksItOnce() throws Exception {
        LocalDate day = freshWeekday();
        String mine = newCitizenId();
        String key = UUID.randomUUID().toString();
        String body = handIn(OFFICE, day, "10:30", COUNTER_PROCEDURE);
        String first = bookingCode(book(citizen(mine), body, key));
        // As a kill -9 between taking the place and the holder's share and storing the booking leaves them.
        bookings.deleteById(first);
        AbandonedRequests.diedBeforeAnswering(mongo.getDb(), key);

        assertThat(bookingCode(book(citizen(mine), body, key))).as("the dead attempt's code, drawn again").isEqualTo(first);
        assertThat(desk.slotsOf(office(), day).slots().stream().filter(s -> s.start().toString().equals("10:30"))
                .findFirst().orElseThrow().booked()).as("one place taken, not two").isEqualTo(1);
        book(citizen(mine), handIn(OFFICE, freshWeekday(), "10:30", COUNTER_PROCEDURE)).andExpect(status().isCreated());
        assertThat(sharesOf("citizen:" + mine)).as("the holder's shares: this booking, and another day's").hasSize(2)
                .containsKey(first);
    }

    @Test
    void aBookingWhoseStorageFailsPartWayHoldsNoShareAndItsRetryWithTheSameKeyBooksIt() throws Exception {
        LocalDate day = freshWeekday();
        String mine = newCitizenId();
        String key = UUID.randomUUID().toString();
        String body = handIn(OFFICE, day, "09:00", COUNTER_PROCEDURE);
        // The database refuses the slot's write (its list of bookings is not a list) after the holder's share was taken.
        String slotId = OFFICE + "|" + day + "|09:00";
        mongo.insert(new Document("_id", slotId).append("officeId", OFFICE).append("date", day.toString()).append("start", "09:00")
                .append("booked", 0).append("bookings", "damaged"), SlotLedger.COLLECTION);

        problem(book(citizen(mine), body, key), 500, "internal-error");
        assertThat(sharesOf("citizen:" + mine)).as("the holder's share given back").isEmpty();

        mongo.updateFirst(Query.query(Criteria.where("_id").is(slotId)), Update.update("bookings", List.of()),
                SlotLedger.COLLECTION);
        String code = bookingCode(book(citizen(mine), body, key));
        assertThat(mongo.findById(slotId, Document.class, SlotLedger.COLLECTION).getList("bookings", String.class))
                .containsExactly(code);
    }

    @Test
    void whoMayNotBook() throws Exception {
        LocalDate day = freshWeekday();
        String body = handIn(OFFICE, day, "10:00", COUNTER_PROCEDURE);
        mvc.perform(post("/api/v1/bookings").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Idempotency-Key", UUID.randomUUID().toString()))
                .andExpect(status().isUnauthorized());
        book(citizen(newCitizenId()), handInFor(OFFICE, day, "10:00", COUNTER_PROCEDURE, newCitizenId(), null))
                .andExpect(status().isForbidden());
        book(portal("portal-hcm", "H79"), handInFor(OFFICE, day, "10:00", COUNTER_PROCEDURE, newCitizenId(), null))
                .andExpect(status().isForbidden());
        book(officer(AGENCY_JUSTICE), handInFor(OFFICE, day, "10:00", COUNTER_PROCEDURE, null, newPhone()))
                .andExpect(status().isForbidden());
        book(withRoles("postal1", "postal-operator"), body).andExpect(status().isForbidden());
        book(leader(AGENCY_THUONG_TIN), handInFor(OFFICE, day, "10:00", COUNTER_PROCEDURE, null, newPhone()))
                .andExpect(status().isForbidden());
        book(chatBot(), handInFor(OFFICE, day, "10:00", COUNTER_PROCEDURE, newCitizenId(), newPhone()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:chat-bot-books-by-phone"));
        book(portal(), handInFor(OFFICE, day, "10:00", COUNTER_PROCEDURE, null, null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:citizen-id-required"));
        mvc.perform(get("/api/v1/offices/" + OFFICE + "/slots").param("date", day.toString())
                .with(citizen(newCitizenId()))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/offices/" + OFFICE + "/slots").param("date", day.toString())).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/offices/" + OFFICE + "/bookings").param("date", day.toString()).with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isOk());
        for (RequestPostProcessor outsider : new RequestPostProcessor[] {citizen(newCitizenId()), officer(AGENCY_JUSTICE),
                portal(), chatBot()}) {
            mvc.perform(get("/api/v1/offices/" + OFFICE + "/bookings").param("date", day.toString()).with(outsider))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/bookings").with(officer(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        assertThat(desk.slotsOf(office(), day).slots().stream().filter(s -> s.start().toString().equals("10:00"))
                .findFirst().orElseThrow().booked()).isZero();
    }

    @Test
    void badBookingsAreRefusedClearlyAndChangeNothing() throws Exception {
        LocalDate day = freshWeekday();
        String who = newCitizenId();
        problem(book(citizen(who), handIn(OFFICE, LocalDate.now(ReferenceDataMother.HANOI).minusDays(1), "08:00",
                COUNTER_PROCEDURE)), 422, "slot-in-past");
        problem(book(citizen(who), handIn(OFFICE, day, "12:00", COUNTER_PROCEDURE)), 422, "outside-opening-hours");
        problem(book(citizen(who), handIn(OFFICE, day, "08:10", COUNTER_PROCEDURE)), 422, "outside-opening-hours");
        LocalDate sunday = day.plusDays(7 - day.getDayOfWeek().getValue());
        problem(book(citizen(who), handIn(OFFICE, sunday, "08:00", COUNTER_PROCEDURE)), 422, "office-closed");
        problem(book(citizen(who), handIn("NOPE", day, "08:00", COUNTER_PROCEDURE)), 422, "unknown-office");
        problem(book(citizen(who), handIn(OFFICE, day, "08:00", "9.999999")), 422, "unknown-procedure");
        problem(book(citizen(who), handIn(OFFICE, LocalDate.now(ReferenceDataMother.HANOI).plusDays(90), "08:00",
                COUNTER_PROCEDURE)), 422, "beyond-booking-horizon");
        problem(book(citizen(who), "{\"officeId\": \"" + OFFICE + "\"}"), 400, "booking-incomplete");
        problem(book(citizen(who), handInFor(OFFICE, day, "08:00", COUNTER_PROCEDURE, who, "12345")), 400, "phone-invalid");
        book(citizen(who), "{\"officeId\": ").andExpect(status().isBadRequest());
        book(citizen(who), handIn(OFFICE, day, "08:00", COUNTER_PROCEDURE).replace("HAND_IN", "PICNIC"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/bookings").with(citizen(who))).andExpect(jsonPath("$.length()").value(0));

        // The days those bookings were refused for are shown as a booking would find them: nothing to offer.
        slotsOf(LocalDate.now(ReferenceDataMother.HANOI).minusDays(1), who)
                .andExpect(jsonPath("$.notBookable").value("slot-in-past"))
                .andExpect(jsonPath("$.slots[*].bookable").value(Matchers.everyItem(Matchers.is(false))));
        slotsOf(LocalDate.now(ReferenceDataMother.HANOI).plusDays(90), who)
                .andExpect(jsonPath("$.notBookable").value("beyond-booking-horizon"))
                .andExpect(jsonPath("$.slots[*].bookable").value(Matchers.everyItem(Matchers.is(false))));
        slotsOf(sunday, who).andExpect(jsonPath("$.notBookable").value("office-closed"));
        slotsOf(day, who).andExpect(jsonPath("$.notBookable").doesNotExist())
                .andExpect(jsonPath("$.slots[*].bookable").value(Matchers.everyItem(Matchers.is(true))));
    }

    private ResultActions slotsOf(LocalDate day, String citizenId) throws Exception {
        return mvc.perform(get("/api/v1/offices/" + OFFICE + "/slots").param("date", day.toString()).with(citizen(citizenId)))
                .andExpect(status().isOk());
    }

    @Test
    void aFullSlotAnswers409WithTheNextFreeSlotsAndACancellationFreesThePlaceAtOnce() throws Exception {
        LocalDate day = freshWeekday();
        setPlaces(day, 9);
        String[] codes = new String[9];
        for (int i = 0; i < 9; i++) {
            codes[i] = bookingCode(book(citizen(newCitizenId()), handIn(OFFICE, day, "14:00", COUNTER_PROCEDURE))
                    .andExpect(status().isCreated()));
        }
        String late = newCitizenId();
        problem(book(citizen(late), handIn(OFFICE, day, "14:00", COUNTER_PROCEDURE)), 409, "slot-full")
                .andExpect(jsonPath("$.nextFreeSlots[0].date").value(day.toString()))
                .andExpect(jsonPath("$.nextFreeSlots[0].start").value("14:30"));
        slotsOf(day, late).andExpect(jsonPath("$.slots[?(@.start == '14:00')].bookable").value(Matchers.contains(false)))
                .andExpect(jsonPath("$.slots[?(@.start == '14:30')].bookable").value(Matchers.contains(true)));
        mvc.perform(post("/api/v1/bookings/" + codes[0] + "/cancel").with(citizen(late))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/bookings/" + codes[0]).with(citizen(late))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/bookings/" + codes[0] + "/cancel").with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
        book(citizen(late), handIn(OFFICE, day, "14:00", COUNTER_PROCEDURE)).andExpect(status().isCreated());
        KafkaProbe.await("appointment.events", r -> r.key().equals("booking-" + codes[0])
                && new String(r.headers().lastHeader("ce_type").value()).equals("AppointmentCancelled"), Duration.ofSeconds(20));
    }

    @Test
    void aCancelWhoseGivingBackFailsPartWayIsCompletedByItsRetryAndACancelRepeatedChangesNothing() throws Exception {
        LocalDate day = freshWeekday();
        String mine = newCitizenId();
        String code = bookingCode(book(citizen(mine), handIn(OFFICE, day, "10:00", COUNTER_PROCEDURE)));
        // The database refuses to give the holder's share back (its count is not a number) after the booking was stored cancelled.
        String holderId = "citizen:" + mine;
        mongo.updateFirst(Query.query(Criteria.where("_id").is(holderId)), Update.update("active", "damaged"), HolderLimits.COLLECTION);

        problem(mvc.perform(post("/api/v1/bookings/" + code + "/cancel").with(citizen(mine))), 500, "internal-error");
        assertThat(desk.byCode(code).orElseThrow().status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(sharesOf(holderId)).as("the share still held for a cancelled booking").containsOnlyKeys(code);

        mongo.updateFirst(Query.query(Criteria.where("_id").is(holderId)), Update.update("active", 1), HolderLimits.COLLECTION);
        mvc.perform(post("/api/v1/bookings/" + code + "/cancel").with(citizen(mine)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
        assertThat(sharesOf(holderId)).as("the share given back by the retry").isEmpty();
        assertThat(mongo.findById(holderId, Document.class, HolderLimits.COLLECTION).getInteger("active")).isZero();
        assertThat(mongo.findById(OFFICE + "|" + day + "|10:00", Document.class, SlotLedger.COLLECTION).getList("bookings", String.class))
                .doesNotContain(code);
        Long version = desk.byCode(code).orElseThrow().version();

        mvc.perform(post("/api/v1/bookings/" + code + "/cancel").with(citizen(mine)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
        assertThat(desk.byCode(code).orElseThrow().version()).as("a cancel repeated writes nothing").isEqualTo(version);
        book(citizen(mine), handIn(OFFICE, day, "10:00", COUNTER_PROCEDURE)).andExpect(status().isCreated());
    }

    @Test
    void aCitizenAndAPhoneNumberHoldAFewBookingsAndOnePerOfficeAndDay() throws Exception {
        String who = newCitizenId();
        LocalDate first = freshWeekday();
        LocalDate second = freshWeekday();
        LocalDate third = freshWeekday();
        LocalDate fourth = freshWeekday();
        book(citizen(who), handIn(OFFICE, first, "08:00", COUNTER_PROCEDURE)).andExpect(status().isCreated());
        problem(book(citizen(who), handIn(OFFICE, first, "09:00", COUNTER_PROCEDURE)), 409, "one-booking-per-office-day");
        book(citizen(who), handIn(OFFICE, second, "08:00", COUNTER_PROCEDURE)).andExpect(status().isCreated());
        String thirdCode = bookingCode(book(citizen(who), handIn(OFFICE, third, "08:00", COUNTER_PROCEDURE))
                .andExpect(status().isCreated()));
        problem(book(citizen(who), handIn(OFFICE, fourth, "08:00", COUNTER_PROCEDURE)), 409, "too-many-active-bookings");
        mvc.perform(post("/api/v1/bookings/" + thirdCode + "/cancel").with(citizen(who))).andExpect(status().isOk());
        book(citizen(who), handIn(OFFICE, fourth, "08:00", COUNTER_PROCEDURE)).andExpect(status().isCreated());

        String phone = newPhone();
        book(chatBot(), handInFor(OFFICE, first, "08:00", COUNTER_PROCEDURE, null, phone)).andExpect(status().isCreated());
        problem(book(officer(AGENCY_THUONG_TIN), handInFor(OFFICE, first, "10:00", COUNTER_PROCEDURE, null, phone)), 409,
                "one-booking-per-office-day");
    }

    @Test
    void reschedulingMovesThePlaceAndFreesTheOldOne() throws Exception {
        LocalDate day = freshWeekday();
        String who = newCitizenId();
        String code = bookingCode(book(citizen(who), handIn(OFFICE, day, "08:00", COUNTER_PROCEDURE)));
        reschedule(citizen(who), code, moveTo(freshWeekday(), "15:00"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.start").value("15:00"));
        assertThat(desk.slotsOf(office(), day).slots().get(1).booked()).isZero();
        book(citizen(who), handIn(OFFICE, day, "08:00", COUNTER_PROCEDURE)).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/bookings/" + code + "/reschedule").with(citizen(newCitizenId()))
                .contentType(MediaType.APPLICATION_JSON).content(moveTo(day, "09:00")))
                .andExpect(status().isNotFound());
        // Not theirs (or none): 404 whatever the body, not what it lacks.
        mvc.perform(post("/api/v1/bookings/" + code + "/reschedule").with(citizen(newCitizenId()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"date\": "))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.type").value("urn:motcua:problem:not-found"));
        mvc.perform(post("/api/v1/bookings/" + code + "/reschedule").with(officer(AGENCY_JUSTICE)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/bookings/LHZZZZZZZZ/reschedule").with(citizen(who)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/bookings/" + code + "/reschedule").with(citizen(who)))
                .andExpect(status().isBadRequest());
        KafkaProbe.await("appointment.events", r -> r.key().equals("booking-" + code)
                && new String(r.headers().lastHeader("ce_type").value()).equals("AppointmentRescheduled"), Duration.ofSeconds(20));
    }

    @Test
    void aMoveThatDiedBeforeGivingItsOldPlaceBackIsCompletedByItsRetry() throws Exception {
        LocalDate day = freshWeekday();
        LocalDate later = freshWeekday();
        String who = newCitizenId();
        String code = bookingCode(book(citizen(who), handIn(OFFICE, day, "08:00", COUNTER_PROCEDURE)));
        String oldSlot = OFFICE + "|" + day + "|08:00";
        String move = moveTo(later, "15:00");
        movedWithItsOldPlaceStillHeld(who, code, oldSlot, move);

        reschedule(citizen(who), code, move).andExpect(status().isOk()).andExpect(jsonPath("$.date").value(later.toString()))
                .andExpect(jsonPath("$.start").value("15:00"));
        Document left = mongo.findById(oldSlot, Document.class, SlotLedger.COLLECTION);
        assertThat(left.getList("bookings", String.class)).as("the old place given back by the retry").isEmpty();
        assertThat(left.getInteger("booked")).isZero();
        assertThat(mongo.findById(OFFICE + "|" + later + "|15:00", Document.class, SlotLedger.COLLECTION)
                .getList("bookings", String.class)).containsExactly(code);
        assertHeldOnlyAt("citizen:" + who, code, HolderLimits.officeDayOf(OFFICE, later));
        book(citizen(newCitizenId()), handIn(OFFICE, day, "08:00", COUNTER_PROCEDURE)).andExpect(status().isCreated());
    }

    @Test
    void aMoveBackIntoTheSlotLeftKeepsItsPlaceWhenTheEarlierMoveGivesTheOldOneBackLate() throws Exception {
        LocalDate day = freshWeekday();
        LocalDate later = freshWeekday();
        String who = newCitizenId();
        String code = bookingCode(book(citizen(who), handIn(OFFICE, day, "08:00", COUNTER_PROCEDURE)));
        String first = OFFICE + "|" + day + "|08:00";
        // The first move stores the booking in its new slot; its giving back of the old place is slow (refused here, for now).
        movedWithItsOldPlaceStillHeld(who, code, first, moveTo(later, "15:00"));
        Booking asTheFirstMoveStoredIt = desk.byCode(code).orElseThrow();

        // Meanwhile a second move takes the booking back to the slot it left.
        reschedule(citizen(who), code, moveTo(day, "08:00")).andExpect(status().isOk());
        // The first move's giving back of what it left comes now: the slot it left, and the places held outside its slot.
        desk.giveBackTheSlotLeft(asTheFirstMoveStoredIt);
        slotLedger.releaseStrays(code, SlotLedger.idOf(OFFICE, later, LocalTime.of(15, 0)), asTheFirstMoveStoredIt.version());

        assertThat(slotsHolding(code)).as("the booking counted in the slot it is in, and there only").containsExactly(first);
        assertThat(mongo.findById(first, Document.class, SlotLedger.COLLECTION).getInteger("booked")).isEqualTo(1);
        assertHeldOnlyAt("citizen:" + who, code, HolderLimits.officeDayOf(OFFICE, day));
    }

    @Test
    void movesOfOneBookingAtOnceLeaveItInOneSlotWithItsSharesOnItsDay() throws Exception {
        LocalDate day = freshWeekday();
        String who = newCitizenId();
        String phone = newPhone();
        String code = bookingCode(book(portal(), handInFor(OFFICE, day, "08:00", COUNTER_PROCEDURE, who, phone)));
        List<String> moves = new ArrayList<>();
        for (LocalDate to : List.of(day, freshWeekday(), freshWeekday())) {
            for (String start : List.of("14:00", "14:30", "15:00")) {
                moves.add(moveTo(to, start));
            }
        }

        // A double click, several tabs: every move sent at the same moment.
        assertThat(allAtOnce(code, moves)).as("each move stored or refused as a conflict").isSubsetOf(200, 409).contains(200);
        Booking stored = desk.byCode(code).orElseThrow();
        assertThat(slotsHolding(code)).as("the slots keeping a place for it")
                .containsExactly(SlotLedger.idOf(OFFICE, stored.date(), stored.start()));
        assertHeldOnlyAt("citizen:" + who, code, stored.officeDay());
        assertHeldOnlyAt("phone:" + phone, code, stored.officeDay());
    }

    @Test
    void theSameMoveSentSeveralTimesAtOnceIsAnsweredWithTheBookingEachTime() throws Exception {
        LocalDate day = freshWeekday();
        LocalDate later = freshWeekday();
        String who = newCitizenId();
        String code = bookingCode(book(portal(), handInFor(OFFICE, day, "10:00", COUNTER_PROCEDURE, who, null)));
        String move = moveTo(later, "16:00");

        assertThat(allAtOnce(code, List.of(move, move, move, move, move, move))).as("a double click's answers").containsOnly(200);
        assertThat(slotsHolding(code)).containsExactly(SlotLedger.idOf(OFFICE, later, LocalTime.of(16, 0)));
        assertHeldOnlyAt("citizen:" + who, code, HolderLimits.officeDayOf(OFFICE, later));
    }

    /** The statuses of the moves of a booking, each sent by the portal at the same moment. */
    private List<Integer> allAtOnce(String code, List<String> moves) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(moves.size());
        List<Future<Integer>> answers = new ArrayList<>();
        for (String move : moves) {
            answers.add(callers.submit(() -> {
                go.await();
                return reschedule(portal(), code, move).andReturn().getResponse().getStatus();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS));
        }
        callers.shutdown();
        return statuses;
    }

    private List<String> slotsHolding(String code) {
        return mongo.find(Query.query(Criteria.where("officeId").is(OFFICE).and("bookings").is(code)), Document.class,
                SlotLedger.COLLECTION).stream().map(slot -> slot.getString("_id")).toList();
    }

    @Test
    void aMoveThatDiedAfterTakingItsNewPlaceAndDayIsCompletedByItsRetry() throws Exception {
        LocalDate day = freshWeekday();
        LocalDate later = freshWeekday();
        String who = newCitizenId();
        String code = bookingCode(book(citizen(who), handIn(OFFICE, day, "09:30", COUNTER_PROCEDURE)));
        // As a kill -9 between taking the new place and the holder's new day and storing the booking moved leaves them.
        Booking booking = desk.byCode(code).orElseThrow();
        String laterDay = HolderLimits.officeDayOf(OFFICE, later);
        assertThat(slotLedger.claim(OFFICE, later, LocalTime.of(15, 30), 10, code)).isTrue();
        holderLimits.move(new BookingHolder(who, null, BookingChannel.PORTAL, "citizen"), code, booking.officeDay(), laterDay);

        reschedule(citizen(who), code, moveTo(later, "15:30")).andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value(later.toString())).andExpect(jsonPath("$.start").value("15:30"));
        assertThat(mongo.findById(SlotLedger.idOf(OFFICE, later, LocalTime.of(15, 30)), Document.class, SlotLedger.COLLECTION)
                .getList("bookings", String.class)).as("the place the dead move took, once").containsExactly(code);
        assertThat(mongo.findById(SlotLedger.idOf(OFFICE, day, LocalTime.of(9, 30)), Document.class, SlotLedger.COLLECTION)
                .getList("bookings", String.class)).as("the old place given back").isEmpty();
        assertHeldOnlyAt("citizen:" + who, code, laterDay);
    }

    @Test
    void aPlaceTakenByAMoveThatDiedIsGivenBackByADifferentMoveOrACancel() throws Exception {
        String who = newCitizenId();
        LocalDate day = freshWeekday();
        String code = bookingCode(book(citizen(who), handIn(OFFICE, day, "10:00", COUNTER_PROCEDURE)));
        LocalDate abandoned = freshWeekday();
        diedAfterTakingItsPlace(code, who, abandoned, "16:00");

        // The citizen chose another slot rather than sending the dead move again.
        LocalDate chosen = freshWeekday();
        reschedule(citizen(who), code, moveTo(chosen, "08:30")).andExpect(status().isOk());
        assertThat(slotsHolding(code)).as("the dead move's place given back").containsExactly(SlotLedger.idOf(OFFICE, chosen,
                LocalTime.of(8, 30)));
        assertHeldOnlyAt("citizen:" + who, code, HolderLimits.officeDayOf(OFFICE, chosen));

        LocalDate abandonedAgain = freshWeekday();
        diedAfterTakingItsPlace(code, who, abandonedAgain, "16:00");
        mvc.perform(post("/api/v1/bookings/" + code + "/cancel").with(citizen(who))).andExpect(status().isOk());
        assertThat(slotsHolding(code)).as("no place kept for a cancelled booking").isEmpty();
        assertThat(sharesOf("citizen:" + who)).isEmpty();
    }

    /**
     * A move stored, whose giving back of the old place the database refused (the slot's count not a
     * number): answered 500, the booking moved, the old place still held. The slot is mended after.
     */
    private void movedWithItsOldPlaceStillHeld(String who, String code, String oldSlot, String move) throws Exception {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(oldSlot)), Update.update("booked", "damaged"), SlotLedger.COLLECTION);
        problem(reschedule(citizen(who), code, move), 500, "internal-error");
        assertThat(desk.byCode(code).orElseThrow().moved()).isTrue();
        assertThat(mongo.findById(oldSlot, Document.class, SlotLedger.COLLECTION).getList("bookings", String.class))
                .as("the old place still held").containsExactly(code);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(oldSlot)), Update.update("booked", 1), SlotLedger.COLLECTION);
    }

    /** As a kill -9 between taking the new place and the holder's new day and storing the booking moved leaves them. */
    private void diedAfterTakingItsPlace(String code, String who, LocalDate to, String start) {
        Booking booking = desk.byCode(code).orElseThrow();
        assertThat(slotLedger.claimForMove(OFFICE, to, LocalTime.parse(start), 10, code, booking.version() + 1)).isTrue();
        holderLimits.move(new BookingHolder(who, null, BookingChannel.PORTAL, "citizen"), code, booking.officeDay(),
                HolderLimits.officeDayOf(OFFICE, to));
    }

    @Test
    void aMoveRefusedOnThePhonesDayLeavesBothSharesAndThePlacesAsTheyWere() throws Exception {
        LocalDate day = freshWeekday();
        LocalDate other = freshWeekday();
        String who = newCitizenId();
        String phone = newPhone();
        String code = bookingCode(book(portal(), handInFor(OFFICE, day, "10:30", COUNTER_PROCEDURE, who, phone)));
        String chatCode = bookingCode(book(chatBot(), handInFor(OFFICE, other, "08:00", COUNTER_PROCEDURE, null, phone)));

        problem(reschedule(portal(), code, moveTo(other, "11:00")), 409,
                "one-booking-per-office-day");
        String bookedDay = HolderLimits.officeDayOf(OFFICE, day);
        assertHeldOnlyAt("citizen:" + who, code, bookedDay);
        assertThat(sharesOf("phone:" + phone)).containsOnly(Map.entry(code, bookedDay),
                Map.entry(chatCode, HolderLimits.officeDayOf(OFFICE, other)));
        assertThat(desk.slotsOf(office(), other).slots().stream().filter(s -> s.start().equals(LocalTime.of(11, 0))).findFirst()
                .orElseThrow().booked()).as("the place the refused move took, given back").isZero();
        assertThat(desk.byCode(code).orElseThrow().date()).isEqualTo(day);
    }

    @Test
    void aHolderStoredInTheOldShapeIsRewrittenPerBookingAndItsShareGoesBack() throws Exception {
        LocalDate day = freshWeekday();
        String who = newCitizenId();
        String code = bookingCode(book(citizen(who), handIn(OFFICE, day, "11:00", COUNTER_PROCEDURE)));
        String holderId = "citizen:" + who;
        // As the service kept it before ADR 0040: codes and days in two lists, with the code of an attempt that died unstored.
        mongo.remove(Query.query(Criteria.where("_id").is(holderId)), HolderLimits.COLLECTION);
        mongo.insert(new Document("_id", holderId).append("active", 2).append("bookings", List.of(code, "LHDEAD2222"))
                .append("officeDays", List.of(HolderLimits.officeDayOf(OFFICE, day), HolderLimits.officeDayOf(OFFICE, day.plusDays(1)))),
                HolderLimits.COLLECTION);

        mongo.remove(Query.query(Criteria.where("_id").is(HolderSharesUpgrade.DONE)), HolderSharesUpgrade.UPGRADES);
        upgrade.run(null);
        assertHeldOnlyAt(holderId, code, HolderLimits.officeDayOf(OFFICE, day));
        assertThat(mongo.findById(holderId, Document.class, HolderLimits.COLLECTION)).doesNotContainKeys("bookings", "officeDays");
        mvc.perform(post("/api/v1/bookings/" + code + "/cancel").with(citizen(who))).andExpect(status().isOk());
        assertThat(sharesOf(holderId)).isEmpty();
        assertThat(mongo.findById(holderId, Document.class, HolderLimits.COLLECTION).getInteger("active")).isZero();

        // Recorded as done: a later start reads one document and scans no holder.
        String later = "citizen:" + newCitizenId();
        mongo.insert(new Document("_id", later).append("active", 0).append("bookings", List.of()), HolderLimits.COLLECTION);
        upgrade.run(null);
        assertThat(mongo.findById(later, Document.class, HolderLimits.COLLECTION)).containsKey("bookings");
    }

    private static String moveTo(LocalDate date, String start) {
        return "{\"date\": \"" + date + "\", \"start\": \"" + start + "\"}";
    }

    private ResultActions reschedule(RequestPostProcessor who, String code, String move) throws Exception {
        return mvc.perform(post("/api/v1/bookings/" + code + "/reschedule").with(who).contentType(MediaType.APPLICATION_JSON)
                .content(move));
    }

    @Test
    void underAnOnlineFirstPolicyAProcedureOnlineAtLevel4IsNotBookedForHandInButTheUrgentListIs() throws Exception {
        LocalDate day = freshWeekday();
        ReferenceDataMother.onlineFirstOn(day, policies);
        problem(book(citizen(newCitizenId()), handIn(OFFICE, day, "08:00", ONLINE_PROCEDURE)), 422, "online-first")
                .andExpect(jsonPath("$.submitOnline").value("/api/v1/dossiers"))
                .andExpect(jsonPath("$.submitByPost").value(true))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("public postal service")));
        book(citizen(newCitizenId()), handIn(OFFICE, day, "08:00", URGENT_PROCEDURE)).andExpect(status().isCreated());
        book(citizen(newCitizenId()), handIn(OFFICE, day, "08:00", COUNTER_PROCEDURE)).andExpect(status().isCreated());
        book(citizen(newCitizenId()), handIn(OFFICE, freshWeekday(), "08:00", ONLINE_PROCEDURE))
                .andExpect(status().isCreated());
    }

    @Test
    void aSmallerRosterListsTheBookingsBeyondTheNewPlacesForTheLeaderToMove() throws Exception {
        LocalDate day = freshWeekday();
        setPlaces(day, 9);
        String[] codes = new String[9];
        for (int i = 0; i < 9; i++) {
            codes[i] = bookingCode(book(citizen(newCitizenId()), handIn(OFFICE, day, "08:00", COUNTER_PROCEDURE)));
        }
        mvc.perform(put("/api/v1/offices/" + OFFICE + "/rosters/" + day).with(leader(AGENCY_THUONG_TIN))
                        .contentType(MediaType.APPLICATION_JSON).content(roster("officer1@Q1", "officer2@Q3")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.capacity.placesPerSlot").value(6))
                .andExpect(jsonPath("$.capacity.citizensInRoom").value(10));
        mvc.perform(get("/api/v1/offices/" + OFFICE + "/bookings-to-move").with(leader(AGENCY_THUONG_TIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.date == '" + day + "')].bookingCode")
                        .value(Matchers.containsInAnyOrder(codes[6], codes[7], codes[8])));
        mvc.perform(get("/api/v1/offices/" + OFFICE + "/slots").param("date", day.toString()).with(citizen(newCitizenId())))
                .andExpect(jsonPath("$.slots[1].start").value("08:00"))
                .andExpect(jsonPath("$.slots[1].places").value(6)).andExpect(jsonPath("$.slots[1].booked").value(9))
                .andExpect(jsonPath("$.slots[1].free").value(0));
        for (String code : codes) {
            mvc.perform(get("/api/v1/bookings/" + code).with(officer(AGENCY_THUONG_TIN)))
                    .andExpect(jsonPath("$.status").value("CONFIRMED"));
        }
        mvc.perform(get("/api/v1/offices/" + OFFICE + "/bookings-to-move").with(citizen(newCitizenId())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/offices/" + OFFICE + "/bookings-to-move").with(leader(AGENCY_JUSTICE)))
                .andExpect(status().isForbidden());
    }

    @Test
    void rostersAreSetByTheOfficesLeaderOnlyAndRoomLimitsByOps() throws Exception {
        LocalDate day = freshWeekday();
        String body = roster("officer1@Q1");
        for (RequestPostProcessor notLeader : new RequestPostProcessor[] {citizen(newCitizenId()), officer(AGENCY_THUONG_TIN),
                leader(AGENCY_JUSTICE), ops()}) {
            mvc.perform(put("/api/v1/offices/" + OFFICE + "/rosters/" + day).with(notLeader)
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        }
        mvc.perform(put("/api/v1/offices/" + OFFICE + "/rosters/" + day).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        problem(mvc.perform(put("/api/v1/offices/" + OFFICE + "/rosters/" + day).with(leader(AGENCY_THUONG_TIN))
                .contentType(MediaType.APPLICATION_JSON).content(roster("officer1@Q9"))), 422, "unknown-counter");
        problem(mvc.perform(put("/api/v1/offices/" + OFFICE + "/rosters/" + day).with(leader(AGENCY_THUONG_TIN))
                .contentType(MediaType.APPLICATION_JSON).content(roster("officer1@Q1", "officer1@Q2"))), 422, "roster-officer-twice");
        problem(mvc.perform(put("/api/v1/offices/" + OFFICE + "/rosters/" + LocalDate.now().minusDays(2))
                .with(leader(AGENCY_THUONG_TIN)).contentType(MediaType.APPLICATION_JSON).content(body)), 422, "day-in-past");
        mvc.perform(get("/api/v1/offices/" + OFFICE + "/rosters/" + day).with(citizen(newCitizenId())))
                .andExpect(status().isForbidden());

        String limit = roomLimit(OFFICE, 10, 10, day, day);
        for (RequestPostProcessor notOps : new RequestPostProcessor[] {citizen(newCitizenId()), leader(AGENCY_THUONG_TIN)}) {
            mvc.perform(post("/api/v1/room-limits").with(notOps).contentType(MediaType.APPLICATION_JSON).content(limit))
                    .andExpect(status().isForbidden());
        }
        problem(mvc.perform(post("/api/v1/room-limits").with(ops()).contentType(MediaType.APPLICATION_JSON)
                .content(roomLimit(OFFICE, 1, 10, day, day))), 422, "room-limit-out-of-range");
        problem(mvc.perform(post("/api/v1/room-limits").with(ops()).contentType(MediaType.APPLICATION_JSON)
                .content(roomLimit(OFFICE, 10, 10, day, day.minusDays(1)))), 422, "room-limit-window");
        // A year MongoDB's dates cannot hold is refused as the body is read, not failed on as a 500 when stored.
        problem(mvc.perform(post("/api/v1/room-limits").with(ops()).contentType(MediaType.APPLICATION_JSON)
                .content(roomLimit(OFFICE, 10, 20, LocalDate.MIN, day))), 400, "date-out-of-range")
                .andExpect(jsonPath("$.field").value("validFrom"));
        mvc.perform(get("/api/v1/offices/" + OFFICE + "/slots").param("date", LocalDate.MIN.toString()).with(citizen(newCitizenId())))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/room-limits").with(citizen(newCitizenId()))).andExpect(status().isForbidden());
        // Whoever may not publish is told so whatever it sent, not what a room limit lacks.
        mvc.perform(post("/api/v1/room-limits").with(officer(AGENCY_THUONG_TIN))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/bookings").with(ops())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/offices/" + OFFICE + "/bookings").with(citizen(newCitizenId())))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/offices/" + OFFICE + "/rosters/2026-13-01").with(officer(AGENCY_THUONG_TIN)))
                .andExpect(status().isForbidden());
        // A leader of another agency, or any leader naming an office that does not exist, is told so whatever was sent.
        mvc.perform(put("/api/v1/offices/" + OFFICE + "/rosters/2026-13-01").with(leader(AGENCY_JUSTICE))
                .contentType(MediaType.APPLICATION_JSON).content("{\"onDuty\": 7")).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/offices/" + OFFICE + "/rosters/" + day).with(leader(AGENCY_JUSTICE)))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/offices/NOPE/rosters/" + day).with(leader(AGENCY_THUONG_TIN))
                .contentType(MediaType.APPLICATION_JSON).content("[")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/room-limits").with(officer(AGENCY_THUONG_TIN)))
                .andExpect(jsonPath("$[?(@.id == 'HN-COVID-2020')].peopleInRoom").value(Matchers.hasItem(10)));

        // The publication's Location is where the limit is read again, by ops and staff and nobody else.
        LocalDate farOff = LocalDate.of(2099, 6, 1);
        String published = mvc.perform(post("/api/v1/room-limits").with(ops()).contentType(MediaType.APPLICATION_JSON)
                        .content(roomLimit(OFFICE, 12, 20, farOff, farOff)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        for (RequestPostProcessor reader : new RequestPostProcessor[] {ops(), officer(AGENCY_THUONG_TIN)}) {
            mvc.perform(get(published).with(reader)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.peopleInRoom").value(12)).andExpect(jsonPath("$.validFrom").value(farOff.toString()));
        }
        mvc.perform(get(published).with(citizen(newCitizenId()))).andExpect(status().isForbidden());
        mvc.perform(get(published)).andExpect(status().isUnauthorized());
        problem(mvc.perform(get("/api/v1/room-limits/no-such-limit").with(ops())), 404, "not-found");
    }

    @Test
    void aResultWaitingAtTheCounterIsBookedByItsApplicantAndTheBookingIsUsedWhenTheResultIsReturned() throws Exception {
        String owner = newCitizenId();
        String dossier = EventMother.newDossierCode();
        DossierSnapshot ready = new DossierSnapshot(dossier, COUNTER_PROCEDURE, AGENCY_THUONG_TIN, owner, 1,
                ResultDelivery.COUNTER, 9);
        KafkaProbe.send(EventMother.record(new DossierResultReady(ready, "leader1", LocalDate.now(), LocalDate.now(), Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> results.waiting(dossier).isPresent());
        String body = """
                {"officeId": "%s", "date": "%s", "start": "08:00", "purpose": "COLLECT_RESULT", "dossierCode": "%s"}"""
                .formatted(OFFICE, freshWeekday(), dossier);
        problem(book(citizen(newCitizenId()), body), 422, "no-result-waiting");
        problem(book(citizen(owner), body.replace("08:00", "08:30").replace(dossier, "000.00.00.H29-000000-0000")), 422,
                "no-result-waiting");
        String code = bookingCode(book(citizen(owner), body).andExpect(status().isCreated()));

        KafkaProbe.send(EventMother.record(new DossierReturned(new DossierSnapshot(dossier, COUNTER_PROCEDURE,
                AGENCY_THUONG_TIN, owner, 1, ResultDelivery.COUNTER, 10), "COUNTER", Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> desk.byCode(code).orElseThrow().status() == BookingStatus.USED);
        assertThat(results.waiting(dossier)).isEmpty();
    }

    @Test
    void aHandInBookingIsUsedWhenItsPaperDossierIsRegisteredAtTheCounter() throws Exception {
        String owner = newCitizenId();
        LocalDate day = freshWeekday();
        String code = bookingCode(book(citizen(owner), handIn(OFFICE, day, "16:00", COUNTER_PROCEDURE)));
        DossierSubmitted online = EventMother.dossierSubmitted(EventMother.newDossierCode(), owner, 0);
        DossierSnapshot atCounter = new DossierSnapshot(online.dossier().dossierCode(), COUNTER_PROCEDURE, AGENCY_THUONG_TIN,
                owner, Channel.IN_PERSON.code(), ResultDelivery.COUNTER, 1);
        Instant duringTheSlot = day.atTime(16, 5).atZone(ReferenceDataMother.HANOI).toInstant();
        ProducerRecord<String, String> registered = EventMother.record(new DossierSubmitted(atCounter, "Hòa giải", online.applicant(), null, List.of(),
                duringTheSlot));
        KafkaProbe.send(registered);
        KafkaProbe.send(registered);
        await().atMost(Duration.ofSeconds(20)).until(() -> desk.byCode(code).orElseThrow().status() == BookingStatus.USED);
        book(citizen(owner), handIn(OFFICE, day, "08:00", COUNTER_PROCEDURE)).andExpect(status().isCreated());
    }

    private void setPlaces(LocalDate day, int expected) throws Exception {
        mvc.perform(post("/api/v1/room-limits").with(ops()).contentType(MediaType.APPLICATION_JSON)
                .content(roomLimit(OFFICE, 12, 20, day, day))).andExpect(status().isCreated());
        mvc.perform(put("/api/v1/offices/" + OFFICE + "/rosters/" + day).with(leader(AGENCY_THUONG_TIN))
                        .contentType(MediaType.APPLICATION_JSON).content(roster("officer1@Q1", "officer2@Q2", "officer3@Q3")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.capacity.placesPerSlot").value(expected));
    }

    /** The holder's shares: booking code to the office day it holds. */
    private Map<String, Object> sharesOf(String holderId) {
        Document holder = mongo.findById(holderId, Document.class, HolderLimits.COLLECTION);
        Document held = holder == null ? null : holder.get(HolderLimits.HELD, Document.class);
        return held == null ? Map.of() : held;
    }

    /** One share, the booking's, on its day, and that day counted for it alone. */
    private void assertHeldOnlyAt(String holderId, String code, String officeDay) {
        Document holder = mongo.findById(holderId, Document.class, HolderLimits.COLLECTION);
        assertThat(sharesOf(holderId)).as("shares of " + holderId).containsExactly(Map.entry(code, officeDay));
        assertThat(holder.get(HolderLimits.DAYS, Document.class)).as("days of " + holderId)
                .containsExactly(Map.entry(officeDay, code));
        assertThat(holder.getInteger("active")).isEqualTo(1);
    }

    private Office office() {
        return offices.byId(OFFICE).orElseThrow();
    }

    private ResultActions book(RequestPostProcessor who, String body) throws Exception {
        return book(who, body, UUID.randomUUID().toString());
    }

    private ResultActions book(RequestPostProcessor who, String body, String idempotencyKey) throws Exception {
        MockHttpServletRequestBuilder request = post("/api/v1/bookings").with(who).contentType(MediaType.APPLICATION_JSON)
                .content(body).header("Idempotency-Key", idempotencyKey);
        return mvc.perform(request);
    }

    private static ResultActions problem(ResultActions result, int status, String slug) throws Exception {
        return result.andExpect(status().is(status)).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:" + slug));
    }

    private static String bookingCode(ResultActions result) throws Exception {
        String body = result.andReturn().getResponse().getContentAsString();
        assertThat(result.andReturn().getResponse().getStatus()).as(body).isEqualTo(201);
        return JsonPath.read(body, "$.code");
    }
}
