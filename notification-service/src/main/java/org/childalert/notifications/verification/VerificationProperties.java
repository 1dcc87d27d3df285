package org.childalert.notifications.verification;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param codeValidity how long an SMS code can be used
 * @param linkValidity how long an email confirmation link can be used
 * @param maxAttempts how many wrong codes end a code (a new one must be asked for)
 * @param linkUrl the public confirmation page the email links to; the token is appended
 * @param secret the key that hashes codes, link tokens and addresses; from the environment in production
 *               ({@code CHILDALERT_VERIFICATION_SECRET})
 */
@Validated
@ConfigurationProperties("childalert.verification")
record VerificationProperties(@NotNull Duration codeValidity, @NotNull Duration linkValidity, @Min(1) int maxAttempts,
                              @NotBlank String linkUrl,
                              @NotBlank @Size(min = 16) String secret) {
}
