package org.childalert.alerts.acknowledgement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/alerts/{alertId}/acknowledgements}: the police zone (unit) the officer acknowledges for. */
record AcknowledgementRequest(
        @NotBlank(message = "is required: the police zone you acknowledge the alert for")
        @Size(max = 100, message = "must be at most 100 characters") String zoneId) {
}
