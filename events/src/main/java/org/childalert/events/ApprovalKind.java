package org.childalert.events;

/** What waits for a police officer's four-eyes approval. */
public enum ApprovalKind {
    /** A coordinator's escalation the escalation policy accepted: the alert itself. */
    NEW_ALERT,
    /** A change to an approved, running alert (new description or photo, a wider radius). */
    CHANGE
}
