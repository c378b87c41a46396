package vn.motcua.simulators.postal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostalOperatorSimulatorTest {

    @Test
    void dossiersAndOriginalsAreCollectedForTheAgencyAndResultsAndOriginalsGoingBackGoToTheDoor() {
        assertThat(PostalOperatorSimulator.toTheAgency("DOSSIER_PICKUP")).isTrue();
        assertThat(PostalOperatorSimulator.toTheAgency("PAPER_ORIGINALS")).isTrue();
        assertThat(PostalOperatorSimulator.toTheAgency("RESULT_RETURN")).isFalse();
        assertThat(PostalOperatorSimulator.toTheAgency("RESULT_DELIVERY")).as("a result's kind in the platform's list").isFalse();
        assertThat(PostalOperatorSimulator.toTheAgency("ORIGINALS_RETURN")).isFalse();
    }
}
