package vn.motcua.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitHereIfFailed;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A province's peak hour in one stream of arrivals at {@code load.rate} per second, through the
 * gateway: people browsing the catalog (no token); the portal submitting for citizens and reading
 * back what it submitted, or attaching the scanned papers, or booking a counter visit; a citizen
 * reading their inbox and their dossiers, paying an intake fee at the provider (whose callback
 * completes it), or having the post collect a paper dossier (whose operator reports each stage);
 * one-stop officers reading their queue and taking in the papers of a dossier just submitted, and
 * at the office's desk numbering a walk-in, calling the next number to a counter and serving them.
 * The journeys are dealt from a seeded deck ({@link JourneyDeck}), so every run carries the same mix.
 */
public class ProvinceDaySimulation extends Simulation {
    /** @param share of a hundred arrivals */
    private record Journey(String name, int share, ChainBuilder steps) {
    }

    {
        List<Journey> mix = List.of(
                new Journey("public catalog read", 31, exec(Requests.catalogRead("public catalog read", null))),
                new Journey("submit and read back", 15, exec(Requests.submission(), exitHereIfFailed(), Requests.submittedDossier())),
                new Journey("submit and upload", 5, exec(Requests.submission(), exitHereIfFailed(), Journeys.uploads())),
                new Journey("inbox", 12, exec(Requests.inbox())),
                new Journey("own dossiers", 8, exec(Requests.ownDossiers())),
                new Journey("work queue", 8, exec(Requests.workQueue())),
                new Journey("submit and receive", 5, exec(Requests.submission(), exitHereIfFailed(), Requests.reception())),
                new Journey("booking", 5, exec(feed(Journeys.places()), Journeys.booking())),
                new Journey("pay online", 4, exec(Journeys.payOnline())),
                new Journey("pick-up followed", 3, exec(Journeys.pickupFollowed())),
                new Journey("counter visit", 4, exec(Journeys.counterVisit())));
        Map<String, Integer> shares = new LinkedHashMap<>();
        mix.forEach(journey -> shares.put(journey.name(), journey.share()));
        var day = scenario("province's day").feed(Requests.citizens()).feed(new JourneyDeck(shares, Settings.seed()))
                .doSwitch("#{" + JourneyDeck.KEY + "}").on(mix.stream().map(journey -> onCase(journey.name()).then(journey.steps()))
                        .toList());
        setUp(day.injectOpen(constantUsersPerSec(Settings.rate()).during(Settings.duration())))
                .protocols(Requests.protocol());
    }
}
