package org.childalert.benchmarks.fanout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPU time the processes that do a fan-out's work spent, read from /proc/[pid]/stat (user + system) before
 * and after, so that measuring changes nothing in them: notification-service, the PostgreSQL backends connected to
 * the run's own database (the service's pool; the benchmark's own connection excluded), and RabbitMQ's Erlang VM
 * ({@code beam.smp}: the whole broker, whatever vhost, so other work on the machine counts in it too).
 */
final class ProcessCpu {

    /** One group of processes: a label and how to find their ids now. */
    interface Group {
        String label();

        Set<Long> pids() throws IOException, SQLException;
    }

    private final int clockTicksPerSecond;
    private final Map<Group, Map<Long, Double>> before = new LinkedHashMap<>();

    ProcessCpu(int clockTicksPerSecond) {
        this.clockTicksPerSecond = clockTicksPerSecond;
    }

    /** Notes each group's CPU time now. */
    void start(Iterable<Group> groups) throws IOException, SQLException {
        for (Group group : groups) {
            before.put(group, cpuOf(group.pids()));
        }
    }

    /**
     * Each group's CPU seconds since {@link #start}, in the order started: a process that appeared since counts
     * from zero; one that ended since is lost (the service's pool keeps its connections, the broker runs on).
     */
    Map<String, Double> since() throws IOException, SQLException {
        Map<String, Double> spent = new LinkedHashMap<>();
        for (Map.Entry<Group, Map<Long, Double>> entry : before.entrySet()) {
            Map<Long, Double> now = cpuOf(entry.getKey().pids());
            double seconds = 0;
            for (Map.Entry<Long, Double> process : now.entrySet()) {
                seconds += process.getValue() - entry.getValue().getOrDefault(process.getKey(), 0.0);
            }
            spent.put(entry.getKey().label(), seconds);
        }
        return spent;
    }

    private Map<Long, Double> cpuOf(Set<Long> pids) {
        Map<Long, Double> cpu = new HashMap<>();
        for (long pid : pids) {
            cpuSeconds(pid).ifPresent(seconds -> cpu.put(pid, seconds));
        }
        return cpu;
    }

    /** User + system CPU seconds of one process; empty when it is gone or unreadable. */
    OptionalDouble cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.US_ASCII);
            return OptionalDouble.of(parse(stat, clockTicksPerSecond));
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    /** utime + stime of a /proc/[pid]/stat line, in seconds. */
    static double parse(String stat, int clockTicksPerSecond) {
        // the command name (field 2) is in parentheses and may hold spaces: count the fields after its end
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) clockTicksPerSecond;
    }

    /** The ids of the running processes whose command line contains {@code text}. */
    static Set<Long> processesRunning(String text) {
        Set<Long> pids = new TreeSet<>();
        ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(text)).orElse(false)
                        || process.info().command().map(command -> command.contains(text)).orElse(false))
                .forEach(process -> pids.add(process.pid()));
        return pids;
    }
}
