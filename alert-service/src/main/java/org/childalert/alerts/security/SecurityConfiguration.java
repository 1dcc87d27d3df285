package org.childalert.alerts.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.childalert.kit.web.BearerTokenApi;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * This service is an OAuth2 resource server: it validates every JWT itself (signature against the realm's
 * keys, issuer, expiry, audience) and checks the caller's role for every endpoint, listed here in one place.
 * Ownership (a requester may not decide on their own escalation) is checked in the features themselves.
 */
@Configuration
class SecurityConfiguration {

    static final String COORDINATOR = "COORDINATOR";
    static final String POLICE = "POLICE";
    static final String ADMIN = "ADMIN";

    private static final RequestMatcher ALERT_LIST = PathPatternRequestMatcher.withDefaults().matcher("/api/alerts");

    /**
     * The actuator, on its own management port bound to 127.0.0.1: health (details only for an administrator's
     * token), info and the Prometheus scrape are open to whoever can reach that port; anything else needs an
     * administrator.
     */
    @Bean
    @Order(1)
    SecurityFilterChain management(HttpSecurity http) throws Exception {
        BearerTokenApi.configure(http.securityMatcher(EndpointRequest.toAnyEndpoint()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll()
                        .anyRequest().hasRole(ADMIN));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        BearerTokenApi.configure(http)
                .authorizeHttpRequests(requests -> requests
                        // an error is answered by ApiErrors where it happens; should anything still be forwarded
                        // to the error page, that dispatch is never judged as if it were the caller's request
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        // public forms of public alerts: the Atom feed, their CAP messages and withdrawable photo links
                        .requestMatchers(HttpMethod.GET, "/api/feeds/alerts.atom", "/api/feeds/alerts/*/cap",
                                "/api/feeds/alerts/*/photo").permitAll()
                        // the alerts for the caller's police zone (GET /api/alerts?zone=mine)
                        .requestMatchers(SecurityConfiguration::listsAlertsOfAZone).hasAnyRole(POLICE, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/alerts", "/api/alerts/*", "/api/alerts/*/cap",
                                "/api/alerts/*/acknowledgements").hasAnyRole(COORDINATOR, POLICE, ADMIN)
                        // the photo a change waiting for approval brings, for those who decide or asked
                        .requestMatchers(HttpMethod.GET, "/api/alerts/*/changes/photo")
                                .hasAnyRole(COORDINATOR, POLICE, ADMIN)
                        // police decide (never on what they asked for themselves: checked in the features)
                        .requestMatchers(HttpMethod.POST, "/api/alerts/*/approval", "/api/alerts/*/rejection",
                                "/api/alerts/*/extensions/approval", "/api/alerts/*/extensions/rejection",
                                "/api/alerts/*/changes/approval", "/api/alerts/*/changes/rejection",
                                "/api/alerts/*/acknowledgements").hasRole(POLICE)
                        // coordinators and police ask for changes, which wait for another officer's approval
                        .requestMatchers(HttpMethod.POST, "/api/alerts/*/cancellation", "/api/alerts/*/updates",
                                "/api/alerts/*/widening", "/api/alerts/*/extensions").hasAnyRole(COORDINATOR, POLICE)
                        .requestMatchers(HttpMethod.PUT, "/api/alerts/*/photo").hasAnyRole(COORDINATOR, POLICE)
                        .anyRequest().denyAll());
        return http.build();
    }

    /** The alert list narrowed to a police zone: the plain list's path with a {@code zone} parameter. */
    private static boolean listsAlertsOfAZone(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod())
                && request.getParameter("zone") != null
                && ALERT_LIST.matches(request);
    }
}
