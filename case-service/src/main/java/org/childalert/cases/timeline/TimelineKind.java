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
    ALERT_UPDATED,
    ALERT_WIDENED,
    ALERT_EXTENDED,
    ALERT_EXTENSION_REJECTED,
    ALERT_EXPIRED,
    ALERT_ACKNOWLEDGED,
    /** Nobody in a police zone acknowledged a running alert in time: the coordinator must follow it up. */
    ACKNOWLEDGEMENT_OVERDUE,
    CASE_RESOLVED,
    CASE_CLOSED,
    PERSONAL_DATA_ERASED;

    /** The kinds a person writes by hand; their free text may hold personal data. */
    public static final Set<TimelineKind> WRITTEN_BY_HAND = Set.of(NOTE, CALL, SIGHTING);

    /** The kinds the coordinator must act on; the timeline marks them {@code needsAttention}. */
    public static final Set<TimelineKind> NEEDING_ATTENTION = Set.of(ACKNOWLEDGEMENT_OVERDUE);

    public boolean needsAttention() {
        return NEEDING_ATTENTION.contains(this);
    }
}
