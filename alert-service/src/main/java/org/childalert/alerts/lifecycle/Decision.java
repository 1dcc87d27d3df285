package org.childalert.alerts.lifecycle;

/** The kinds of decision the audit trail records. */
public enum Decision {
    REFUSED_BY_POLICY,
    APPROVED,
    REJECTED,
    CANCELLED,
    WITHDRAWN,
    UPDATED,
    WIDENED,
    CHANGE_REQUESTED,
    CHANGE_APPROVED,
    CHANGE_REJECTED,
    EXTENSION_REQUESTED,
    EXTENDED,
    EXTENSION_REJECTED,
    EXPIRED,
    ACKNOWLEDGEMENT_OVERDUE
}
