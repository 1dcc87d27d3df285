package org.childalert.cases.timeline;

import java.util.Set;

public enum TimelineKind {
    CASE_OPENED,
    CASE_IMPORTED,
    NOTE,
    CALL,
    SIGHTING,
    COORDINATOR_CHANGED,
    PHOTO_ADDED,
    PHOTO_WITHDRAWN,
    CHILD_MERGED,
    ESCALATION_REQUESTED,
    ALERT_ISSUED,
    ALERT_REJECTED,
    ALERT_CANCELLED,
    CASE_RESOLVED,
    CASE_CLOSED,
    PERSONAL_DATA_ERASED;

    /** The kinds a person writes by hand; their free text may hold personal data. */
    public static final Set<TimelineKind> WRITTEN_BY_HAND = Set.of(NOTE, CALL, SIGHTING);
}
