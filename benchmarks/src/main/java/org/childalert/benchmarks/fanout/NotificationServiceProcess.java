package org.childalert.benchmarks.fanout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.childalert.benchmarks.ceilings.FakeProcess;

/**
 * notification-service as built from this checkout, run as bin/stack runs it ({@code java -Xmx384m -jar}) but on
 * the benchmark's own port, database, vhost and fakes, given as command-line properties. Its figures come from
 * outside the JVM, so that measuring changes nothing in it: CPU time from /proc/[pid]/stat, peak resident memory
 * from /proc/[pid]/status (VmHWM), the heap from its GC log ({@code -Xlog:gc}).
 */
final class NotificationServiceProcess {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Pattern HEAP_CHANGE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private final Process process;
    private final Path log;
    private final Path gcLog;
    private final int clockTicksPerSecond;

    private NotificationServiceProcess(Process process, Path log, Path gcLog, int clockTicksPerSecond) {
        this.process = process;
        this.log = log;
        this.gcLog = gcLog;
        this.clockTicksPerSecond = clockTicksPerSecond;
    }

    /**
     * Starts the service and waits until its health is UP (database, broker, mail server). {@code name} tells the
     * starts of one run apart: each has its own log and GC log.
     */
    static NotificationServiceProcess start(FanOutSettings settings, String name) throws IOException,
            InterruptedException {
        if (FakeProcess.accepts(settings.servicePort())) {
            throw new IllegalStateException("port " + settings.servicePort() + " is already taken on 127.0.0.1");
        }
        if (FakeProcess.accepts(settings.managementPort())) {
            throw new IllegalStateException("port " + settings.managementPort() + " is already taken on 127.0.0.1");
        }
        Path log = settings.workDirectory().resolve(name + ".log");
        Path gcLog = settings.workDirectory().resolve(name + "-gc.log");
        Files.deleteIfExists(gcLog);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(settings.serviceJavaOptions().trim().split("\\s+")));
        command.add("-Xlog:gc:file=" + gcLog);
        command.addAll(List.of("-jar", settings.serviceJar().toString(),
                // dev: the committed development settings (the service refuses them outside dev)
                "--spring.profiles.active=dev",
                "--server.port=" + settings.servicePort(),
                // a management port of the run's own: the stack's notification-service has 127.0.0.1:9083
                "--management.server.port=" + settings.managementPort(),
                "--management.server.address=127.0.0.1",
                "--spring.datasource.url=" + settings.jdbcUrl(),
                "--spring.rabbitmq.host=" + settings.amqpHost(),
                "--spring.rabbitmq.port=" + settings.amqpPort(),
                "--spring.rabbitmq.virtual-host=" + settings.amqpVirtualHost(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + settings.smtpPort(),
                // the SDK's requests go to the fake; "localhost", as the brief says the rewritten URL needs
                "--childalert.twilio.api-base-url=http://localhost:" + settings.twilioPort()));
        if (settings.sendingLease() != null) {
            command.add("--childalert.delivery.sending-lease=" + settings.sendingLease().toSeconds() + "s");
        }
        Files.createDirectories(settings.workDirectory());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        NotificationServiceProcess service = new NotificationServiceProcess(process, log, gcLog,
                settings.clockTicksPerSecond());
        service.awaitHealthy(URI.create("http://127.0.0.1:" + settings.managementPort() + "/actuator/health"));
        return service;
    }

    private void awaitHealthy(URI health) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("notification-service exited with " + process.exitValue() + "; read "
                        + log);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("notification-service not healthy within " + START_TIMEOUT + "; read " + log);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** User plus system CPU time the process used so far, in seconds (/proc/[pid]/stat, fields 14 and 15). */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid()), "stat"), StandardCharsets.US_ASCII);
        // the command name (field 2) is in parentheses and may hold spaces: count the fields after its end
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long userTicks = Long.parseLong(fields[11]);
        long systemTicks = Long.parseLong(fields[12]);
        return (userTicks + systemTicks) / (double) clockTicksPerSecond;
    }

    /** The most memory the process held in RAM at any time so far (VmHWM), in MiB. */
    double peakResidentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmHWM in /proc/" + pid() + "/status");
    }

    /**
     * From the GC log: the most heap in use before a collection, and the most heap the JVM had committed, in MiB;
     * empty when no collection ran.
     */
    Optional<HeapPeak> heapPeak() throws IOException {
        return heapPeak(Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.of());
    }

    static Optional<HeapPeak> heapPeak(List<String> gcLogLines) {
        double used = -1;
        double committed = -1;
        for (String line : gcLogLines) {
            Matcher change = HEAP_CHANGE.matcher(line);
            if (change.find()) {
                used = Math.max(used, mebibytes(change.group(1), change.group(2)));
                committed = Math.max(committed, mebibytes(change.group(5), change.group(6)));
            }
        }
        return used < 0 ? Optional.empty() : Optional.of(new HeapPeak(used, committed));
    }

    record HeapPeak(double usedMiB, double committedMiB) {
    }

    private static double mebibytes(String amount, String unit) {
        double value = Double.parseDouble(amount);
        return switch (unit) {
            case "K" -> value / 1024;
            case "G" -> value * 1024;
            default -> value;
        };
    }

    /** kill -9: SIGKILL, no shutdown hook, no graceful shutdown; waits until the process is gone. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("notification-service survived SIGKILL for 30 s");
        }
    }

    /** SIGTERM (graceful shutdown), SIGKILL after 30 s. */
    void stop() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
