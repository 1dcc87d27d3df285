package org.childalert.alerts.widening;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Body of {@code POST /api/alerts/{alertId}/widening}: the new, wider radius around the last-seen place. */
record WideningRequest(
        @NotNull(message = "is required: the new radius in km")
        @Positive(message = "must be more than 0 km")
        @DecimalMax(value = "500", message = "must be at most 500 km") Double radiusKm) {
}
