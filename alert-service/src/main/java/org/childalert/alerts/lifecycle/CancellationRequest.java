package org.childalert.alerts.lifecycle;

import jakarta.validation.constraints.NotBlank;

/** Body of {@code POST /api/alerts/{alertId}/cancellation}: why the alert ends, a {@link CancellationReason} name. */
record CancellationRequest(
        @NotBlank(message = "is required: one of FOUND_SAFE, FOUND_HARMED, DECEASED, RETURNED, OTHER, RETRACTED")
        String reason) {
}
