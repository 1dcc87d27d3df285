package org.childalert.notifications.sms;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsThrottlePropertiesTests {

    @Test
    void theWindowCheckedCoversOneSecondAndTheSendMarginWhereverItStarts() {
        // a second plus 100 ms of margin spans at most 23 slots of 50 ms, however it falls on them
        assertThat(new SmsThrottleProperties(100, Duration.ofMillis(50), Duration.ofMillis(100), 0).windowSlots())
                .isEqualTo(23);
        assertThat(new SmsThrottleProperties(100, Duration.ofMillis(100), Duration.ofMillis(0), 0).windowSlots())
                .isEqualTo(11);
    }

    @Test
    void anInstanceReservesATenthOfTheLimitAtOnceUnlessConfiguredButNeverMoreThanTheLimit() {
        assertThat(new SmsThrottleProperties(400, Duration.ofMillis(50), Duration.ofMillis(100), 0).chunk()).isEqualTo(40);
        assertThat(new SmsThrottleProperties(5, Duration.ofMillis(50), Duration.ofMillis(100), 0).chunk()).isEqualTo(1);
        assertThat(new SmsThrottleProperties(5, Duration.ofMillis(50), Duration.ofMillis(100), 20).chunk()).isEqualTo(5);
    }
}
