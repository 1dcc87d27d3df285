package org.childalert.alerts.updates;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Body of {@code POST /api/alerts/{alertId}/widening}: the new, wider radius around the last-seen place, which
 * takes effect once a police officer other than the requester approves it.
 */
record WideningRequest(
        @NotNull(message = "is required: the new radius in km")
        @Positive(message = "must be more than 0 km")
        @DecimalMax(value = "500", message = "must be at most 500 km") Double radiusKm) {
}
