package io.smartrouter.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A JVM the launcher runs: output appended to a log file, stopped gracefully (SIGTERM) or killed (SIGKILL). */
final class ChildProcess {

    private static final Duration GRACE = Duration.ofSeconds(20);

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    ChildProcess(String name, List<String> command, Map<String, String> environment, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    static List<String> java(List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(arguments);
        return command;
    }

    synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** SIGTERM, then SIGKILL if it has not exited within the grace period. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL: a crash, for crash tests. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the process to exit on its own; true when it did, with exit code 0. */
    boolean waitFor(Duration timeout) {
        Process started;
        synchronized (this) {
            started = process;
        }
        try {
            return started != null && started.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) && started.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    synchronized Optional<Long> pid() {
        return isRunning() ? Optional.of(process.pid()) : Optional.empty();
    }

    /** Resident memory in KiB from /proc (Linux), when known. */
    Optional<Long> residentKib() {
        return pid().flatMap(pid -> {
            try {
                return Files.readAllLines(Path.of("/proc", pid.toString(), "status")).stream()
                        .filter(line -> line.startsWith("VmRSS:"))
                        .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                        .findFirst();
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** The last lines of the log, to explain a failed start. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
