package org.childalert.alerts.updates;

import jakarta.validation.constraints.Size;

/** Optional body of {@code POST /api/alerts/{alertId}/changes/approval}: a note for the audit trail. */
record ChangeDecisionRequest(@Size(max = 2000, message = "must be at most 2000 characters") String note) {
}
