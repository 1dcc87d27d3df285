package org.childalert.notifications.contacts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param unsubscribeUrl the public one-click unsubscribe endpoint (HTTPS in production)
 * @param unsubscribeSecret the key that signs unsubscribe links; from the environment in production
 *                          ({@code CHILDALERT_MAIL_UNSUBSCRIBE_SECRET})
 */
@Validated
@ConfigurationProperties("childalert.mail")
public record UnsubscribeProperties(@NotBlank String unsubscribeUrl, @NotBlank @Size(min = 16) String unsubscribeSecret) {
}
