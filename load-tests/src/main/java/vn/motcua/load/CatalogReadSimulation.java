package vn.motcua.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Catalog reads, two ways. Without {@code load.rate}: as many as {@code load.connections} clients
 * can send one after another (closed model), the throughput the path allows, for the
 * gateway/direct/nginx ratios. With it: that many reads a second (open model) at a load the cores
 * carry with room to spare, so the latency a proxy adds is its own work and not a queue for the CPU.
 */
public class CatalogReadSimulation extends Simulation {
    {
        ScenarioBuilder catalog = scenario("catalog").exec(Requests.catalogRead("catalog read", Settings.citizenToken()));
        double rate = Double.parseDouble(System.getProperty("load.rate", "0"));
        PopulationBuilder population = rate > 0
                ? catalog.injectOpen(constantUsersPerSec(rate).during(Settings.duration()))
                : catalog.injectClosed(constantConcurrentUsers(Settings.connections()).during(Settings.duration()));
        setUp(population).protocols(Requests.protocol());
    }
}
