package org.childalert.kit.web;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where tokens come from and whom they must be for.
 *
 * @param issuerUri the {@code iss} every token must carry (the realm's public URL)
 * @param jwkSetUri where the realm's signing keys are fetched (may be an internal address)
 * @param audience the {@code aud} every token must contain
 */
@Validated
@ConfigurationProperties("childalert.security")
public record SecurityProperties(@NotBlank String issuerUri, @NotBlank String jwkSetUri, @NotBlank String audience) {
}
