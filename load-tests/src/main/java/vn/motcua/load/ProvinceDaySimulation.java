package vn.motcua.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;

/**
 * A province's peak hour in one stream of arrivals at {@code load.rate} per second, through the
 * gateway: people browsing the catalog (no token), the portal submitting for citizens and reading
 * back what it submitted, a citizen reading their inbox and their list of dossiers, and one-stop
 * officers reading their queue and taking in the papers of a dossier just submitted.
 */
public class ProvinceDaySimulation extends Simulation {
    {
        var day = scenario("province's day").feed(Requests.citizens()).exec(randomSwitch().on(
                percent(40).then(Requests.catalogRead("public catalog read", null)),
                percent(20).then(Requests.submission(), Requests.submittedDossier()),
                percent(15).then(Requests.inbox()),
                percent(10).then(Requests.ownDossiers()),
                percent(10).then(Requests.workQueue()),
                percent(5).then(Requests.submission(), Requests.reception())));
        setUp(day.injectOpen(constantUsersPerSec(Settings.rate()).during(Settings.duration())))
                .protocols(Requests.protocol());
    }
}
