package org.childalert.benchmarks.ceilings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class PerfTestSummaryTests {

    @Test
    void readsTheAveragesAndLatenciesOfTheClosingLinesNotThePerSecondOnes() throws IOException {
        PerfTestSummary summary = PerfTestSummary.parse(printedByPerfTest());

        assertThat(summary.sentPerSecond()).isEqualTo(829.0);
        assertThat(summary.receivedPerSecond()).isEqualTo(829.0);
        assertThat(summary.consumerLatency())
                .isEqualTo(new PerfTestSummary.Percentiles(2299, 45454, 85059, 349210, 446539));
        assertThat(summary.confirmLatency())
                .isEqualTo(new PerfTestSummary.Percentiles(821, 16566, 35945, 151999, 294418));
    }

    @Test
    void refusesLatenciesInMilliseconds() {
        List<String> inMillis = List.of(
                "id: q, sending rate avg: 10 msg/s",
                "id: q, receiving rate avg: 10 msg/s",
                "id: q, consumer latency min/median/75th/95th/99th 1/2/3/4/5 ms",
                "id: q, confirm latency min/median/75th/95th/99th 1/2/3/4/5 ms");

        assertThatIllegalArgumentException().isThrownBy(() -> PerfTestSummary.parse(inMillis))
                .withMessageContaining("consumer latency");
    }

    @Test
    void saysSoWhenPerfTestStoppedBeforeItsSummary() {
        List<String> cutShort = List.of("id: q, starting producer #0", "id: q, sending rate avg: 10 msg/s");

        assertThatIllegalArgumentException().isThrownBy(() -> PerfTestSummary.parse(cutShort))
                .withMessageContaining("receiving rate avg");
    }

    private static List<String> printedByPerfTest() throws IOException {
        try (InputStream output = PerfTestSummaryTests.class.getResourceAsStream("/perf-test-output.txt")) {
            return new String(output.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
