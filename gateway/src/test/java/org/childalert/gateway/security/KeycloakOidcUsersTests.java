package org.childalert.gateway.security;

import java.time.Instant;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.childalert.gateway.Tokens;
import org.childalert.kit.web.ResourceServerAutoConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A browser session gets the realm roles of the access token Keycloak issued at login, checked like any API token. */
class KeycloakOidcUsersTests {

    private static final String JWKS_PATH = "/realms/childalert/protocol/openid-connect/certs";
    private static final Tokens tokens = Tokens.withFreshKey();
    private static final WireMockServer keycloak = new WireMockServer(options().dynamicPort());

    private static KeycloakOidcUsers users;

    @BeforeAll
    static void realmServesItsKeys() {
        keycloak.start();
        keycloak.stubFor(get(JWKS_PATH).willReturn(okJson(tokens.jwkSetJson())));
        // the decoder the gateway runs with: web-edge-kit's, as the services check their tokens
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ResourceServerAutoConfiguration.class))
                .withPropertyValues("childalert.security.issuer-uri=" + Tokens.ISSUER,
                        "childalert.security.jwk-set-uri=" + keycloak.baseUrl() + JWKS_PATH,
                        "childalert.security.audience=" + Tokens.AUDIENCE)
                .run(context -> users = new KeycloakOidcUsers(context.getBean(JwtDecoder.class)));
    }

    @AfterAll
    static void stopKeycloak() {
        keycloak.stop();
    }

    @Test
    void givesTheSessionTheRealmRolesOfTheAccessTokenAndTheUserName() {
        OidcUser user = users.loadUser(loginWith(tokens.coordinator("alice")));

        assertThat(user.getName()).isEqualTo("alice");
        assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority).contains("ROLE_COORDINATOR");
    }

    @Test
    void refusesALoginWhoseAccessTokenTheServicesWouldRefuse() {
        assertThatThrownBy(() -> users.loadUser(loginWith(tokens.forAudience("some-other-api", "alice"))))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    private static OidcUserRequest loginWith(String accessToken) {
        Instant now = Instant.now();
        ClientRegistration registration = ClientRegistration.withRegistrationId("keycloak")
                .clientId("console")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .authorizationUri(Tokens.ISSUER + "/protocol/openid-connect/auth")
                .tokenUri(Tokens.ISSUER + "/protocol/openid-connect/token")
                .jwkSetUri(keycloak.baseUrl() + JWKS_PATH)
                .userNameAttributeName("preferred_username")
                .issuerUri(Tokens.ISSUER)
                .build();
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token")
                .issuer(Tokens.ISSUER).subject("subject-of-alice").claim("preferred_username", "alice")
                .issuedAt(now).expiresAt(now.plusSeconds(300))
                .build();
        return new OidcUserRequest(registration,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken, now, now.plusSeconds(300)),
                idToken);
    }
}
