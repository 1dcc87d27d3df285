package org.childalert.notifications.providers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a provider that is down, so that a flood of messages does not burn every delivery's attempts
 * against an outage (and does not hammer the provider while it recovers). After {@code failureThreshold}
 * consecutive failures that say the provider itself is unwell (5xx, timeouts, connection refused) the breaker
 * opens: no call goes through for {@code coolDown}, and the deliveries stay queued without losing an attempt.
 * Then one trial call is let through (half-open): if the provider answers, the breaker closes by itself;
 * if not, it opens for another cool-down. Any answer from the provider, even a refusal of one message (a 400),
 * shows it is up and counts as a success here.
 */
public class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final String provider;
    private final int failureThreshold;
    private final Duration coolDown;
    private final Clock clock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt = Instant.MIN;
    private boolean trialInFlight;
    private long timesOpened;

    CircuitBreaker(String provider, int failureThreshold, Duration coolDown, Clock clock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        this.provider = provider;
        this.failureThreshold = failureThreshold;
        this.coolDown = coolDown;
        this.clock = clock;
    }

    String provider() {
        return provider;
    }

    /** The state as a caller would find it now (an open breaker whose cool-down is over is half-open). */
    public synchronized State state() {
        if (state == State.OPEN && coolDownOver()) {
            return State.HALF_OPEN;
        }
        return state;
    }

    /**
     * How many messages a dispatcher may take from the queue for this provider, of the {@code wanted}: all while
     * closed, one while a trial may go through, none while open or while the trial is under way.
     */
    public synchronized int claimable(int wanted) {
        return switch (state()) {
            case CLOSED -> wanted;
            case HALF_OPEN -> trialInFlight ? 0 : Math.min(1, wanted);
            case OPEN -> 0;
        };
    }

    /**
     * Asks to call the provider now. Always yes while closed; once, for the trial, when the cool-down is over;
     * otherwise no, and the caller leaves its message queued until {@link #retryAt()}.
     */
    public synchronized boolean tryCall() {
        switch (state()) {
            case CLOSED:
                return true;
            case HALF_OPEN:
                if (trialInFlight) {
                    return false;
                }
                state = State.HALF_OPEN;
                trialInFlight = true;
                return true;
            default:
                return false;
        }
    }

    /** The provider answered (took the message, or refused that one message): it is up. */
    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        trialInFlight = false;
        state = State.CLOSED;
    }

    /** The provider failed in a way that says it is unwell (5xx, timeout, unreachable). */
    public synchronized void onFailure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            if (state == State.CLOSED) {
                timesOpened++; // a failed trial re-opens it: still the same outage
            }
            state = State.OPEN;
            openedAt = clock.instant();
            trialInFlight = false;
        }
    }

    /** A call that was allowed did not reach the provider for a reason of ours: it says nothing about the provider. */
    public synchronized void onNoAnswer() {
        if (trialInFlight) {
            trialInFlight = false;
        }
    }

    /** When a message left queued because the breaker was open should be tried again. */
    public synchronized Instant retryAt() {
        Instant now = clock.instant();
        if (state == State.OPEN && !coolDownOver()) {
            return openedAt.plus(coolDown);
        }
        return now.plus(coolDown); // a trial is under way: its outcome decides, at the latest after a cool-down
    }

    /** How many times the breaker opened since the service started. */
    synchronized long timesOpened() {
        return timesOpened;
    }

    private boolean coolDownOver() {
        return !clock.instant().isBefore(openedAt.plus(coolDown));
    }
}
