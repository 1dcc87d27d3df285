package org.childalert.alerts.timers;

/** What a due timer does when it fires; each kind has one {@link TimerHandler}. */
public enum TimerKind {
    /** An active alert reaches its expiry. */
    EXPIRY,
    /** An active alert widens to the next radius of its level's schedule; the detail is that radius in km. */
    WIDENING,
    /** A police zone's time to acknowledge an alert is up; the detail is the zone id. */
    ACKNOWLEDGEMENT_DEADLINE
}
