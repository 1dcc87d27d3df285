package org.childalert.cases.timeline;

public enum TimelineKind {
    CASE_OPENED,
    ESCALATION_REQUESTED,
    ALERT_ISSUED,
    ALERT_REJECTED,
    ALERT_CANCELLED,
    CASE_RESOLVED
}
