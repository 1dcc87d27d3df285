package org.childalert.alerts.updates;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/alerts/{alertId}/changes/rejection}: why the change is refused. */
record ChangeRejectionRequest(
        @NotBlank(message = "is required: say why the change is rejected")
        @Size(max = 2000, message = "must be at most 2000 characters") String reason) {
}
