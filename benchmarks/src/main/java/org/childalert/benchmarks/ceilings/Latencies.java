package org.childalert.benchmarks.ceilings;

import java.util.Arrays;

/**
 * The latencies of one measured run, with percentiles by the nearest-rank method (p99 of 1,000 samples is the
 * 990th smallest).
 */
public final class Latencies {

    private final long[] sortedNanos;

    private Latencies(long[] sortedNanos) {
        this.sortedNanos = sortedNanos;
    }

    public static Latencies ofNanos(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted);
    }

    public int count() {
        return sortedNanos.length;
    }

    /** The given percentile (0 < percentile ≤ 100) in milliseconds; NaN when nothing was measured. */
    public double percentileMillis(double percentile) {
        if (percentile <= 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + percentile);
        }
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100 * sortedNanos.length);
        return sortedNanos[Math.max(rank, 1) - 1] / 1_000_000.0;
    }
}
