package org.childalert.gateway.console.coordinator;

import java.time.Instant;

import org.childalert.gateway.console.Actors;

/** One line of a case's timeline. */
record TimelineEntry(Instant at, String kind, String summary, String author) {

    /**
     * The message key of what happened: a rejection by alert-service's escalation policy (its author) has its
     * own, so that it does not read as an officer's.
     */
    public String label() {
        return "ALERT_REJECTED".equals(kind) && Actors.isEscalationPolicy(author) ? "ALERT_REFUSED_BY_POLICY" : kind;
    }

    public boolean byEscalationPolicy() {
        return Actors.isEscalationPolicy(author);
    }
}
