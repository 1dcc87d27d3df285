package org.childalert.gateway.security;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Loads the signed-in browser user and gives the session the user's realm roles. Keycloak puts
 * {@code realm_access} in the access token (and in the ID token only if so configured), so the access token
 * is decoded with the same checks as every API call (signature, issuer, expiry, audience): a session gets
 * exactly the roles the services will see.
 */
final class KeycloakOidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService oidcUsers = new OidcUserService();
    private final JwtDecoder accessTokens;

    KeycloakOidcUsers(JwtDecoder accessTokens) {
        this.accessTokens = accessTokens;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = oidcUsers.loadUser(request);
        Jwt accessToken = decode(request.getAccessToken().getTokenValue());
        Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
        authorities.addAll(KeycloakRealmRoles.authorities(accessToken.getClaims()));
        authorities.addAll(KeycloakRealmRoles.authorities(user.getClaims()));
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(),
                request.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUserNameAttributeName());
    }

    private Jwt decode(String accessToken) {
        try {
            return accessTokens.decode(accessToken);
        }
        catch (JwtException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                    "Keycloak issued an access token the services would refuse: " + e.getMessage(), null), e);
        }
    }
}
