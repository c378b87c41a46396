package vn.motcua.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;

/**
 * One client sending at {@code load.rate}, faster than the limit configured for it: the requests
 * answered 200 count as OK, those refused (429) as KO; the launcher compares the 200s per second
 * with the configured limit.
 */
public class RateLimitSimulation extends Simulation {
    {
        setUp(scenario("rate limit").exec(Requests.catalogRead("limited client's read", System.getProperty("load.limited-token")))
                .injectOpen(constantUsersPerSec(Settings.rate()).during(Settings.duration())))
                .protocols(Requests.protocol());
    }
}
