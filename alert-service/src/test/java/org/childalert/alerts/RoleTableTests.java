package org.childalert.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childalert.alerts.Tokens.admin;
import static org.childalert.alerts.Tokens.coordinator;
import static org.childalert.alerts.Tokens.volunteer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who may call what, one row per operation of the alert API, reviewed like code: every operation is called as
 * no token and as each realm role. A role the table allows is never refused for its role (it may still get 404
 * for the unknown alert, or 400/409); any other gets 403, and no token 401. Ownership rules on top of roles (the
 * requester never approves: escalation, extension, change) are shown by the features' own tests.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RoleTableTests {

    enum Role { ANONYMOUS, VOLUNTEER, COORDINATOR, POLICE, ADMIN }

    private static final Set<Role> EVERYONE = Set.of(Role.values());
    private static final Set<Role> STAFF = Set.of(Role.COORDINATOR, Role.POLICE, Role.ADMIN);
    private static final Set<Role> REQUESTERS = Set.of(Role.COORDINATOR, Role.POLICE);
    private static final Set<Role> POLICE = Set.of(Role.POLICE);

    private static final String ID = "/api/alerts/" + UUID.randomUUID();
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    /** method, path, body content type, body: who may call it. */
    private static final List<Object[]> TABLE = List.of(
            row("GET", "/api/alerts", null, null, STAFF),
            row("GET", "/api/alerts?zone=mine", null, null, Set.of(Role.POLICE, Role.ADMIN)),
            row("GET", ID, null, null, STAFF),
            row("GET", ID + "/cap", null, null, STAFF),
            row("GET", ID + "/acknowledgements", null, null, STAFF),
            row("POST", ID + "/approval", null, null, POLICE),
            row("POST", ID + "/rejection", JSON, "{\"reason\":\"no\"}", POLICE),
            row("POST", ID + "/cancellation", JSON, "{\"reason\":\"FOUND_SAFE\"}", REQUESTERS),
            row("POST", ID + "/extensions", null, null, REQUESTERS),
            row("POST", ID + "/extensions/approval", null, null, POLICE),
            row("POST", ID + "/extensions/rejection", JSON, "{\"reason\":\"no\"}", POLICE),
            row("POST", ID + "/updates", JSON, "{\"description\":\"Grey hoodie\"}", REQUESTERS),
            row("PUT", ID + "/photo", MediaType.IMAGE_PNG_VALUE, "png", REQUESTERS),
            row("POST", ID + "/widening", JSON, "{\"radiusKm\":20}", REQUESTERS),
            row("POST", ID + "/changes/approval", null, null, POLICE),
            row("POST", ID + "/changes/rejection", JSON, "{\"reason\":\"no\"}", POLICE),
            row("GET", ID + "/changes/photo", null, null, STAFF),
            row("POST", ID + "/acknowledgements", JSON, "{\"zoneId\":\"zone-1\"}", POLICE),
            row("GET", "/api/feeds/alerts.atom", null, null, EVERYONE),
            row("GET", "/api/feeds/alerts/" + UUID.randomUUID() + "/cap", null, null, EVERYONE),
            row("GET", "/api/feeds/alerts/" + UUID.randomUUID() + "/photo", null, null, EVERYONE),
            row("DELETE", ID, null, null, Set.of()),
            row("GET", "/actuator/env", null, null, Set.of()));

    @Autowired
    MockMvc mvc;

    static Stream<Arguments> calls() {
        List<Arguments> calls = new ArrayList<>();
        for (Object[] row : TABLE) {
            for (Role role : Role.values()) {
                calls.add(Arguments.of(row[0] + " " + row[1], role, row));
            }
        }
        return calls.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("calls")
    @SuppressWarnings("unchecked")
    void eachRoleMayCallExactlyWhatTheTableAllows(String operation, Role role, Object[] row) throws Exception {
        MockHttpServletRequestBuilder call = request(HttpMethod.valueOf((String) row[0]), (String) row[1]);
        if (row[2] != null) {
            call.contentType((String) row[2]).content("png".equals(row[3]) ? TestPhotos.png()
                    : ((String) row[3]).getBytes());
        }
        RequestPostProcessor token = TOKENS.get(role);
        if (token != null) {
            call.with(token);
        }

        int status = mvc.perform(call).andReturn().getResponse().getStatus();

        Set<Role> allowed = (Set<Role>) row[4];
        if (allowed.contains(role)) {
            assertThat(status).as("%s as %s", operation, role).isNotIn(401, 403).isLessThan(500);
        } else if (role == Role.ANONYMOUS) {
            assertThat(status).as("%s without a token", operation).isEqualTo(401);
        } else {
            assertThat(status).as("%s as %s", operation, role).isEqualTo(403);
        }
    }

    private static final Map<Role, RequestPostProcessor> TOKENS = Map.of(
            Role.VOLUNTEER, volunteer(),
            Role.COORDINATOR, coordinator(),
            Role.POLICE, jwt().jwt(token -> token.subject(UUID.randomUUID().toString())
                            .claim("preferred_username", "bob").claim("police_zone", "zone-1")
                            .claim("realm_access", Map.of("roles", List.of("police"))))
                    .authorities(new SimpleGrantedAuthority("ROLE_POLICE")),
            Role.ADMIN, admin());

    private static Object[] row(String method, String path, String contentType, String body, Set<Role> allowed) {
        return new Object[] { method, path, contentType, body, allowed };
    }
}
