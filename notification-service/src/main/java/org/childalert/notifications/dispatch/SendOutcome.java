package org.childalert.notifications.dispatch;

import java.time.Duration;
import java.time.Instant;

/** What became of one claimed delivery, waiting to be recorded with others in one transaction. */
sealed interface SendOutcome {

    Delivery delivery();

    /** The provider took the message, at that time (recorded as {@code accepted_at}, however late the batch is written). */
    record Accepted(Delivery delivery, String providerMessageId, Instant at) implements SendOutcome {
    }

    /** A temporary failure: queued again, due after the delay; counts as an attempt. */
    record RetryLater(Delivery delivery, String errorCode, Duration delay) implements SendOutcome {
    }

    /** Given up: a permanent failure, or the last attempt failed. */
    record GivenUp(Delivery delivery, String errorCode, boolean permanent, Instant at) implements SendOutcome {
    }

    /** Not sent because the provider's circuit breaker is open: queued again as it was, its attempt given back. */
    record Released(Delivery delivery, Instant retryAt) implements SendOutcome {
    }
}
