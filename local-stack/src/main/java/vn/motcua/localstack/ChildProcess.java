package vn.motcua.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** A server started as a child process, its output in a log file, stopped with its descendants. */
final class ChildProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path logDir) {
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(environment);
            return new ChildProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** Runs a command to completion (e.g. formatting Kafka's storage); fails on a non-zero exit. */
    static void run(String name, List<String> command, Path logDir) {
        run(name, command, Map.of(), logDir, Duration.ofMinutes(2));
    }

    static void run(String name, List<String> command, Map<String, String> environment, Path logDir, Duration within) {
        ChildProcess child = start(name, command, environment, logDir);
        try {
            if (!child.process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                child.close();
                throw new IllegalStateException(name + " did not finish within " + within + "; see " + child.log);
            }
            if (child.process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed; see " + child.log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long memoryKiB() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .mapToLong(handle -> Rss.ofPid(handle.pid())).sum();
    }

    /** CPU time spent so far by the process and its descendants (kc.sh runs a JVM of its own). */
    Duration cpuTime() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .map(handle -> handle.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** CPU time its JIT compilers spent so far, descendants included. */
    Duration compilerCpuTime() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .map(handle -> CompilerCpu.ofPid(handle.pid()))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** Ends it as a crash would: SIGKILL to it and its descendants, nothing flushed; returns once they are gone. */
    void kill() {
        end(ProcessHandle::destroyForcibly, handle -> {
            throw new IllegalStateException(name + " (pid " + handle.pid() + ") outlived SIGKILL");
        });
    }

    /** Asks politely (SIGTERM), then insists; descendants too (kc.sh starts a JVM of its own). */
    @Override
    public void close() {
        end(ProcessHandle::destroy, ProcessHandle::destroyForcibly);
    }

    /** Signals the process and its descendants, waits up to 30 s for each, and handles the ones still there. */
    private void end(Consumer<ProcessHandle> signal, Consumer<ProcessHandle> stillAlive) {
        List<ProcessHandle> all = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        all.forEach(signal);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception notYet) {
                stillAlive.accept(handle);
            }
        }
    }
}
