package org.childalert.benchmarks.ceilings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class LatenciesTests {

    private static final long MILLISECOND = 1_000_000;

    @Test
    void takesPercentilesByNearestRankWhateverTheOrderOfRecording() {
        long[] oneToHundredMillis = LongStream.rangeClosed(1, 100).map(i -> (101 - i) * MILLISECOND).toArray();

        Latencies latencies = Latencies.ofNanos(oneToHundredMillis);

        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        Latencies latencies = Latencies.ofNanos(new long[] {3 * MILLISECOND});

        assertThat(latencies.percentileMillis(1)).isEqualTo(3.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(3.0);
    }

    @Test
    void nothingMeasuredHasNoPercentile() {
        assertThat(Latencies.ofNanos(new long[0]).percentileMillis(50)).isNaN();
    }

    @Test
    void refusesPercentilesOutsideZeroToHundred() {
        Latencies latencies = Latencies.ofNanos(new long[] {MILLISECOND});

        assertThatIllegalArgumentException().isThrownBy(() -> latencies.percentileMillis(0));
        assertThatIllegalArgumentException().isThrownBy(() -> latencies.percentileMillis(100.1));
    }
}
