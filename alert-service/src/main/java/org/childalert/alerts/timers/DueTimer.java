package org.childalert.alerts.timers;

import java.time.Instant;
import java.util.UUID;

/** A timer that is due and has been claimed by this instance, inside the transaction that fires it. */
public record DueTimer(long id, UUID alertId, TimerKind kind, String detail, Instant dueAt) {
}
