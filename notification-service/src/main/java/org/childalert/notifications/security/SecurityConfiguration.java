package org.childalert.notifications.security;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestTemplate;

/**
 * This service is an OAuth2 resource server: it validates every JWT itself (signature against the realm's
 * keys, issuer, expiry, audience) and checks the caller's role for every endpoint, listed here in one place.
 * Ownership (a volunteer sees only their own record) is checked in the features themselves.
 */
@Configuration
class SecurityConfiguration {

    static final String COORDINATOR = "COORDINATOR";
    static final String POLICE = "POLICE";
    static final String VOLUNTEER = "VOLUNTEER";
    static final String ADMIN = "ADMIN";

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        http
                .csrf(csrf -> csrf.disable()) // stateless bearer-token API: no cookies, nothing to forge
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        // an error is answered by ApiErrors; should anything still reach the error page, its
                        // dispatch is not a new request to authorize (a failure is never a 403)
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/error").permitAll()
                        // the actuator is served only on the management port (127.0.0.1:9083): Prometheus scrapes
                        // without a token; health shows its details only to an admin's token
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        // Twilio signs its webhooks, the links in emails are signed: no login, checked in the handlers
                        .requestMatchers(HttpMethod.POST, "/api/webhooks/twilio/inbound").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/webhooks/twilio/status").permitAll()
                        .requestMatchers("/api/webhooks/email/unsubscribe", "/api/webhooks/email/verification").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/volunteers").hasAnyRole(VOLUNTEER, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/volunteers/me").hasRole(VOLUNTEER)
                        // a volunteer's own record: ownership is checked in the features (someone else's id is 404)
                        .requestMatchers(HttpMethod.GET, "/api/volunteers/*", "/api/volunteers/*/consent").hasAnyRole(VOLUNTEER, ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/volunteers/*/preferences").hasAnyRole(VOLUNTEER, ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/volunteers/*").hasAnyRole(VOLUNTEER, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/volunteers/*/opt-out", "/api/volunteers/*/opt-in",
                                "/api/volunteers/*/verifications/*", "/api/volunteers/*/verifications/SMS/confirmation")
                                .hasAnyRole(VOLUNTEER, ADMIN)
                        .requestMatchers("/api/police-contacts", "/api/police-contacts/**").hasRole(ADMIN)
                        .requestMatchers("/api/police-zones", "/api/police-zones/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/alerts/*/deliveries").hasAnyRole(COORDINATOR, POLICE, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/alerts/*/replies").hasAnyRole(COORDINATOR, POLICE, ADMIN)

                        .requestMatchers(HttpMethod.GET, "/api/alerts/*/report", "/api/alerts/*/report/stream")
                                .hasAnyRole(COORDINATOR, POLICE, ADMIN)
                        .anyRequest().denyAll())
                .oauth2ResourceServer(oauth2 -> oauth2
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new KeycloakRealmRoles()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        // Spring Security's default JWKS fetch gives up after 500 ms; Keycloak can be slower on a busy machine.
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(5));
        requests.setReadTimeout(Duration.ofSeconds(5));
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .restOperations(new RestTemplate(requests))
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuerUri()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(properties.audience()))));
        return decoder;
    }
}
