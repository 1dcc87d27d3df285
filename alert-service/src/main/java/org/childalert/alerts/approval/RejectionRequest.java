package org.childalert.alerts.approval;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/alerts/{alertId}/rejection}: why the escalation is refused. */
record RejectionRequest(
        @NotBlank(message = "is required: say why the escalation is rejected")
        @Size(max = 2000, message = "must be at most 2000 characters") String reason) {
}
