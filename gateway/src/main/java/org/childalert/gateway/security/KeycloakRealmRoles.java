package org.childalert.gateway.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Maps Keycloak's realm roles ({@code realm_access.roles}) to Spring authorities: {@code coordinator}
 * becomes {@code ROLE_COORDINATOR}, for bearer tokens and browser sessions alike. The principal's name is
 * the user name.
 */
final class KeycloakRealmRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String USER_NAME_CLAIM = "preferred_username";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String name = jwt.getClaimAsString(USER_NAME_CLAIM);
        return new JwtAuthenticationToken(jwt, authorities(jwt.getClaims()), name != null ? name : jwt.getSubject());
    }

    static List<GrantedAuthority> authorities(Map<String, Object> claims) {
        if (!(claims.get("realm_access") instanceof Map<?, ?> realmAccess)
                || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(
                        "ROLE_" + String.valueOf(role).toUpperCase(Locale.ROOT)))
                .toList();
    }
}
