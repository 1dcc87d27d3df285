package org.childalert.alerts.approval;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.childalert.events.DisclosureLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long an approved alert runs before it expires, per disclosure level. A public alert always lasts
 * {@link #PUBLIC} (Belgium's Child Alert rule: 6 hours, extended only by a fresh decision); the discreet
 * levels are configurable.
 *
 * @param targeted lifetime of a {@code TARGETED} alert
 * @param policeOnly lifetime of a {@code POLICE_ONLY} alert
 */
@Validated
@ConfigurationProperties("childalert.alerts.lifetime")
record AlertLifetimes(@NotNull @DefaultValue("12h") Duration targeted,
                      @NotNull @DefaultValue("24h") Duration policeOnly) {

    static final Duration PUBLIC = Duration.ofHours(6);

    Duration of(DisclosureLevel level) {
        if (level == DisclosureLevel.PUBLIC) {
            return PUBLIC;
        }
        return level == DisclosureLevel.TARGETED ? targeted : policeOnly;
    }
}
