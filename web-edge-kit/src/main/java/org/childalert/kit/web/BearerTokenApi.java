package org.childalert.kit.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * What every service's API filter chain shares, whatever its role table: stateless, no CSRF (a bearer-token API
 * has no cookies to forge with), tokens checked as an OAuth2 resource server with Keycloak's realm roles as
 * authorities, and 401/403 answered as {@code application/problem+json}.
 */
public final class BearerTokenApi {

    private BearerTokenApi() {
    }

    /** Configures {@code http} as above; the caller adds its role table ({@code authorizeHttpRequests}). */
    public static HttpSecurity configure(HttpSecurity http) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(oauth2 -> oauth2
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new KeycloakRealmRoles()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }
}
