package org.childalert.gateway.console;

import java.util.List;
import java.util.Locale;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * What the console shows about the person signed in.
 *
 * @param name the user name in Keycloak
 * @param roles the realm roles, lower case and sorted ({@code coordinator}, {@code police}, ...)
 */
public record SignedInUser(String name, List<String> roles) {

    private static final String ROLE_PREFIX = "ROLE_";

    static SignedInUser of(OidcUser user) {
        List<String> roles = user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()).toLowerCase(Locale.ROOT))
                .distinct()
                .sorted()
                .toList();
        return new SignedInUser(user.getName(), roles);
    }

    public boolean is(String role) {
        return roles.contains(role);
    }
}
