package org.childalert.benchmarks.ceilings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * RabbitMQ alone, measured by RabbitMQ's PerfTest in a JVM of its own: one producer and one consumer, persistent
 * messages of an event's size, publisher confirms, on a durable queue of its own in the vhost it is given (never
 * the platform's queues).
 */
final class RabbitPerfTest {

    static final int MESSAGE_BYTES = 600;
    static final int UNCONFIRMED_AT_MOST = 64;

    private final String perfTestClasspath;
    private final String amqpUri;
    private final int seconds;
    private final Path logDirectory;

    RabbitPerfTest(String perfTestClasspath, String amqpUri, int seconds, Path logDirectory) {
        this.perfTestClasspath = perfTestClasspath;
        this.amqpUri = amqpUri;
        this.seconds = seconds;
        this.logDirectory = logDirectory;
    }

    Ceiling measure(Part queueType) throws IOException, InterruptedException {
        boolean quorum = queueType == Part.RABBITMQ_QUORUM_QUEUE;
        String id = "ceilings-" + (quorum ? "quorum" : "classic") + "-" + System.currentTimeMillis();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", perfTestClasspath, "com.rabbitmq.perf.PerfTest",
                "--uri", amqpUri, "--id", id, "--queue", id,
                "--producers", "1", "--consumers", "1",
                "--size", String.valueOf(MESSAGE_BYTES), "--flag", "persistent",
                "--confirm", String.valueOf(UNCONFIRMED_AT_MOST), "--time", String.valueOf(seconds)));
        if (quorum) {
            command.add("--quorum-queue");
        } else {
            command.addAll(List.of("--auto-delete", "true"));
        }
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(id + ".log");
        Process perfTest = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!perfTest.waitFor(seconds + 120L, TimeUnit.SECONDS)) {
            perfTest.destroyForcibly();
            throw new IllegalStateException("PerfTest did not end; read " + log);
        }
        if (perfTest.exitValue() != 0) {
            throw new IllegalStateException("PerfTest exited with " + perfTest.exitValue() + "; read " + log);
        }
        PerfTestSummary summary = PerfTestSummary.parse(Files.readAllLines(log, StandardCharsets.UTF_8));
        return new Ceiling(queueType, 1, summary.receivedPerSecond(),
                summary.consumerLatency().median() / 1000.0, summary.consumerLatency().p99() / 1000.0, 0,
                String.format(Locale.ROOT, "published %.0f msg/s; confirm p50/p99 %.1f/%.1f ms; %d B persistent,"
                                + " <=%d unconfirmed",
                        summary.sentPerSecond(), summary.confirmLatency().median() / 1000.0,
                        summary.confirmLatency().p99() / 1000.0, MESSAGE_BYTES, UNCONFIRMED_AT_MOST));
    }
}
