package org.childalert.notifications.email;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param from the sender of every alert email
 * @param unsubscribeMailbox where an unsubscribe email can be sent instead
 */
@Validated
@ConfigurationProperties("childalert.mail")
record AlertMailProperties(@NotBlank @Email String from, @NotBlank @Email String unsubscribeMailbox) {
}
