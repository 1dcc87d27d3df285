package org.childalert.kit.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakRealmRolesTests {

    private final KeycloakRealmRoles roles = new KeycloakRealmRoles();

    @Test
    void turnsRealmRolesIntoSpringRolesAndNamesTheCallerByUserName() {
        AbstractAuthenticationToken token = roles.convert(jwt(Map.of("preferred_username", "alice",
                "realm_access", Map.of("roles", List.of("coordinator", "offline_access")))));

        assertThat(token.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_COORDINATOR", "ROLE_OFFLINE_ACCESS");
        assertThat(token.getName()).isEqualTo("alice");
    }

    @Test
    void givesNoRoleToATokenWithoutRealmRolesAndFallsBackToTheSubject() {
        AbstractAuthenticationToken token = roles.convert(jwt(Map.of("realm_access", Map.of("roles", "admin"))));

        assertThat(token.getAuthorities()).isEmpty();
        assertThat(token.getName()).isEqualTo("subject-1");
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("token").header("alg", "none").subject("subject-1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
