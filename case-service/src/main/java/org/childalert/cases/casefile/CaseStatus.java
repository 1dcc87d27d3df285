package org.childalert.cases.casefile;

/**
 * Where a case stands: open, escalation requested, alert active, resolved (with an outcome) and finally
 * closed by the coordinator, from when the retention period runs.
 */
public enum CaseStatus {
    OPEN,
    ESCALATION_REQUESTED,
    ALERT_ACTIVE,
    RESOLVED,
    CLOSED;

    public boolean isClosed() {
        return this == RESOLVED || this == CLOSED;
    }
}
