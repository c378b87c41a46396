package vn.motcua.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CompilerCpuTest {

    @Test
    void aRunningJvmsCompilersHaveSpentSomeOfItsCpuAndNoMore() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "thread times are read from /proc (Linux)");
        ProcessHandle self = ProcessHandle.current();

        Duration compilers = CompilerCpu.ofPid(self.pid());

        // This JVM has compiled Maven's and JUnit's code by now; its compilers are a part of its whole CPU.
        assertThat(compilers).isPositive();
        assertThat(compilers).isLessThanOrEqualTo(self.info().totalCpuDuration().orElseThrow().plusMillis(10));
    }

    @Test
    void aProcessThatIsNotThereHasSpentNothing() {
        assertThat(CompilerCpu.ofPid(Long.MAX_VALUE)).isZero();
    }
}
