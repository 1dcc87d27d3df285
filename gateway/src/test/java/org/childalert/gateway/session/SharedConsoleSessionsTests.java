package org.childalert.gateway.session;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.childalert.gateway.GatewayApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateways on one PostgreSQL database (gateway_test), as `bin/stack up --instances 2` runs them behind the
 * load balancer: a console session that one gateway signed in is the same session on the other, tokens included,
 * and a session removed through one is gone from both. Without the shared store, gateway 2 would not know the
 * cookie and answer 401.
 */
class SharedConsoleSessionsTests {

    private static final String SESSION_COOKIE = "CHILDALERT_SESSION";

    private static final WireMockServer caseService = new WireMockServer(options().dynamicPort());
    private static ConfigurableApplicationContext gateway1;
    private static ConfigurableApplicationContext gateway2;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void twoGateways() {
        caseService.start();
        gateway1 = gateway();
        gateway2 = gateway();
    }

    @AfterAll
    static void stop() {
        if (gateway2 != null) {
            gateway2.close();
        }
        if (gateway1 != null) {
            gateway1.close();
        }
        caseService.stop();
    }

    @BeforeEach
    void caseServiceAnswers() {
        caseService.resetAll();
        caseService.stubFor(get(urlPathEqualTo("/api/cases")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("[]")));
    }

    @Test
    void a_session_signed_in_on_one_gateway_is_signed_in_on_the_other_with_its_tokens() throws Exception {
        String cookie = signedInOn(gateway1, "alice", "coordinator");

        HttpResponse<String> throughGateway2 = getCases(gateway2, cookie);
        HttpResponse<String> throughGateway1 = getCases(gateway1, cookie);

        assertThat(throughGateway2.statusCode()).isEqualTo(200);
        assertThat(throughGateway1.statusCode()).isEqualTo(200);
        // gateway 2 relayed the access token that gateway 1 put in the session
        caseService.verify(2, getRequestedFor(urlPathEqualTo("/api/cases"))
                .withHeader("Authorization", equalTo("Bearer token-of-alice")));
    }

    @Test
    void a_session_ended_through_one_gateway_is_ended_on_the_other() throws Exception {
        String cookie = signedInOn(gateway1, "bob", "police");
        assertThat(getCases(gateway1, cookie).statusCode()).isEqualTo(200);

        sessions(gateway2).deleteById(sessionIdOf(cookie));

        assertThat(getCases(gateway1, cookie).statusCode()).isEqualTo(401);
        assertThat(getCases(gateway2, cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void a_cookie_no_gateway_signed_in_is_refused_by_both() throws Exception {
        String unknown = Base64.getEncoder().encodeToString("00000000-0000-0000-0000-000000000000"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(getCases(gateway1, unknown).statusCode()).isEqualTo(401);
        assertThat(getCases(gateway2, unknown).statusCode()).isEqualTo(401);
        caseService.verify(0, getRequestedFor(urlPathEqualTo("/api/cases")));
    }

    /**
     * What gateway 1's login leaves in its session store: the security context of an OIDC login and the user's
     * tokens ({@link HttpSessionOAuth2AuthorizedClientRepository}). Returns the browser's cookie value.
     */
    private static String signedInOn(ConfigurableApplicationContext gateway, String userName, String role) {
        Instant now = Instant.now();
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token-of-" + userName)
                .issuer("http://localhost:8180/realms/childalert")
                .subject("subject-of-" + userName)
                .claim("preferred_username", userName)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300))
                .build();
        DefaultOidcUser user = new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase())),
                idToken, "preferred_username");
        ClientRegistration keycloak = gateway.getBean(ClientRegistrationRepository.class)
                .findByRegistrationId("keycloak");
        OAuth2AuthorizedClient tokens = new OAuth2AuthorizedClient(keycloak, userName,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-of-" + userName, now,
                        now.plusSeconds(300)));

        SessionRepository<Session> sessions = sessions(gateway);
        Session session = sessions.createSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(new OAuth2AuthenticationToken(user, user.getAuthorities(), "keycloak")));
        session.setAttribute(HttpSessionOAuth2AuthorizedClientRepository.class.getName() + ".AUTHORIZED_CLIENTS",
                new HashMap<>(Map.of("keycloak", tokens)));
        sessions.save(session);
        return Base64.getEncoder().encodeToString(session.getId().getBytes(StandardCharsets.UTF_8));
    }

    private static String sessionIdOf(String cookie) {
        return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static SessionRepository<Session> sessions(ConfigurableApplicationContext gateway) {
        return gateway.getBean(SessionRepository.class);
    }

    private HttpResponse<String> getCases(ConfigurableApplicationContext gateway, String cookie) throws Exception {
        String port = gateway.getEnvironment().getProperty("local.server.port");
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases"))
                .header("Cookie", SESSION_COOKIE + "=" + cookie)
                .header("Accept", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ConfigurableApplicationContext gateway() {
        // command-line arguments: they win over application.yml (builder properties would not)
        return new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0",
                "--management.server.port=0",
                "--childalert.services.cases-url=" + caseService.baseUrl(),
                "--childalert.services.alerts-url=" + caseService.baseUrl(),
                "--childalert.services.notifications-url=" + caseService.baseUrl());
    }
}
