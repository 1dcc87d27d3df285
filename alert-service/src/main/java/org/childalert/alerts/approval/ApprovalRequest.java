package org.childalert.alerts.approval;

import jakarta.validation.constraints.Size;

/** Optional body of {@code POST /api/alerts/{alertId}/approval}: a note for the audit trail. */
record ApprovalRequest(@Size(max = 2000, message = "must be at most 2000 characters") String note) {
}
