package org.childalert.benchmarks.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class ProcessCpuTests {

    @Test
    void userAndSystemTimeAreReadAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194304 9 0 0 0 250 75 3 4 20 0 36 0 1000 1 1";

        assertThat(ProcessCpu.parse(stat, 100)).isCloseTo(3.25, within(1e-9));
    }

    @Test
    void aProcessThatAppearedSinceCountsFromZeroAndOneThatIsGoneCountsNothing() throws Exception {
        long self = ProcessHandle.current().pid();
        long gone = Long.MAX_VALUE; // no such process
        ProcessCpu cpu = new ProcessCpu(100);
        AtomicReference<Set<Long>> pids = new AtomicReference<>(Set.of(gone));
        ProcessCpu.Group group = new ProcessCpu.Group() {
            @Override
            public String label() {
                return "this JVM";
            }

            @Override
            public Set<Long> pids() {
                return pids.get();
            }
        };
        cpu.start(List.of(group));
        pids.set(Set.of(self, gone));

        Map<String, Double> spent = cpu.since();

        double ownCpu = ProcessCpu.parse(Files.readString(Path.of("/proc/self/stat")), 100);
        assertThat(spent.get("this JVM")).isGreaterThan(0).isLessThanOrEqualTo(ownCpu + 0.01);
    }
}
