package org.childalert.notifications.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.childalert.events.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The authenticated user behind a request: who they are for audit trails, and what roles they hold. */
public record Caller(String subject, String username, Set<String> roles) {

    public static Caller from(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("Expected a JWT-authenticated request, got " + authentication);
        }
        Set<String> roles = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(token.getToken().getSubject(), token.getName(), roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public Actor asActor() {
        return new Actor(subject, username);
    }
}
