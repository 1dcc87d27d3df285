package org.childalert.alerts;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Bearer tokens as Keycloak issues them to the demo users: realm roles and a user name. */
public final class Tokens {

    private Tokens() {
    }

    public static RequestPostProcessor tokenOf(String username, String role, String subject) {
        return jwt()
                .jwt(token -> token.subject(subject)
                        .claim("preferred_username", username)
                        .claim("realm_access", Map.of("roles", List.of(role))))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)));
    }

    public static RequestPostProcessor officer(String username) {
        return tokenOf(username, "police", UUID.randomUUID().toString());
    }

    public static RequestPostProcessor coordinator() {
        return tokenOf("alice", "coordinator", UUID.randomUUID().toString());
    }

    public static RequestPostProcessor admin() {
        return tokenOf("admin", "admin", UUID.randomUUID().toString());
    }

    public static RequestPostProcessor volunteer() {
        return tokenOf("carol", "volunteer", UUID.randomUUID().toString());
    }
}
