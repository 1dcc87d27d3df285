package org.childalert.alerts.timers;

/**
 * Fires one kind of timer. Called inside the transaction that claimed the timer, so that the effect, its
 * outbox record and the timer's "fired" mark commit together or not at all. A timer whose effect no longer
 * applies (the alert ended, the zone acknowledged) fires as a no-op and says so in its outcome.
 */
public interface TimerHandler {

    TimerKind kind();

    /** Applies the timer's effect; returns a short outcome for the timer's row ("widened to 15 km", "obsolete: ..."). */
    String fire(DueTimer timer);
}
