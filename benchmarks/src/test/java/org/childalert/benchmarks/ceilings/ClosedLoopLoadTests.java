package org.childalert.benchmarks.ceilings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ClosedLoopLoadTests {

    private final ClosedLoopLoad load = new ClosedLoopLoad(Duration.ZERO, Duration.ofMillis(200));

    @Test
    void countsFailuresApartFromCompletedRequestsAndKeepsTheFirstReason() throws Exception {
        ClosedLoopLoad.Result result = load.run(2, () -> sequence -> {
            if (sequence % 2 == 0) {
                throw new IllegalStateException("HTTP 429");
            }
        });

        assertThat(result.completed()).isPositive();
        assertThat(result.failed()).isPositive();
        assertThat(result.latencies().count()).isEqualTo(result.completed());
        assertThat(result.firstFailure()).contains("HTTP 429");
    }

    @Test
    void opensOneSenderPerWorkerClosesEachAndNeverRepeatsASequenceAcrossRuns() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        Set<Long> sequences = ConcurrentHashMap.newKeySet();
        AtomicInteger repeated = new AtomicInteger();
        ClosedLoopLoad.SenderFactory senders = () -> {
            opened.incrementAndGet();
            return new ClosedLoopLoad.Sender() {
                @Override
                public void send(long sequence) {
                    if (!sequences.add(sequence)) {
                        repeated.incrementAndGet();
                    }
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        };

        load.run(3, senders);
        load.run(2, senders);

        assertThat(opened).hasValue(5);
        assertThat(closed).hasValue(5);
        assertThat(repeated).hasValue(0);
        assertThat(sequences).isNotEmpty();
    }
}
