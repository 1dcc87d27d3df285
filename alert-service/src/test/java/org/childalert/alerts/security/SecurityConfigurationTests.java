package org.childalert.alerts.security;

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
 * The API role table of {@link SecurityConfiguration} alone (the actuator's chain needs the actuator, so it is
 * {@code ErrorsAndManagementOverHttpTests}'s), in a web slice: every path answers 200 from a stand-in
 * controller once the rules let the caller through, so each row says exactly who may call what; no database, no
 * broker, no feature. (What the features answer to allowed callers is {@code RoleTableTests}, on the whole service.)
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
                row("GET", "/api/alerts?zone=mine", "POLICE", "ADMIN"),
                row("GET", "/api/alerts", "COORDINATOR", "POLICE", "ADMIN"),
                row("GET", "/api/alerts/42", "COORDINATOR", "POLICE", "ADMIN"),
                row("GET", "/api/alerts/42/cap", "COORDINATOR", "POLICE", "ADMIN"),
                row("GET", "/api/alerts/42/acknowledgements", "COORDINATOR", "POLICE", "ADMIN"),
                row("GET", "/api/alerts/42/changes/photo", "COORDINATOR", "POLICE", "ADMIN"),
                row("POST", "/api/alerts/42/approval", "POLICE"),
                row("POST", "/api/alerts/42/rejection", "POLICE"),
                row("POST", "/api/alerts/42/extensions/approval", "POLICE"),
                row("POST", "/api/alerts/42/extensions/rejection", "POLICE"),
                row("POST", "/api/alerts/42/changes/approval", "POLICE"),
                row("POST", "/api/alerts/42/changes/rejection", "POLICE"),
                row("POST", "/api/alerts/42/acknowledgements", "POLICE"),
                row("POST", "/api/alerts/42/cancellation", "COORDINATOR", "POLICE"),
                row("POST", "/api/alerts/42/updates", "COORDINATOR", "POLICE"),
                row("POST", "/api/alerts/42/widening", "COORDINATOR", "POLICE"),
                row("POST", "/api/alerts/42/extensions", "COORDINATOR", "POLICE"),
                row("PUT", "/api/alerts/42/photo", "COORDINATOR", "POLICE"),
                row("DELETE", "/api/alerts/42"),
                row("POST", "/api/alerts"),
                row("GET", "/api/something-new"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("roleTable")
    void letsThroughExactlyTheRolesOfItsRow(String method, String path, Set<String> allowed) throws Exception {
        new RoleTable(mvc).assertRow(method, path, allowed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openPaths")
    void answersThePublicFeedsAndTheApiDocsWithoutAToken(String path) throws Exception {
        new RoleTable(mvc).assertOpen("GET", path);
    }

    static Stream<String> openPaths() {
        return Stream.of("/api/feeds/alerts.atom", "/api/feeds/alerts/42/cap", "/api/feeds/alerts/42/photo",
                "/v3/api-docs", "/swagger-ui/index.html");
    }

    private static Arguments row(String method, String path, String... allowed) {
        return Arguments.of(method, path, Set.of(allowed));
    }
}
