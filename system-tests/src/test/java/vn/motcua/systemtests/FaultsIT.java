package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.localstack.FaultHarness;
import vn.motcua.localstack.LocalStack;
import vn.motcua.localstack.WorkFiles;

/**
 * The fault harness's short version (issue 16): one cycle in which a service, the broker and the
 * database are each killed with SIGKILL under a steady load and started again; no acknowledged
 * submission may lose or repeat an effect, neither then nor after every consumer re-read every
 * topic from offset 0 in a fresh consumer group; no acknowledged booking made beside them may lose its
 * place, its shares or its message, and no place or share may be kept for a booking that does not
 * exist; poison planted on every partition meanwhile is
 * parked by each service that reads it, and the partitions keep flowing; obligations cut short for
 * real dossiers are corrected by ops and re-driven under the load, each applied once. The full run is {@code ./motcua faults}. A stack of its
 * own (the database in a process of its own, so that it can be killed), not the shared one.
 */
class FaultsIT {
    @Test
    void killingTheDossierServiceTheBrokerAndTheDatabaseUnderLoadWithPoisonThenReplayingEveryTopicLosesAndRepeatsNothing() throws Exception {
        Path project = Path.of(System.getProperty("motcua.project.dir", "..")).toAbsolutePath().normalize();
        Path data = project.resolve(".motcua").resolve("faults-it");
        WorkFiles.deleteRecursively(data);
        FaultHarness.Settings settings = new FaultHarness.Settings(1, List.of("dossier-service", "kafka", "mongo"), 3,
                Duration.ofSeconds(10), true);
        FaultHarness.Report report;
        try (LocalStack stack = LocalStack.start(FaultHarness.forFaults(project, data))) {
            report = new FaultHarness(stack, settings, System.out).run();
        }

        assertThat(report.recoveries()).hasSize(3);
        assertThat(report.effects()).allSatisfy(row -> assertThat(row.lost()).as(row.kind() + " lost").isZero());
        assertThat(report.effects()).filteredOn(row -> row.kind().startsWith("dossier"))
                .allSatisfy(row -> assertThat(row.acknowledged()).as("submissions acknowledged").isGreaterThan(50));
        assertThat(report.effects()).filteredOn(row -> row.kind().startsWith("booking")).hasSize(4)
                .allSatisfy(row -> assertThat(row.acknowledged()).as("bookings acknowledged").isGreaterThan(15));
        assertThat(report.effects()).filteredOn(row -> !row.atLeastOnce())
                .allSatisfy(row -> assertThat(row.duplicated()).as(row.kind() + " duplicated").isZero());
        assertThat(report.afterReplay()).as("after replaying every topic from offset 0 into fresh consumer groups")
                .isNotEmpty().allSatisfy(row -> assertThat(row.clean()).as(row.toString()).isTrue());
        assertThat(report.replayDrain()).as("the fresh groups read everything").isNotNull();
        assertThat(report.poisonPlanted()).as("a poison record on every partition").isGreaterThanOrEqualTo(3);
        assertThat(report.poisonParked()).as("each reader parked every poison record")
                .allSatisfy((service, parked) -> assertThat(parked).as(service).isEqualTo(report.poisonPlanted()));
        assertThat(report.correctedPoison().planted()).as("obligations cut short for real dossiers").isPositive();
        assertThat(report.correctedPoison().complete()).as("each parked, corrected by ops and applied by its re-drive: "
                + report.correctedPoison()).isTrue();
        assertThat(report.effects()).filteredOn(row -> row.kind().contains("obligation")).singleElement()
                .satisfies(row -> assertThat(row.found()).isEqualTo(report.correctedPoison().planted()));
        assertThat(report.unanswered()).as("submissions and bookings never answered 201").isZero();
        assertThat(report.refused()).as("submissions and bookings refused").isEmpty();
        assertThat(report.recoveries()).allSatisfy(r -> assertThat(r.lagZeroAfter()).as(r.component() + ": consumers caught up").isNotNull());
        assertThat(report.finalDrain()).as("consumers caught up after the load").isNotNull();
    }
}
