package org.childalert.gateway.console;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the gateway reaches each service: the routes relay API calls there, and the console's pages call
 * the same addresses server-side.
 */
@Validated
@ConfigurationProperties("childalert.services")
record ServiceUrls(@NotBlank String casesUrl, @NotBlank String alertsUrl, @NotBlank String notificationsUrl) {
}
