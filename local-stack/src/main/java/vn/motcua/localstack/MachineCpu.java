package vn.motcua.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU, read from the first line of /proc/stat where there is one: whether a
 * round had cores to spare, whatever spent them (the load generator's JVM too, which is not a child
 * of the stack). Two looks give the share of the machine's time that was busy between them.
 *
 * @param busy clock ticks spent working (user, nice, system, irq, softirq, steal)
 * @param total every tick of every core, idle and waiting for I/O included
 */
record MachineCpu(long busy, long total) {
    static final MachineCpu UNKNOWN = new MachineCpu(0, 0);

    static MachineCpu now() {
        try {
            return parse(Files.readAllLines(Path.of("/proc/stat")).getFirst());
        } catch (IOException | RuntimeException unavailable) {
            return UNKNOWN;
        }
    }

    /** {@code cpu  user nice system idle iowait irq softirq steal guest guest_nice}; guest time is inside user already. */
    static MachineCpu parse(String line) {
        String[] fields = line.trim().split("\\s+");
        if (!"cpu".equals(fields[0]) || fields.length < 9) {
            throw new IllegalArgumentException("Not the machine's CPU line of /proc/stat: " + line);
        }
        long[] ticks = new long[8];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = Long.parseLong(fields[i + 1]);
        }
        long idle = ticks[3] + ticks[4];
        long busy = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6] + ticks[7];
        return new MachineCpu(busy, busy + idle);
    }

    /** @return the busy share of the machine's time since {@code before}, 0 to 1; -1 where /proc/stat cannot be read */
    double busySince(MachineCpu before) {
        long elapsed = total - before.total;
        return this == UNKNOWN || before == UNKNOWN || elapsed <= 0 ? -1 : (busy - before.busy) / (double) elapsed;
    }
}
