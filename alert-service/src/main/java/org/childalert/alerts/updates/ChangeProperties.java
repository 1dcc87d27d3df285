package org.childalert.alerts.updates;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds on changes asked for by hand (the approved widening schedule is bounded by its own configuration).
 *
 * @param maxWideningRadiusKm the widest radius a coordinator or officer may ask an alert to cover: 150 km around
 *                            the last-seen place covers Belgium from any point of it; wider is a mistake or abuse
 */
@Validated
@ConfigurationProperties("childalert.alerts.changes")
record ChangeProperties(
        @DefaultValue("150") @Positive @DecimalMax(value = "500", message = "must be at most 500 km")
        double maxWideningRadiusKm) {
}
