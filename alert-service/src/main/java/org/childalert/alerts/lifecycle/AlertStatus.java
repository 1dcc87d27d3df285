package org.childalert.alerts.lifecycle;

/** Where an alert is in its life. */
public enum AlertStatus {
    /** Requested by a coordinator and permitted by the escalation policy; waits for a police decision. */
    PENDING_APPROVAL,
    /** The escalation policy refused the request: the criteria checklist does not support the level. */
    REFUSED,
    /** A police officer rejected the escalation. */
    REJECTED,
    /** Approved by a police officer: the alert is out. */
    ACTIVE,
    /** An active alert was ended (child found, case closed, or retracted). */
    CANCELLED,
    /** A pending escalation was withdrawn before any police decision. */
    WITHDRAWN,
    /** An active alert reached its expiry without being extended or cancelled. */
    EXPIRED
}
