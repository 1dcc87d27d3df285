package org.childalert.alerts.lifecycle;

import java.util.Arrays;
import java.util.Optional;

import org.childalert.events.CaseOutcome;

/** Why an alert ended: the case's outcome, or {@code RETRACTED} when it should never have gone out. */
public enum CancellationReason {
    FOUND_SAFE,
    FOUND_HARMED,
    DECEASED,
    RETURNED,
    OTHER,
    RETRACTED;

    public static Optional<CancellationReason> named(String name) {
        return Arrays.stream(values()).filter(reason -> reason.name().equals(name)).findFirst();
    }

    static CancellationReason of(CaseOutcome outcome) {
        return valueOf(outcome.name());
    }
}
