package vn.motcua.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * Submissions arriving at {@code load.rate} per second for {@code load.seconds}, at whatever
 * {@code load.url} is; after a ramp of {@code load.ramp-seconds} from one a second when one is asked
 * (a warm-up: a cold JVM met at full rate falls behind an open model's arrivals and never catches up).
 */
public class IntakeSimulation extends Simulation {
    {
        List<OpenInjectionStep> arrivals = new ArrayList<>();
        long ramp = Long.getLong("load.ramp-seconds", 0);
        if (ramp > 0) {
            arrivals.add(rampUsersPerSec(1).to(Settings.rate()).during(ramp));
        }
        arrivals.add(constantUsersPerSec(Settings.rate()).during(Settings.duration()));
        setUp(scenario("intake").feed(Requests.citizens()).exec(Requests.submission()).injectOpen(arrivals)).protocols(Requests.protocol());
    }
}
