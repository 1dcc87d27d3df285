package org.childalert.notifications.contacts;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param unsubscribeUrl the public one-click unsubscribe endpoint (HTTPS in production)
 * @param unsubscribeSecret the key that signs unsubscribe links; from the environment in production
 *                          ({@code CHILDALERT_MAIL_UNSUBSCRIBE_SECRET})
 * @param unsubscribeValidity how long a link works after its email was sent (long, as people unsubscribe from
 *                            old emails, but bounded: a link found in an old mailbox does not work forever)
 */
@Validated
@ConfigurationProperties("childalert.mail")
public record UnsubscribeProperties(@NotBlank String unsubscribeUrl, @NotBlank @Size(min = 16) String unsubscribeSecret,
                                    @NotNull @DefaultValue("60d") Duration unsubscribeValidity) {
}
