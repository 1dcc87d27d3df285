package org.childalert.notifications.dispatch;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryPropertiesTests {

    private final DeliveryProperties properties = new DeliveryProperties(100, Duration.ofSeconds(2),
            Duration.ofMinutes(5), 6, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofSeconds(1));

    @Test
    void theWaitBeforeARetryDoublesAfterEachFailedAttempt() {
        assertThat(properties.retryDelayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.retryDelayAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.retryDelayAfter(4)).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void theWaitNeverExceedsTheLongestAllowed() {
        assertThat(properties.retryDelayAfter(6)).isEqualTo(Duration.ofMinutes(15));
        assertThat(properties.retryDelayAfter(1000)).isEqualTo(Duration.ofMinutes(15));
    }
}
