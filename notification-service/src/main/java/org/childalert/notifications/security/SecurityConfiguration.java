package org.childalert.notifications.security;

import jakarta.servlet.DispatcherType;

import org.childalert.kit.web.BearerTokenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * This service is an OAuth2 resource server: it validates every JWT itself (signature against the realm's
 * keys, issuer, expiry, audience: web-edge-kit's decoder, from {@code childalert.security.*}) and checks the caller's
 * role for every endpoint, listed here in one place.
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
        BearerTokenApi.configure(http)
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

                        // before an alert is approved: its reach and its messages, nothing stored
                        .requestMatchers(HttpMethod.POST, "/api/reach-estimates").hasAnyRole(COORDINATOR, POLICE)
                        .requestMatchers(HttpMethod.GET, "/api/alerts/*/report", "/api/alerts/*/report/stream")
                                .hasAnyRole(COORDINATOR, POLICE, ADMIN)
                        .anyRequest().denyAll());
        return http.build();
    }
}
