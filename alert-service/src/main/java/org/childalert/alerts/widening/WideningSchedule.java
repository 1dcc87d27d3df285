package org.childalert.alerts.widening;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.childalert.events.DisclosureLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How far each level's alerts reach as hours pass without news: per level, radii the alert widens to at given
 * times after its issue (for example 15 km after 1 hour, 40 km after 3 hours). A step no wider than the alert
 * already is does nothing.
 */
@Validated
@ConfigurationProperties("childalert.alerts.widening")
record WideningSchedule(Map<DisclosureLevel, List<@Valid Step>> steps) {

    record Step(@NotNull Duration after,
                @Positive @DecimalMax(value = "500", message = "must be at most 500 km") double radiusKm) {
    }

    WideningSchedule {
        steps = steps == null ? Map.of() : Map.copyOf(steps);
    }

    List<Step> of(DisclosureLevel level) {
        return steps.getOrDefault(level, List.of());
    }
}
