package org.childalert.gateway.console.coordinator;

import java.time.Instant;

import org.childalert.gateway.console.Actors;

/** One line of a case's timeline. */
record TimelineEntry(Instant at, String kind, String summary, String author) {

    private static final java.util.Set<String> WRITTEN_BY_HAND = java.util.Set.of("NOTE", "CALL", "SIGHTING");
    /** How case-service begins the summary of an officer's rejection, before the officer's own reason. */
    private static final String REJECTION_PREFIX = "Escalation rejected: ";

    /**
     * The message key of what happened: a rejection by alert-service's escalation policy (its author) has its
     * own, so that it does not read as an officer's.
     */
    public String label() {
        return "ALERT_REJECTED".equals(kind) && Actors.isEscalationPolicy(author) ? "ALERT_REFUSED_BY_POLICY" : kind;
    }

    /**
     * What the line says beside its label: the words a person wrote (a note, call or sighting, as typed), an
     * officer's reason for a rejection; never the English sentence case-service writes for its own entries, which
     * the label already says in the user's language.
     */
    public String personalText() {
        if (WRITTEN_BY_HAND.contains(kind)) {
            return summary;
        }
        if ("ALERT_REJECTED".equals(kind) && !byEscalationPolicy() && summary != null
                && summary.startsWith(REJECTION_PREFIX)) {
            return summary.substring(REJECTION_PREFIX.length());
        }
        return null;
    }

    public boolean byEscalationPolicy() {
        return Actors.isEscalationPolicy(author);
    }
}
