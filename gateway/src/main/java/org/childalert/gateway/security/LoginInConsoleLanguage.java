package org.childalert.gateway.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Sends the browser to Keycloak's login page in the console's language: the authorisation request Spring Security
 * builds (with PKCE) gets the OpenID Connect parameter {@code ui_locales}, the language the console shows (its
 * language cookie, else the browser's). Keycloak ranks it above its own cookie and {@code Accept-Language}, so
 * someone who chose Nederlands in the console registers or resets a password in Dutch.
 */
final class LoginInConsoleLanguage implements OAuth2AuthorizationRequestResolver {

    static final String AUTHORIZATION_PATH = "/oauth2/authorization";

    private final OAuth2AuthorizationRequestResolver defaults;
    private final LocaleResolver consoleLanguage;

    LoginInConsoleLanguage(ClientRegistrationRepository registrations, LocaleResolver consoleLanguage) {
        this.defaults = new DefaultOAuth2AuthorizationRequestResolver(registrations, AUTHORIZATION_PATH);
        this.consoleLanguage = consoleLanguage;
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        return inConsoleLanguage(defaults.resolve(request), request);
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
        return inConsoleLanguage(defaults.resolve(request, registrationId), request);
    }

    private OAuth2AuthorizationRequest inConsoleLanguage(OAuth2AuthorizationRequest authorization,
            HttpServletRequest request) {
        if (authorization == null) {
            return null;
        }
        String language = consoleLanguage.resolveLocale(request).getLanguage();
        return OAuth2AuthorizationRequest.from(authorization)
                .additionalParameters(parameters -> parameters.put("ui_locales", language))
                .build();
    }
}
