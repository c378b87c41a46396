package vn.motcua.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;

/**
 * As many catalog reads as {@code load.connections} clients can send one after another (closed
 * model): the throughput the path allows, for the gateway/direct/nginx ratios.
 */
public class CatalogReadSimulation extends Simulation {
    {
        setUp(scenario("catalog").exec(Requests.catalogRead("catalog read", Settings.citizenToken()))
                .injectClosed(constantConcurrentUsers(Settings.connections()).during(Settings.duration())))
                .protocols(Requests.protocol());
    }
}
