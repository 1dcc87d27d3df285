package org.childalert.cases.escalation;

/** Where an escalation stands, as the alert-service reports it back. */
public enum EscalationStatus {
    REQUESTED,
    ISSUED,
    REJECTED,
    CANCELLED,
    /** The alert ran out of time without being extended or cancelled. */
    EXPIRED
}
