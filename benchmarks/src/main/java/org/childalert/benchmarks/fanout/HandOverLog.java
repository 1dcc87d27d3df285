package org.childalert.benchmarks.fanout;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Inside a fake's JVM: one line per message the fake took, {@code <epoch millis> <recipient address>}, appended
 * to a file. A fan-out of 100,000 messages cannot be observed through the fakes' own journals (WireMock's and
 * GreenMail's keep every request in memory), so the fakes run without them and note only this.
 *
 * <p>Lines are buffered and written out every quarter of a second and when the JVM stops (SIGTERM runs the
 * shutdown hook): the benchmark stops the fakes before it reads their files.
 */
final class HandOverLog implements AutoCloseable {

    private final BufferedWriter out;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "hand-over-log-flusher");
        thread.setDaemon(true);
        return thread;
    });

    HandOverLog(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the hand-over log " + file, e);
        }
        flusher.scheduleWithFixedDelay(this::flush, 250, 250, TimeUnit.MILLISECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "hand-over-log-close"));
    }

    /** Reads the file named by a system property of the fake's JVM. */
    static HandOverLog fromSystemProperty(String name) {
        String file = System.getProperty(name);
        if (file == null || file.isBlank()) {
            throw new IllegalStateException("system property " + name + " is missing: where to note the messages");
        }
        return new HandOverLog(Path.of(file));
    }

    synchronized void record(long epochMillis, String address) {
        try {
            out.write(Long.toString(epochMillis));
            out.write(' ');
            out.write(address);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            System.err.println("hand-over log: " + e);
        }
    }

    @Override
    public synchronized void close() {
        flusher.shutdownNow();
        try {
            out.close();
        } catch (IOException e) {
            System.err.println("hand-over log: " + e);
        }
    }
}
