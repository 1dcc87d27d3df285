package org.childalert.cases.security;

import jakarta.servlet.DispatcherType;
import org.childalert.kit.web.BearerTokenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

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
        BearerTokenApi.configure(http)
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
                        .anyRequest().denyAll());
        return http.build();
    }
}
