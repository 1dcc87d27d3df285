package org.childalert.cases;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/** Test callers with Keycloak-shaped tokens: the subject doubles as the user name. */
final class Callers {

    private Callers() {
    }

    static RequestPostProcessor alice() {
        return user("alice", "coordinator");
    }

    static RequestPostProcessor erin() {
        return user("erin", "coordinator");
    }

    static RequestPostProcessor bob() {
        return user("bob", "police");
    }

    static RequestPostProcessor carol() {
        return user("carol", "volunteer");
    }

    static RequestPostProcessor admin() {
        return user("admin", "admin");
    }

    static RequestPostProcessor user(String name, String role) {
        return jwt().jwt(token -> token.subject(name)
                        .claim("preferred_username", name)
                        .claim("realm_access", Map.of("roles", List.of(role))))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)));
    }
}
