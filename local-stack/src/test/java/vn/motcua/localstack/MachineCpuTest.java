package vn.motcua.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MachineCpuTest {
    @Test
    void theBusyShareCountsWorkAgainstEveryTickIdleAndIoWaitIncluded() {
        MachineCpu before = MachineCpu.parse("cpu  1000 0 500 8000 100 10 20 0 0 0");
        // 300 user + 50 nice + 100 system + 20 irq + 30 softirq = 500 busy; 400 idle + 100 iowait = 500 not.
        MachineCpu after = MachineCpu.parse("cpu  1300 50 600 8400 200 30 50 0 0 0");

        assertThat(after.busySince(before)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void stolenTicksAreBusyForTheMachineBeingMeasured() {
        MachineCpu before = MachineCpu.parse("cpu 0 0 0 0 0 0 0 0");
        MachineCpu after = MachineCpu.parse("cpu 100 0 0 100 0 0 0 200");

        assertThat(after.busySince(before)).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void aMachineWithoutProcStatReportsNoShareRatherThanAWrongOne() {
        assertThat(MachineCpu.parse("cpu 10 0 0 10 0 0 0 0").busySince(MachineCpu.UNKNOWN)).isEqualTo(-1);
        assertThatThrownBy(() -> MachineCpu.parse("cpu0 10 0 0 10 0 0 0 0")).isInstanceOf(IllegalArgumentException.class);
    }
}
