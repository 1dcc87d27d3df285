package org.childalert.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock that tests move forward instead of waiting hours for timers; shared by every context that imports it. */
public final class MovableClock extends Clock {

    public static final MovableClock SHARED = new MovableClock(Instant.now());

    private final AtomicReference<Instant> now;

    private MovableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The movable clock is always UTC");
    }

    /** Makes a context run on {@link #SHARED} (its timers fire as the tests move it). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        Clock movableClock() {
            return SHARED;
        }
    }
}
