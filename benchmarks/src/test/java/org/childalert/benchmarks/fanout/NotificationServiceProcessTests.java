package org.childalert.benchmarks.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class NotificationServiceProcessTests {

    @Test
    void theHeapPeakIsTheMostInUseBeforeAnyCollectionAndTheMostCommitted() {
        List<String> gcLog = List.of(
                "[0.012s][info][gc] Using G1",
                "[1.234s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 25M->8M(64M) 3.456ms",
                "[9.876s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 180M->120M(256M) 12.001ms",
                "[12.00s][info][gc] GC(2) Pause Full (System.gc()) 1G->100M(300M) 80.5ms",
                "[13.00s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 512K->256K(290M) 1.0ms");

        assertThat(NotificationServiceProcess.heapPeak(gcLog))
                .contains(new NotificationServiceProcess.HeapPeak(1024, 300));
    }

    @Test
    void withoutACollectionThereIsNoHeapFigure() {
        assertThat(NotificationServiceProcess.heapPeak(List.of("[0.012s][info][gc] Using G1"))).isEmpty();
    }
}
