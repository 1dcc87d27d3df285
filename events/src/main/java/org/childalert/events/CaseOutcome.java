package org.childalert.events;

/** How a case ended. */
public enum CaseOutcome {
    FOUND_SAFE,
    FOUND_HARMED,
    DECEASED,
    /** The child came back on their own initiative. */
    RETURNED,
    OTHER
}
