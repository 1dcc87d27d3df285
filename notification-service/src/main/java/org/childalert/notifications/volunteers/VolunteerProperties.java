package org.childalert.notifications.volunteers;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param consentTextVersion the version of the consent text the sign-up form currently shows; recorded with
 *                           every consent so that what each volunteer agreed to can be proven later
 */
@Validated
@ConfigurationProperties("childalert.volunteers")
record VolunteerProperties(@NotBlank String consentTextVersion) {
}
