package org.childalert.alerts.cap;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How this platform names itself in CAP messages.
 *
 * @param sender the CAP {@code sender}: globally unique, no spaces, commas or reserved characters
 * @param senderName the human-readable {@code senderName} of each {@code info}
 */
@Validated
@ConfigurationProperties("childalert.alerts.cap")
public record CapProperties(@NotBlank @Pattern(regexp = "[^\\s,<&]+") String sender, @NotBlank String senderName) {
}
