package org.childalert.benchmarks.ceilings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load: N workers, each with a sender of its own (its own connection), sending one request after
 * the other as fast as the other side answers. That is the most a pool of N senders can get out of a provider.
 * Requests that end within the measured window count; the warm-up before it lets the JIT and the connections
 * settle.
 */
final class ClosedLoopLoad {

    /** Sends one request and returns when the provider has accepted it; throws when it did not. */
    interface Sender extends AutoCloseable {

        void send(long sequence) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    interface SenderFactory {

        /** A sender for one worker, connected when that matters (an SMTP session). */
        Sender open() throws Exception;
    }

    record Result(long completed, long failed, double seconds, Latencies latencies, String firstFailure) {

        double perSecond() {
            return completed / seconds;
        }
    }

    private final Duration warmUp;
    private final Duration measured;
    /** Numbers every request of every run, so that no two runs send to the same recipient. */
    private final AtomicLong sequence = new AtomicLong();

    ClosedLoopLoad(Duration warmUp, Duration measured) {
        this.warmUp = warmUp;
        this.measured = measured;
    }

    Result run(int concurrency, SenderFactory senders) throws Exception {
        return run(concurrency, senders, warmUp, measured);
    }

    /** Loads the other side for a while without measuring, with recipients the measured runs never repeat. */
    void warmUp(int concurrency, SenderFactory senders, Duration duration) throws Exception {
        run(concurrency, senders, Duration.ZERO, duration);
    }

    private Result run(int concurrency, SenderFactory senders, Duration unmeasured, Duration window)
            throws Exception {
        CountDownLatch connected = new CountDownLatch(concurrency);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong windowStart = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<LatencyLog> logs = new ArrayList<>();
        List<Future<?>> workers = new ArrayList<>();

        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            for (int worker = 0; worker < concurrency; worker++) {
                LatencyLog log = new LatencyLog();
                logs.add(log);
                workers.add(pool.submit(() -> {
                    try (Sender sender = openCountingDown(senders, connected)) {
                        go.await();
                        long start = windowStart.get();
                        long end = start + window.toNanos();
                        for (long sent = System.nanoTime(); sent < end; sent = System.nanoTime()) {
                            try {
                                sender.send(sequence.incrementAndGet());
                                long done = System.nanoTime();
                                if (sent >= start && done <= end) {
                                    log.record(done - sent);
                                    completed.incrementAndGet();
                                }
                            } catch (Exception e) {
                                failed.incrementAndGet();
                                firstFailure.compareAndSet(null, e.toString());
                            }
                        }
                    }
                    return null;
                }));
            }
            connected.await();
            windowStart.set(System.nanoTime() + unmeasured.toNanos());
            go.countDown();
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        return new Result(completed.get(), failed.get(), window.toNanos() / 1e9,
                Latencies.ofNanos(LatencyLog.concat(logs)), firstFailure.get());
    }

    /** Counts down even when opening fails, so that the other workers are not left waiting. */
    private static Sender openCountingDown(SenderFactory senders, CountDownLatch connected) throws Exception {
        try {
            return senders.open();
        } finally {
            connected.countDown();
        }
    }
}
