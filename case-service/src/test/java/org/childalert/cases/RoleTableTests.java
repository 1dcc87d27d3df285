package org.childalert.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The role rules of every case-service endpoint, pinned: each endpoint called with no token and as each realm role
 * (coordinator, police, volunteer, admin), against the status the table expects. A row's allowed callers get the
 * endpoint's own answer (the requests are built so that nothing changes: an empty body is a 400, closing an open
 * case a 409); everyone else 401 (no token) or 403 (wrong role). Police here read a case that is escalated to
 * police; that they cannot read any other is {@link PoliceCaseAccessIntegrationTests}. A volunteer reads nothing.
 *
 * <p>Reviewed like code: a change of who may do what changes this table.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RoleTableTests {

    private static final List<String> CALLERS = List.of("none", "coordinator", "police", "volunteer", "admin");

    @Autowired
    MockMvc mvc;

    String caseId;
    String childId;

    @BeforeEach
    void anEscalatedCase() throws Exception {
        CaseApi api = new CaseApi(mvc);
        caseId = api.open(Cases.criminalAbductionOf("Roles-" + UUID.randomUUID(), LocalDate.of(2014, 3, 1)));
        childId = JsonPath.read(api.read(caseId), "$.child.id");
        mvc.perform(request(HttpMethod.POST, "/api/cases/" + caseId + "/escalations").with(Callers.alice())
                .contentType(MediaType.APPLICATION_JSON).content(Cases.targetedEscalation(10)));
    }

    /** endpoint, then the expected status for: no token, coordinator, police, volunteer, admin. */
    private List<Row> table() {
        String c = "/api/cases/" + caseId;
        return List.of(
                row("GET /api/cases", null, 401, 200, 200, 403, 403),
                row("POST /api/cases", "{}", 401, 400, 403, 403, 403),
                row("GET " + c, null, 401, 200, 200, 403, 403),
                row("GET " + c + "/timeline", null, 401, 200, 200, 403, 403),
                row("POST " + c + "/timeline", "{}", 401, 400, 403, 403, 403),
                row("PUT " + c + "/coordinator", "{}", 401, 400, 403, 403, 403),
                row("POST " + c + "/resolution", "{}", 401, 400, 403, 403, 403),
                row("POST " + c + "/closure", null, 401, 409, 403, 403, 403),
                row("GET " + c + "/escalations", null, 401, 200, 200, 403, 403),
                row("POST " + c + "/escalations", "{}", 401, 400, 403, 403, 403),
                row("GET " + c + "/photo", null, 401, 404, 404, 403, 403),
                row("PUT " + c + "/photo", "", 401, 400, 403, 403, 403),
                row("GET /api/children/" + childId, null, 401, 200, 403, 403, 403),
                row("POST /api/children/" + childId + "/merges", "{}", 401, 400, 403, 403, 403),
                row("GET /api/statistics/yearly?year=2025", null, 401, 200, 403, 403, 200),
                row("GET /api/audit?format=xml", null, 401, 403, 403, 403, 400),
                row("DELETE /api/audit", null, 401, 403, 403, 403, 403),
                row("POST /api/imports/historic-cases", "", 401, 403, 403, 403, 400),
                row("GET /api/volunteers", null, 401, 403, 403, 403, 403),
                row("GET /actuator/env", null, 401, 403, 403, 403, 404),
                row("GET /v3/api-docs", null, 200, 200, 200, 200, 200));
    }

    @Test
    void everyEndpointAnswersEachRoleAsTheTableSays() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (Row row : table()) {
            for (String caller : CALLERS) {
                int expected = row.expected().get(caller);
                int actual = call(row, caller);
                if (actual != expected) {
                    mismatches.add(row.endpoint() + " as " + caller + ": expected " + expected + ", got " + actual);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private int call(Row row, String caller) throws Exception {
        String[] methodAndPath = row.endpoint().split(" ", 2);
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(methodAndPath[0]), methodAndPath[1]);
        if (row.body() != null) {
            String type = methodAndPath[1].endsWith("/photo") ? "image/png"
                    : methodAndPath[1].startsWith("/api/imports") ? "text/csv" : MediaType.APPLICATION_JSON_VALUE;
            request.contentType(type).content(row.body());
        }
        RequestPostProcessor token = switch (caller) {
            case "none" -> null;
            case "coordinator" -> Callers.alice();
            case "police" -> Callers.bob();
            case "volunteer" -> Callers.carol();
            case "admin" -> Callers.admin();
            default -> throw new IllegalArgumentException(caller);
        };
        if (token != null) {
            request.with(token);
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private static Row row(String endpoint, String body, int none, int coordinator, int police, int volunteer, int admin) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("none", none);
        expected.put("coordinator", coordinator);
        expected.put("police", police);
        expected.put("volunteer", volunteer);
        expected.put("admin", admin);
        return new Row(endpoint, body, expected);
    }

    private record Row(String endpoint, String body, Map<String, Integer> expected) {
    }
}
