package org.childalert.notifications.limits;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many messages of one kind (see {@link SendLimits.Action}) may be sent within {@code window}.
 *
 * @param window the sliding window the counts are taken over
 * @param perDestination to one phone number or mailbox, whoever asks
 * @param perAccount asked for by one account (the Keycloak subject)
 * @param perClient asked for from one client address
 * @param overall over the whole platform, of each kind
 * @param hashKey the HMAC key of the stored hashes; from the environment in production
 *                ({@code CHILDALERT_LIMITS_HASH_KEY})
 */
@Validated
@ConfigurationProperties("childalert.limits")
public record SendLimitProperties(@NotNull Duration window, @Min(1) int perDestination, @Min(1) int perAccount,
                                  @Min(1) int perClient, @Min(1) int overall,
                                  @NotBlank @Size(min = 16) String hashKey) {
}
