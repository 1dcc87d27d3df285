package org.childalert.cases.security;

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
 * Ownership (which case a caller may touch) is checked in the features themselves.
 */
@Configuration
class SecurityConfiguration {

    static final String COORDINATOR = "COORDINATOR";
    static final String POLICE = "POLICE";
    static final String ADMIN = "ADMIN";

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        http
                .csrf(csrf -> csrf.disable()) // stateless bearer-token API: no cookies, nothing to forge
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        // the error page reports a failure that already happened: never a question of role
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // the actuator is served only on the management port (127.0.0.1:9081 by default):
                        // health (details only for an administrator, see management.endpoint.health), info and
                        // the Prometheus scrape, which needs no token
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/cases/**").hasAnyRole(COORDINATOR, POLICE)
                        .requestMatchers("/api/cases/**").hasRole(COORDINATOR)
                        .requestMatchers("/api/children/**").hasRole(COORDINATOR)
                        .requestMatchers("/api/statistics/**").hasAnyRole(COORDINATOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/audit").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/imports/historic-cases").hasRole(ADMIN)
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
