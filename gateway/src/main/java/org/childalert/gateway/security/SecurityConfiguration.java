package org.childalert.gateway.security;

import java.net.URI;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Three filter chains. The management chain (actuator, on its own port bound to 127.0.0.1) lets health, info and
 * prometheus be read without a token and reads an admin's bearer token for the health details. The API chain ({@code /api/**}) is an OAuth2 resource server: it lets a request through
 * to a service only with a valid bearer token or a console session (whose access token the route relays);
 * which role may do what is the services' business. The browser chain logs people in through Keycloak
 * (authorization code with PKCE) and keeps them in a session; it lists the console's pages with the roles
 * that may open them (the services check again, and check ownership).
 */
@Configuration
class SecurityConfiguration {

    static final String LOGIN_PATH = "/oauth2/authorization/keycloak";
    static final String COORDINATOR = "COORDINATOR";
    static final String POLICE = "POLICE";
    static final String VOLUNTEER = "VOLUNTEER";
    static final String ADMIN = "ADMIN";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** No page of ours needs a sensor, a payment or a device: the browser refuses them to any script. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
            + "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), "
            + "interest-cohort=()";

    /** API answers are data, never a document to render or frame. */
    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /**
     * The console loads its scripts, styles and images from the gateway only (no inline script or style, nothing
     * from another origin); its forms post to the gateway, whose logout sends the browser on to Keycloak.
     */
    static String consoleContentSecurityPolicy(String keycloakOrigin, String mapTileUrl) {
        // the maps' tiles, when a tile server is configured (childalert.console.map.tile-url), are its images
        String tiles = mapTileUrl == null || mapTileUrl.isBlank() ? "" : " " + originOf(mapTileUrl.replaceAll("[{}]", ""));
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:" + tiles + "; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' " + keycloakOrigin
                + "; frame-ancestors 'none'";
    }

    @Bean
    @Order(0)
    SecurityFilterChain management(HttpSecurity http) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        http
                .securityMatcher(EndpointRequest.toAnyEndpoint())
                // the port is bound to 127.0.0.1: what it exposes (health, info, prometheus) is readable there
                // without a token; health details are shown to an admin's token only (management.endpoint.health)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2ResourceServer(oauth2 -> oauth2
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new KeycloakRealmRoles()))
                        .authenticationEntryPoint(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.disable()) // no cookie is read here, and nothing is written
                .headers(headers -> secureHeaders(headers, API_CONTENT_SECURITY_POLICY));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        // an error is answered by the gateway's error filter; should anything still be forwarded to
                        // the error page, it must not be turned into a statement about the caller's role
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // Twilio's callbacks (the service checks their signature) and the public Atom feed
                        .requestMatchers("/api/webhooks/**", "/api/feeds/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(oauth2 -> oauth2
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new KeycloakRealmRoles()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                // Bearer requests stay stateless; a console session is read (never created) so that the
                // console's own calls are relayed with the session's access token.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::writesWithSessionCookie))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> secureHeaders(headers, API_CONTENT_SECURITY_POLICY));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain browser(HttpSecurity http, ClientRegistrationRepository registrations,
            JwtDecoder jwtDecoder, SecurityProperties security, LocaleResolver consoleLanguage,
            @Value("${childalert.console.map.tile-url:}") String mapTileUrl) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler logoutAtKeycloak =
                new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logoutAtKeycloak.setPostLogoutRedirectUri("{baseUrl}/");
        http
                .authorizeHttpRequests(requests -> requests
                        // the error page tells what failed, whoever asked: never a 401/403 in its place
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/", "/error", "/api-docs/**").permitAll()
                        .requestMatchers(PathRequest.toStaticResources().atCommonLocations()).permitAll()
                        // the console's pages, by audience
                        // police read a case escalated to them (case-service checks which) from an approval card
                        .requestMatchers(HttpMethod.GET, "/cases/new").hasRole(COORDINATOR)
                        .requestMatchers(HttpMethod.GET, "/cases/*", "/cases/*/photo").hasAnyRole(COORDINATOR, POLICE)
                        .requestMatchers("/cases", "/cases/**").hasRole(COORDINATOR)
                        .requestMatchers(HttpMethod.POST, "/alerts/*/acknowledgements",
                                "/active-alerts/*/acknowledgements").hasRole(POLICE)
                        .requestMatchers("/alerts/**").hasAnyRole(COORDINATOR, POLICE)
                        .requestMatchers("/approvals", "/approvals/**", "/active-alerts", "/active-alerts/**")
                        .hasRole(POLICE)
                        .requestMatchers("/volunteer", "/volunteer/**").hasRole(VOLUNTEER)
                        .requestMatchers("/admin", "/admin/**").hasRole(ADMIN)
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .loginPage(LOGIN_PATH) // one identity provider: go straight to Keycloak
                        .authorizationEndpoint(authorization -> authorization.authorizationRequestResolver(
                                new LoginInConsoleLanguage(registrations, consoleLanguage)))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new KeycloakOidcUsers(jwtDecoder))))
                .logout(logout -> logout.logoutSuccessHandler(logoutAtKeycloak))
                .headers(headers -> secureHeaders(headers,
                        consoleContentSecurityPolicy(originOf(security.issuerUri()), mapTileUrl)));
        // CSRF protection stays on (session-stored tokens, rendered into every form by Thymeleaf).
        return http.build();
    }

    /**
     * On every answer: the Content-Security-Policy given, no framing, no referrer beyond the origin to other sites,
     * no powerful browser features, and (Spring Security's default) {@code X-Content-Type-Options: nosniff}.
     */
    private static void secureHeaders(HeadersConfigurer<HttpSecurity> headers, String contentSecurityPolicy) {
        headers
                .contentTypeOptions(Customizer.withDefaults())
                .frameOptions(frame -> frame.deny())
                .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY));
    }

    private static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /**
     * A write authenticated by the session cookie could be forged by another site, so it needs the session's
     * CSRF token. Bearer requests cannot be forged (a request that names another scheme is authenticated by the
     * cookie, so it needs the token too); without a session there is no ambient authority to abuse
     * (and the caller gets a 401, not a CSRF error); Twilio's webhooks are checked by signature.
     */
    private static boolean writesWithSessionCookie(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        return !SAFE_METHODS.contains(request.getMethod())
                && !bearer // any other Authorization header leaves the session cookie as the credential
                && request.getSession(false) != null
                && !request.getRequestURI().startsWith(request.getContextPath() + "/api/webhooks/");
    }
}
