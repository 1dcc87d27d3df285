package org.childalert.alerts.acknowledgement;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param deadline how long a police zone has, from the moment the alert reached it, to acknowledge it before
 *                 the alert escalates to the zone's duty contact and the coordinator is told
 */
@Validated
@ConfigurationProperties("childalert.alerts.acknowledgement")
record AcknowledgementProperties(@NotNull @DefaultValue("30m") Duration deadline) {
}
