package vn.motcua.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;

/**
 * {@code load.bookings} booking requests arriving at once from the province's portal (each for a
 * citizen of its own, to hand in a dossier of {@code load.booking-procedure}), for the places listed
 * in {@code load.slots} ("date@start,..." one entry per place wanted; a single entry repeated is
 * 500-way contention on one slot). Confirmed bookings are OK, refusals (409 full) KO: the launcher
 * compares the OKs with the slot's places.
 */
public class BookingSimulation extends Simulation {
    {
        setUp(scenario("bookings").feed(Journeys.places()).exec(Journeys.booking())
                .injectOpen(atOnceUsers(Integer.getInteger("load.bookings", 500)))).protocols(Requests.protocol());
    }
}
