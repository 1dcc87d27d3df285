package org.childalert.benchmarks.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HandOversTests {

    private static final long APPROVAL = 1_000_000L;

    @Test
    void timesAreCountedFromApprovalToTheFirstAndLastMessage() {
        HandOvers handOvers = HandOvers.parse(List.of(
                (APPROVAL + 4_000) + " +32470000002",
                (APPROVAL + 500) + " +32470000001",
                (APPROVAL + 2_000) + " +32470000003"));

        assertThat(handOvers.count()).isEqualTo(3);
        assertThat(handOvers.firstAfterSeconds(APPROVAL)).isEqualTo(0.5);
        assertThat(handOvers.lastAfterSeconds(APPROVAL)).isEqualTo(4.0);
        assertThat(handOvers.perSecondSince(APPROVAL)).isCloseTo(0.75, within(1e-9));
        assertThat(handOvers.sinceApproval(APPROVAL).percentileMillis(50)).isEqualTo(2_000.0);
        assertThat(handOvers.sinceApproval(APPROVAL).percentileMillis(99)).isEqualTo(4_000.0);
    }

    @Test
    void withoutAnyMessageThereIsNoTimeAndNoThroughput() {
        HandOvers none = HandOvers.parse(List.of());

        assertThat(none.firstAfterSeconds(APPROVAL)).isNaN();
        assertThat(none.lastAfterSeconds(APPROVAL)).isNaN();
        assertThat(none.perSecondSince(APPROVAL)).isZero();
    }

    @Test
    void reachCountsTheMissedTheDuplicatesAndTheUnknownAddresses() {
        HandOvers sms = HandOvers.parse(List.of(
                "1 +32470000001",
                "2 +32470000001",
                "3 +32470000001",
                "4 +32470000002",
                "5 +32499999999"));
        HandOvers email = HandOvers.parse(List.of("6 volunteer-3@fanout.childalert.test"));

        HandOvers.Reach reach = sms.with(email).reachOf(Set.of("+32470000001", "+32470000002", "+32470000004",
                "volunteer-3@fanout.childalert.test"));

        assertThat(reach.expected()).isEqualTo(4);
        assertThat(reach.reached()).isEqualTo(3);
        assertThat(reach.missed()).isEqualTo(1);
        assertThat(reach.reachedTwice()).isEqualTo(1);
        assertThat(reach.extraMessages()).isEqualTo(2);
        assertThat(reach.unexpected()).isEqualTo(1);
    }

    @Test
    void twoFakesTogetherKeepEveryMessageInTimeOrder() {
        HandOvers both = HandOvers.parse(List.of((APPROVAL + 3_000) + " a"))
                .with(HandOvers.parse(List.of((APPROVAL + 1_000) + " b", (APPROVAL + 2_000) + " c")));

        assertThat(both.count()).isEqualTo(3);
        assertThat(both.firstAfterSeconds(APPROVAL)).isEqualTo(1.0);
        assertThat(both.lastAfterSeconds(APPROVAL)).isEqualTo(3.0);
    }
}
