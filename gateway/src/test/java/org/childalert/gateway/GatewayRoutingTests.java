package org.childalert.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.servlet.http.Cookie;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The gateway in front of three fake services and a fake Keycloak JWK set endpoint, driven over real HTTP:
 * which path reaches which service, what is forwarded unchanged, who is turned away, and how browsers are
 * sent to Keycloak.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class GatewayRoutingTests {

    private static final String JWKS_PATH = "/realms/childalert/protocol/openid-connect/certs";

    static final WireMockServer caseService = started();
    static final WireMockServer alertService = started();
    static final WireMockServer notificationService = started();
    static final WireMockServer keycloak = started();
    static final Tokens tokens = Tokens.withFreshKey();

    private static final Map<String, WireMockServer> services = Map.of(
            "case-service", caseService, "alert-service", alertService, "notification-service", notificationService);

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager())
            .build();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @Autowired
    OAuth2AuthorizedClientRepository authorizedClients;

    @Autowired
    SessionRepository<? extends Session> sessions;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("childalert.services.cases-url", caseService::baseUrl);
        registry.add("childalert.services.alerts-url", alertService::baseUrl);
        registry.add("childalert.services.notifications-url", notificationService::baseUrl);
        registry.add("childalert.security.jwk-set-uri", () -> keycloak.baseUrl() + JWKS_PATH);
    }

    @BeforeEach
    void servicesAnswerWithTheirName() {
        services.forEach((name, service) -> {
            service.resetAll();
            service.stubFor(any(anyUrl()).willReturn(okJson("{\"answeredBy\":\"" + name + "\"}")));
        });
        keycloak.resetAll();
        keycloak.stubFor(get(JWKS_PATH).willReturn(okJson(tokens.jwkSetJson())));
    }

    @AfterAll
    static void stopFakes() {
        Stream.concat(services.values().stream(), Stream.of(keycloak)).forEach(WireMockServer::stop);
    }

    static Stream<Arguments> routes() {
        String id = UUID.randomUUID().toString();
        return Stream.of(
                Arguments.of("/api/cases/" + id + "/escalations?dryRun=true", "case-service"),
                Arguments.of("/api/statistics/yearly?year=2022", "case-service"),
                Arguments.of("/api/children/" + id + "/merges", "case-service"),
                Arguments.of("/api/audit?from=2026-01-01&format=csv", "case-service"),
                Arguments.of("/api/imports/historic-cases", "case-service"),
                Arguments.of("/api/alerts/" + id + "/approval?note=ok%20now", "alert-service"),
                Arguments.of("/api/feeds/alerts?lang=nl", "alert-service"),
                Arguments.of("/api/alerts/" + id + "/deliveries?channel=SMS", "notification-service"),
                Arguments.of("/api/alerts/" + id + "/report", "notification-service"),
                Arguments.of("/api/alerts/" + id + "/report/stream", "notification-service"),
                Arguments.of("/api/alerts/" + id + "/replies?kind=SIGHTING", "notification-service"),
                Arguments.of("/api/alerts/" + id + "/acknowledgements", "alert-service"),

                Arguments.of("/api/volunteers?source=web", "notification-service"),
                Arguments.of("/api/police-contacts/" + id + "?zone=5339", "notification-service"),
                Arguments.of("/api/police-zones/" + id + "/duty-contact", "notification-service"));
    }

    @ParameterizedTest(name = "{0} reaches {1}")
    @MethodSource("routes")
    void forwardsEachApiPathToItsServiceWithPathQueryBodyAndTokenIntact(String pathAndQuery, String serviceName)
            throws Exception {
        String token = tokens.coordinator("alice");
        String body = "{\"level\":\"TARGETED\",\"radiusKm\":10,\"marker\":\"" + UUID.randomUUID() + "\"}";

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway(pathAndQuery))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"answeredBy\":\"" + serviceName + "\"}");
        services.get(serviceName).verify(1, postRequestedFor(urlEqualTo(pathAndQuery))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withRequestBody(equalToJson(body)));
        services.forEach((name, service) -> {
            if (!name.equals(serviceName)) {
                assertThat(service.findAll(anyRequestedFor(anyUrl()))).as("requests seen by " + name).isEmpty();
            }
        });
    }

    @Test
    void sendsDeliveriesOfAnAlertToTheNotificationServiceNotTheAlertService() throws Exception {
        String path = "/api/alerts/" + UUID.randomUUID() + "/deliveries";

        HttpResponse<String> response = http.send(authorizedGet(path), HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).contains("notification-service");
        notificationService.verify(1, getRequestedFor(urlEqualTo(path)));
        assertThat(alertService.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void passesTheReportsEventStreamThroughAsAnEventStream() throws Exception {
        String path = "/api/alerts/" + UUID.randomUUID() + "/report/stream";
        String events = """
                event:report
                data:{"total":4,"byState":{"DELIVERED":3}}

                event:report
                data:{"total":4,"byState":{"DELIVERED":4}}

                """;
        notificationService.stubFor(get(path).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream")
                .withBody(events)
                .withChunkedDribbleDelay(2, 200)));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway(path))
                .header("Authorization", "Bearer " + tokens.coordinator("alice"))
                .header("Accept", "text/event-stream")
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(response.body()).isEqualTo(events);
        notificationService.verify(1, getRequestedFor(urlEqualTo(path))
                .withHeader("Accept", equalTo("text/event-stream")));
        assertThat(alertService.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void passesAServiceProblemResponseThroughUnchanged() throws Exception {
        String problem = """
                {"type":"about:blank","title":"Conflict with the current state","status":409,\
                "detail":"The alert is already active."}""";
        String path = "/api/alerts/" + UUID.randomUUID() + "/approval";
        alertService.stubFor(WireMock.post(path).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(problem)));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway(path))
                .header("Authorization", "Bearer " + tokens.coordinator("bob"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).isEqualTo(problem);
    }

    @Test
    void keepsTheHostAndTellsTheServiceThePublicAddressOfTheRequest() throws Exception {
        String path = "/api/cases/" + UUID.randomUUID();

        http.send(authorizedGet(path), HttpResponse.BodyHandlers.ofString());

        caseService.verify(1, getRequestedFor(urlEqualTo(path))
                .withHeader("Host", equalTo("localhost:" + port))
                .withHeader("X-Forwarded-Host", equalTo("localhost:" + port))
                .withHeader("X-Forwarded-Proto", equalTo("http"))
                .withHeader("X-Forwarded-Port", equalTo(String.valueOf(port))));
    }

    @Test
    void turnsAwayARequestWithoutTokenWithProblemJsonBeforeItReachesAService() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway("/api/cases"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"category\":\"RUNAWAY\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertUnauthorizedProblem(response);
        services.values().forEach(service -> assertThat(service.findAll(anyRequestedFor(anyUrl()))).isEmpty());
    }

    @Test
    void turnsAwayAnExpiredToken() throws Exception {
        assertTurnedAway(tokens.expired("alice"));
    }

    @Test
    void turnsAwayATokenFromAnotherIssuer() throws Exception {
        assertTurnedAway(tokens.fromIssuer("http://localhost:8180/realms/elsewhere", "alice"));
    }

    @Test
    void turnsAwayATokenForAnotherAudience() throws Exception {
        assertTurnedAway(tokens.forAudience("some-other-api", "alice"));
    }

    @Test
    void turnsAwayATokenSignedWithAnotherKey() throws Exception {
        assertTurnedAway(Tokens.withFreshKey().coordinator("alice"));
    }

    @Test
    void letsTwilioStatusCallbacksReachTheNotificationServiceWithoutToken() throws Exception {
        String form = "MessageSid=SM" + UUID.randomUUID().toString().replace("-", "") + "&MessageStatus=delivered";

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway("/api/webhooks/twilio/status"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", "c2lnbmF0dXJl")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        notificationService.verify(1, postRequestedFor(urlPathEqualTo("/api/webhooks/twilio/status"))
                .withHeader("X-Twilio-Signature", equalTo("c2lnbmF0dXJl"))
                .withHeader("Host", equalTo("localhost:" + port))
                .withRequestBody(equalTo(form)));
    }

    @Test
    void relaysTheAccessTokenOfAConsoleSessionToTheService() throws Exception {
        String accessToken = tokens.coordinator("alice");
        Cookie session = signedInSession("alice", accessToken);
        String path = "/api/cases/" + UUID.randomUUID();

        mvc.perform(MockMvcRequestBuilders.get(path).cookie(session))
                .andExpect(status().isOk());

        caseService.verify(1, getRequestedFor(urlEqualTo(path))
                .withHeader("Authorization", equalTo("Bearer " + accessToken)));
    }

    @Test
    void refusesAWriteFromAConsoleSessionWithoutCsrfToken() throws Exception {
        Cookie session = signedInSession("alice", tokens.coordinator("alice"));

        mvc.perform(MockMvcRequestBuilders.post("/api/cases").cookie(session).contentType("application/json").content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType("application/problem+json"));

        assertThat(caseService.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void refusesAWriteFromAConsoleSessionWithoutCsrfTokenThatCarriesAnAuthorizationHeaderOtherThanABearerToken()
            throws Exception {
        Cookie session = signedInSession("alice", tokens.coordinator("alice"));

        mvc.perform(MockMvcRequestBuilders.post("/api/cases").cookie(session).header("Authorization", "Basic eDp5")
                        .contentType("application/json").content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType("application/problem+json"));

        assertThat(caseService.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void forwardsAWriteFromAConsoleSessionThatCarriesTheCsrfToken() throws Exception {
        Cookie session = signedInSession("alice", tokens.coordinator("alice"));

        mvc.perform(MockMvcRequestBuilders.post("/api/cases").cookie(session).with(csrf().asHeader()).contentType("application/json").content("{}"))
                .andExpect(status().isOk());

        caseService.verify(1, postRequestedFor(urlEqualTo("/api/cases")));
    }

    @Test
    void sendsAnAnonymousBrowserToKeycloakWithPkce() throws Exception {
        HttpResponse<String> consolePage = http.send(HttpRequest.newBuilder(gateway("/cases"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(consolePage.statusCode()).isEqualTo(302);
        URI login = URI.create(consolePage.headers().firstValue("Location").orElseThrow());
        assertThat(login.getPath()).isEqualTo("/oauth2/authorization/keycloak");

        HttpResponse<String> authorization = http.send(HttpRequest.newBuilder(gateway(login.getPath()))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(authorization.statusCode()).isEqualTo(302);
        String keycloakUrl = authorization.headers().firstValue("Location").orElseThrow();
        assertThat(keycloakUrl)
                .startsWith(Tokens.ISSUER + "/protocol/openid-connect/auth?")
                .contains("response_type=code", "client_id=console", "code_challenge=",
                        "code_challenge_method=S256", "scope=openid%20profile%20email");
        services.values().forEach(service -> assertThat(service.findAll(anyRequestedFor(anyUrl()))).isEmpty());
    }

    @Test
    void asksKeycloakForTheLoginPageInTheLanguageTheConsoleShows() throws Exception {
        HttpResponse<String> dutch = http.send(HttpRequest.newBuilder(gateway("/oauth2/authorization/keycloak"))
                .header("Accept", "text/html").header("Cookie", "CHILDALERT_LANG=nl").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> french = http.send(HttpRequest.newBuilder(gateway("/oauth2/authorization/keycloak"))
                .header("Accept", "text/html").header("Accept-Language", "fr-BE,fr;q=0.9").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(dutch.statusCode()).isEqualTo(302);
        assertThat(dutch.headers().firstValue("Location").orElseThrow())
                .contains("ui_locales=nl", "code_challenge_method=S256");
        assertThat(french.headers().firstValue("Location").orElseThrow()).contains("ui_locales=fr");
    }

    @Test
    void reportsHealthyWithoutKeycloak() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    private void assertTurnedAway(String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway("/api/cases/" + UUID.randomUUID()))
                .header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertUnauthorizedProblem(response);
        services.values().forEach(service -> assertThat(service.findAll(anyRequestedFor(anyUrl()))).isEmpty());
    }

    private static void assertUnauthorizedProblem(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401");
    }

    private HttpRequest authorizedGet(String path) {
        return HttpRequest.newBuilder(gateway(path))
                .header("Authorization", "Bearer " + tokens.coordinator("alice"))
                .GET().build();
    }

    private URI gateway(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    /** A session as the login with Keycloak leaves it: the user in the security context, the tokens beside it. */
    /**
     * A console session as the login leaves it, in the sessions store every gateway shares (Spring Session JDBC),
     * and the browser's cookie naming it.
     */
    private Cookie signedInSession(String userName, String accessTokenValue) {
        Instant now = Instant.now();
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token-of-" + userName)
                .issuer(Tokens.ISSUER).subject("subject-of-" + userName).audience(Set.of("console"))
                .issuedAt(now).expiresAt(now.plusSeconds(300)).claim("preferred_username", userName)
                .build();
        DefaultOidcUser user = new DefaultOidcUser(Set.of(new SimpleGrantedAuthority("ROLE_COORDINATOR")), idToken,
                "preferred_username");
        OAuth2AuthenticationToken authentication =
                new OAuth2AuthenticationToken(user, user.getAuthorities(), "keycloak");
        OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(registrations.findByRegistrationId("keycloak"),
                userName, new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessTokenValue, now,
                        now.plusSeconds(300)));

        MockHttpSession tokensHolder = new MockHttpSession();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(tokensHolder);
        authorizedClients.saveAuthorizedClient(client, authentication, request, new MockHttpServletResponse());
        Map<String, Object> attributes = new java.util.HashMap<>();
        for (String name : java.util.Collections.list(tokensHolder.getAttributeNames())) {
            attributes.put(name, tokensHolder.getAttribute(name));
        }
        attributes.put(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(authentication));
        return new Cookie("CHILDALERT_SESSION", Base64.getEncoder()
                .encodeToString(savedSession(sessions, attributes).getBytes(StandardCharsets.UTF_8)));
    }

    private static <S extends Session> String savedSession(SessionRepository<S> repository,
            Map<String, Object> attributes) {
        S session = repository.createSession();
        attributes.forEach(session::setAttribute);
        repository.save(session);
        return session.getId();
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }
}
