package vn.motcua.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exitHereIfFailed;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;

/**
 * A province's peak hour in one stream of arrivals at {@code load.rate} per second, through the
 * gateway: people browsing the catalog (no token); the portal submitting for citizens and reading
 * back what it submitted, or attaching the scanned papers, or booking a counter visit; a citizen
 * reading their inbox and their dossiers, paying an intake fee at the provider (whose callback
 * completes it), or having the post collect a paper dossier (whose operator reports each stage);
 * one-stop officers reading their queue and taking in the papers of a dossier just submitted, and
 * at the office's desk numbering a walk-in, calling the next number to a counter and serving them.
 */
public class ProvinceDaySimulation extends Simulation {
    {
        var day = scenario("province's day").feed(Requests.citizens()).exec(randomSwitch().on(
                percent(31).then(Requests.catalogRead("public catalog read", null)),
                percent(15).then(Requests.submission(), exitHereIfFailed(), Requests.submittedDossier()),
                percent(5).then(Requests.submission(), exitHereIfFailed(), Journeys.uploads()),
                percent(12).then(Requests.inbox()),
                percent(8).then(Requests.ownDossiers()),
                percent(8).then(Requests.workQueue()),
                percent(5).then(Requests.submission(), exitHereIfFailed(), Requests.reception()),
                percent(5).then(feed(Journeys.places()), Journeys.booking()),
                percent(4).then(Journeys.payOnline()),
                percent(3).then(Journeys.pickupFollowed()),
                percent(4).then(Journeys.counterVisit())));
        setUp(day.injectOpen(constantUsersPerSec(Settings.rate()).during(Settings.duration())))
                .protocols(Requests.protocol());
    }
}
