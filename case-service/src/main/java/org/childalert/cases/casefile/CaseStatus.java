package org.childalert.cases.casefile;

public enum CaseStatus {
    OPEN,
    ESCALATION_REQUESTED,
    ALERT_ACTIVE,
    RESOLVED;

    public boolean isClosed() {
        return this == RESOLVED;
    }
}
