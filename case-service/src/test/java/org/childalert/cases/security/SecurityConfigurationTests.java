package org.childalert.cases.security;

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
 * The role table of {@link SecurityConfiguration} alone, in a web slice: every path answers 200 from a stand-in
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
                row("GET", "/api/cases", "COORDINATOR", "POLICE"),
                row("GET", "/api/cases/42/timeline", "COORDINATOR", "POLICE"),
                row("POST", "/api/cases", "COORDINATOR"),
                row("POST", "/api/cases/42/escalations", "COORDINATOR"),
                row("PUT", "/api/cases/42/photo", "COORDINATOR"),
                row("GET", "/api/children/7", "COORDINATOR"),
                row("POST", "/api/children/7/merges", "COORDINATOR"),
                row("GET", "/api/statistics/2026", "COORDINATOR", "ADMIN"),
                row("GET", "/api/audit", "ADMIN"),
                row("POST", "/api/audit"),
                row("POST", "/api/imports/historic-cases", "ADMIN"),
                row("GET", "/api/imports/historic-cases"),
                row("GET", "/api/something-new"),
                row("GET", "/actuator/metrics", "ADMIN"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("roleTable")
    void letsThroughExactlyTheRolesOfItsRow(String method, String path, Set<String> allowed) throws Exception {
        new RoleTable(mvc).assertRow(method, path, allowed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openPaths")
    void answersHealthInfoTheScrapeAndTheApiDocsWithoutAToken(String path) throws Exception {
        new RoleTable(mvc).assertOpen("GET", path);
    }

    static Stream<String> openPaths() {
        return Stream.of("/actuator/health", "/actuator/health/readiness", "/actuator/info", "/actuator/prometheus",
                "/v3/api-docs", "/swagger-ui/index.html");
    }

    private static Arguments row(String method, String path, String... allowed) {
        return Arguments.of(method, path, Set.of(allowed));
    }
}
