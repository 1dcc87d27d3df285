package org.childalert.benchmarks.ceilings;

import java.util.Arrays;

/** One worker's latencies, appended without boxing; not thread-safe (one per worker). */
final class LatencyLog {

    private long[] nanos = new long[16_384];
    private int size;

    void record(long latencyNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latencyNanos;
    }

    long[] toArray() {
        return Arrays.copyOf(nanos, size);
    }

    static long[] concat(Iterable<LatencyLog> logs) {
        int total = 0;
        for (LatencyLog log : logs) {
            total += log.size;
        }
        long[] all = new long[total];
        int at = 0;
        for (LatencyLog log : logs) {
            System.arraycopy(log.nanos, 0, all, at, log.size);
            at += log.size;
        }
        return all;
    }
}
