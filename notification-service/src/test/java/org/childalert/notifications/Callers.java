package org.childalert.notifications;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/** Test callers with Keycloak-shaped tokens: the subject doubles as the user name. */
public final class Callers {

    private Callers() {
    }

    public static RequestPostProcessor alice() {
        return user("alice", "coordinator");
    }

    public static RequestPostProcessor bob() {
        return user("bob", "police");
    }

    public static RequestPostProcessor carol() {
        return user("carol", "volunteer");
    }

    public static RequestPostProcessor admin() {
        return user("admin", "admin");
    }

    /** A volunteer no earlier test run has seen, so that their sign-up is their first. */
    public static RequestPostProcessor newVolunteer(String name) {
        return user(name, "volunteer");
    }

    public static RequestPostProcessor user(String name, String role) {
        return jwt().jwt(token -> token.subject(name)
                        .claim("preferred_username", name)
                        .claim("realm_access", Map.of("roles", List.of(role))))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)));
    }
}
