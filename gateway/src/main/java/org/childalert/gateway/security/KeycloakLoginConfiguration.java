package org.childalert.gateway.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

/**
 * The gateway as an OAuth2 client of Keycloak (backend for frontend): the browser gets a session cookie,
 * the tokens stay in the session on the server and are relayed to the services by the routes.
 */
@Configuration
@EnableConfigurationProperties(OAuth2ClientProperties.class) // Boot binds it only for its own repository
class KeycloakLoginConfiguration {

    /**
     * The registrations of {@code spring.security.oauth2.client}, completed with what discovery would have
     * told us: the issuer (so that ID tokens are checked against it) and the end-session endpoint (for
     * RP-initiated logout). Nothing is fetched from Keycloak at startup.
     */
    @Bean
    ClientRegistrationRepository clientRegistrationRepository(OAuth2ClientProperties properties,
            SecurityProperties security) {
        List<ClientRegistration> registrations = new OAuth2ClientPropertiesMapper(properties).asClientRegistrations()
                .values().stream()
                .map(registration -> ClientRegistration.withClientRegistration(registration)
                        .issuerUri(security.issuerUri())
                        .providerConfigurationMetadata(Map.of("end_session_endpoint", security.endSessionUri()))
                        .build())
                .toList();
        return new InMemoryClientRegistrationRepository(registrations);
    }

    /** Tokens live in the HTTP session: they never reach the browser and leave with the session at logout. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Used by the routes' TokenRelay filter; refreshes the session's access token when it has expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager =
                new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }
}
