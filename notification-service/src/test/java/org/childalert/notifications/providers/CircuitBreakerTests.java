package org.childalert.notifications.providers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTests {

    private final MovableClock clock = new MovableClock();
    private final CircuitBreaker breaker = new CircuitBreaker("twilio", 3, Duration.ofSeconds(30), clock);

    @Test
    void opensAfterTheConfiguredNumberOfConsecutiveFailuresAndThenRefusesCalls() {
        fail(2);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryCall()).isTrue();
        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryCall()).isFalse();
        assertThat(breaker.claimable(100)).isZero();
        assertThat(breaker.retryAt()).isEqualTo(clock.instant().plusSeconds(30));
        assertThat(breaker.timesOpened()).isEqualTo(1);
    }

    @Test
    void anAnswerFromTheProviderInBetweenStartsTheCountAgain() {
        fail(2);
        breaker.onSuccess(); // a 400 for one message: the provider is up
        fail(2);

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void letsExactlyOneTrialThroughAfterTheCoolDownAndClosesWhenItSucceeds() {
        fail(3);
        clock.advance(Duration.ofSeconds(30));

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.claimable(100)).isEqualTo(1);
        assertThat(breaker.tryCall()).isTrue();
        assertThat(breaker.tryCall()).isFalse();
        assertThat(breaker.claimable(100)).isZero();

        breaker.onSuccess();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.claimable(100)).isEqualTo(100);
        assertThat(breaker.tryCall()).isTrue();
    }

    @Test
    void aFailedTrialOpensTheBreakerForAnotherCoolDown() {
        fail(3);
        clock.advance(Duration.ofSeconds(31));
        assertThat(breaker.tryCall()).isTrue();

        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryCall()).isFalse();
        assertThat(breaker.retryAt()).isEqualTo(clock.instant().plusSeconds(30));
        assertThat(breaker.timesOpened()).isEqualTo(1); // still the same outage
        clock.advance(Duration.ofSeconds(30));
        assertThat(breaker.tryCall()).isTrue();
    }

    @Test
    void aTrialThatNeverReachedTheProviderLetsTheNextOneTry() {
        fail(3);
        clock.advance(Duration.ofSeconds(30));
        assertThat(breaker.tryCall()).isTrue();

        breaker.onNoAnswer(); // a fault of ours: says nothing about the provider

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryCall()).isTrue();
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(breaker.tryCall()).isTrue();
            breaker.onFailure();
        }
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-11-28T14:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
