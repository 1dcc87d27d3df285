package org.childalert.notifications.security;

import java.util.Set;
import java.util.stream.Stream;

import org.childalert.kit.test.RoleTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The API role table of {@link SecurityConfiguration} alone, in a web slice: every path answers 200 from a stand-in
 * controller once the rules let the caller through, so each row says exactly who may call what; no database, no
 * broker, no provider. (Ownership, a volunteer's own record, is the features' and tested on the whole service.)
 */
@WebMvcTest(controllers = RoleTable.EveryPath.class)
@Import({SecurityConfiguration.class, RoleTable.EveryPath.class})
@ActiveProfiles("test")
class SecurityConfigurationTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    JwtDecoder tokensAreNeverDecodedHere;

    static Stream<Arguments> roleTable() {
        return Stream.of(
                row("POST", "/api/volunteers", "VOLUNTEER", "ADMIN"),
                row("GET", "/api/volunteers/me", "VOLUNTEER"),
                row("GET", "/api/volunteers/42", "VOLUNTEER", "ADMIN"),
                row("GET", "/api/volunteers/42/consent", "VOLUNTEER", "ADMIN"),
                row("PUT", "/api/volunteers/42/preferences", "VOLUNTEER", "ADMIN"),
                row("DELETE", "/api/volunteers/42", "VOLUNTEER", "ADMIN"),
                row("POST", "/api/volunteers/42/opt-out", "VOLUNTEER", "ADMIN"),
                row("POST", "/api/volunteers/42/opt-in", "VOLUNTEER", "ADMIN"),
                row("POST", "/api/volunteers/42/verifications/EMAIL", "VOLUNTEER", "ADMIN"),
                row("POST", "/api/volunteers/42/verifications/SMS/confirmation", "VOLUNTEER", "ADMIN"),
                row("GET", "/api/volunteers"),
                row("GET", "/api/police-contacts", "ADMIN"),
                row("POST", "/api/police-contacts", "ADMIN"),
                row("PUT", "/api/police-contacts/7/duty", "ADMIN"),
                row("GET", "/api/police-zones", "ADMIN"),
                row("PUT", "/api/police-zones/5340", "ADMIN"),
                row("GET", "/api/alerts/42/deliveries", "COORDINATOR", "POLICE", "ADMIN"),
                row("GET", "/api/alerts/42/replies", "COORDINATOR", "POLICE", "ADMIN"),
                row("GET", "/api/alerts/42/report", "COORDINATOR", "POLICE", "ADMIN"),
                row("GET", "/api/alerts/42/report/stream", "COORDINATOR", "POLICE", "ADMIN"),
                row("POST", "/api/reach-estimates", "COORDINATOR", "POLICE"),
                row("GET", "/api/reach-estimates"),
                row("POST", "/api/alerts/42/deliveries"),
                row("GET", "/api/alerts/42"),
                row("GET", "/api/something-new"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("roleTable")
    void letsThroughExactlyTheRolesOfItsRow(String method, String path, Set<String> allowed) throws Exception {
        new RoleTable(mvc).assertRow(method, path, allowed);
    }

    /** Twilio signs its webhooks and the links in emails are signed: checked in the handlers, no login. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("openPaths")
    void answersTheSignedWebhooksAndTheApiDocsWithoutAToken(String method, String path) throws Exception {
        new RoleTable(mvc).assertOpen(method, path);
    }

    static Stream<Arguments> openPaths() {
        return Stream.of(
                Arguments.of("POST", "/api/webhooks/twilio/inbound"),
                Arguments.of("POST", "/api/webhooks/twilio/status"),
                Arguments.of("GET", "/api/webhooks/email/unsubscribe"),
                Arguments.of("POST", "/api/webhooks/email/unsubscribe"),
                Arguments.of("GET", "/api/webhooks/email/verification"),
                Arguments.of("GET", "/v3/api-docs"),
                Arguments.of("GET", "/swagger-ui/index.html"));
    }

    private static Arguments row(String method, String path, String... allowed) {
        return Arguments.of(method, path, Set.of(allowed));
    }
}
