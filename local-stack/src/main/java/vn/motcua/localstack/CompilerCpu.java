package vn.motcua.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * CPU spent by a JVM's JIT compiler threads, read from /proc where there is one (zero elsewhere):
 * the share of a benchmark's CPU that is the JVM still compiling rather than the platform working.
 */
final class CompilerCpu {
    /** Linux reports thread times in clock ticks of 1/100 s on every architecture the stack runs on. */
    private static final long MILLIS_PER_TICK = 10;

    private CompilerCpu() {
    }

    static Duration ofPid(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return Duration.ofMillis(threads.filter(CompilerCpu::isCompiler).mapToLong(CompilerCpu::ticks).sum() * MILLIS_PER_TICK);
        } catch (IOException | RuntimeException unavailable) {
            return Duration.ZERO;
        }
    }

    /** HotSpot names them "C1 CompilerThread0", "C2 CompilerThread1"…, cut to 15 characters by the kernel. */
    private static boolean isCompiler(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).contains("CompilerThre");
        } catch (IOException gone) {
            return false;
        }
    }

    /** utime + stime: fields 14 and 15 of stat, counted after the command name's closing parenthesis. */
    private static long ticks(Path thread) {
        try {
            String stat = Files.readString(thread.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
