package org.childalert.alerts;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Bearer tokens for tests that call the service over real HTTP: the token's text is the realm role it carries
 * ({@code Authorization: Bearer coordinator}), decoded by a mocked {@link JwtDecoder} as Keycloak's would be.
 */
public final class BearerTokens {

    private BearerTokens() {
    }

    public static void decodeRoles(JwtDecoder decoder) {
        when(decoder.decode(anyString())).thenAnswer(call -> {
            String role = call.getArgument(0);
            return Jwt.withTokenValue(role)
                    .header("alg", "RS256")
                    .subject(role + "-subject")
                    .claim("preferred_username", role)
                    .claim("realm_access", Map.of("roles", List.of(role)))
                    .issuedAt(Instant.now())
                    .expiresAt(Instant.now().plusSeconds(300))
                    .build();
        });
    }
}
