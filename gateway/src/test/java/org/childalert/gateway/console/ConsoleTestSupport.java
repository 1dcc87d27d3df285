package org.childalert.gateway.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

/**
 * The console in front of three fake services (WireMock), driven through MockMvc as a user signed in
 * through Keycloak with given realm roles. The fakes are shared by every console test class so that they
 * share one application context too.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class ConsoleTestSupport {

    /** How many alert pages may be live at once in these tests (LiveAlertUpdatesTests opens one more). */
    protected static final int MAX_LIVE_PAGES = 2;

    protected static final WireMockServer caseService = started();
    protected static final WireMockServer alertService = started();
    protected static final WireMockServer notificationService = started();

    @Autowired
    protected MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("childalert.services.cases-url", caseService::baseUrl);
        registry.add("childalert.services.alerts-url", alertService::baseUrl);
        registry.add("childalert.services.notifications-url", notificationService::baseUrl);
        registry.add("childalert.console.live.max-streams", () -> MAX_LIVE_PAGES);
    }

    @BeforeEach
    void forgetEarlierRequests() {
        Stream.of(caseService, alertService, notificationService).forEach(WireMockServer::resetAll);
    }

    /** Signed in as the user with these realm roles; the session's access token is {@code token-of-<name>}. */
    protected RequestPostProcessor signedIn(String userName, String... roles) {
        return signedIn(userName, Duration.ofMinutes(5), roles);
    }

    /** Signed in, with a session whose access token expires after the given time. */
    protected RequestPostProcessor signedIn(String userName, Duration tokenLifetime, String... roles) {
        return signedIn(userName, tokenLifetime, java.util.Map.of(), roles);
    }

    /** Signed in, the ID token carrying these claims too (email, given_name, ...). */
    protected RequestPostProcessor signedIn(String userName, java.util.Map<String, Object> claims, String... roles) {
        return signedIn(userName, Duration.ofMinutes(5), claims, roles);
    }

    private RequestPostProcessor signedIn(String userName, Duration tokenLifetime, java.util.Map<String, Object> claims,
                                          String... roles) {
        Instant now = Instant.now();
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token-of-" + userName)
                .issuer("http://localhost:8180/realms/childalert")
                .subject("subject-of-" + userName)
                .claim("preferred_username", userName)
                .claims(all -> all.putAll(claims))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300))
                .build();
        List<SimpleGrantedAuthority> authorities = Stream.of(roles)
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.toUpperCase()))
                .toList();
        ClientRegistration keycloak = registrations.findByRegistrationId("keycloak");
        RequestPostProcessor login = oidcLogin()
                .clientRegistration(keycloak)
                .oidcUser(new DefaultOidcUser(authorities, idToken, "preferred_username"));
        RequestPostProcessor tokens = oauth2Client(keycloak.getRegistrationId())
                .clientRegistration(keycloak)
                .principalName(userName)
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-of-" + userName, now,
                        now.plus(tokenLifetime)));
        return request -> tokens.postProcessRequest(login.postProcessRequest(request));
    }

    protected static String problem(int status, String detail, String field, String message) {
        return """
                {"type":"about:blank","title":"Invalid request","status":%d,"detail":"%s",\
                "errors":[{"field":"%s","message":"%s"}]}""".formatted(status, detail, field, message);
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }
}
