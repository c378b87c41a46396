package vn.motcua.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code load.bookings} booking requests arriving at once from the province's portal (each for a
 * citizen of its own, to hand in a dossier of {@code load.booking-procedure}), for the slots listed in {@code load.slots} ("date@start,..." one entry per place
 * wanted; a single entry repeated is 500-way contention on one slot). Confirmed bookings are OK,
 * refusals (409 full) KO: the launcher compares the OKs with the slot's places.
 */
public class BookingSimulation extends Simulation {
    {
        String[] slots = System.getProperty("load.slots", "").split(",");
        int bookings = Integer.getInteger("load.bookings", 500);
        String office = System.getProperty("load.office", "TT-HUYEN");
        Iterator<Map<String, Object>> places = Stream.iterate(0, i -> i + 1).map(i -> {
            String[] slot = slots[i % slots.length].split("@");
            return Map.<String, Object>of("date", slot[0], "start", slot[1], "citizenId", "0010" + Requests.digits(8));
        }).iterator();
        var booking = http("book").post("/api/v1/bookings").header("Authorization", "Bearer " + Settings.portalToken())
                .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                .body(StringBody("""
                        {"officeId": "%s", "date": "#{date}", "start": "#{start}", "purpose": "HAND_IN",
                         "procedureCode": "%s", "citizenId": "#{citizenId}"}"""
                        .formatted(office, System.getProperty("load.booking-procedure", "2.000016")))).asJson().check(status().is(201));
        setUp(scenario("bookings").feed(places).exec(booking).injectOpen(atOnceUsers(bookings))).protocols(Requests.protocol());
    }
}
