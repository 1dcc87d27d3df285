package org.childalert.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.childalert.kit.test.TestBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 12, finding 4: police see a case only while it is, or was, escalated to police; any other case is "not
 * found" for them (404, exactly as a case that does not exist, so that its existence is not revealed), in every
 * endpoint that shows case data and in search results, pages and totals alike. Every read is audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PoliceCaseAccessIntegrationTests {

    private static final String POLICY_REJECTION = """
            {"eventId":"%s","occurredAt":"%s","alertId":"%s","caseId":"%s",
             "reason":"A PUBLIC alert needs every criterion.","rejectedBy":{"subject":"alert-service","username":"escalation-policy"}}
            """;
    private static final String OFFICER_REJECTION = """
            {"eventId":"%s","occurredAt":"%s","alertId":"%s","caseId":"%s",
             "reason":"Not enough to go on.","rejectedBy":{"subject":"s-dave","username":"dave"}}
            """;

    @RegisterExtension
    static final TestBroker broker = new TestBroker();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    CaseApi api;
    String coordinator;

    @BeforeEach
    void api() {
        api = new CaseApi(mvc);
        coordinator = "coordinator-" + UUID.randomUUID();
    }

    @Test
    void policeCannotReadACaseThatWasResolvedWithoutEverBeingEscalated() throws Exception {
        String caseId = open("Never");
        api.resolve(caseId, "FOUND_SAFE");

        for (String path : List.of("", "/timeline", "/escalations", "/photo")) {
            mvc.perform(get("/api/cases/" + caseId + path).with(Callers.bob()))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value("Case " + caseId + " was not found."));
        }
        assertThat(auditedReads(caseId, "bob")).isZero();
        mvc.perform(get("/api/cases/" + caseId).with(Callers.alice())).andExpect(status().isOk());
    }

    @Test
    void policeCannotReadACaseWhoseOnlyEscalationTheEscalationPolicyRefused() throws Exception {
        String caseId = open("Refused");
        String alertId = escalate(caseId);
        publish("alerts.AlertRejected.v1", POLICY_REJECTION, alertId, caseId);
        awaitEscalationStatus(alertId, "REJECTED");
        api.resolve(caseId, "FOUND_SAFE");

        mvc.perform(get("/api/cases/" + caseId).with(Callers.bob())).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select refused_by_policy from escalation where alert_id = :id")
                .param("id", UUID.fromString(alertId)).query(Boolean.class).single()).isTrue();
    }

    @Test
    void policeReadACaseEscalatedToThemAfterAnOfficerRejectedItAndEachReadIsAudited() throws Exception {
        String caseId = open("Rejected");
        String alertId = escalate(caseId);
        publish("alerts.AlertRejected.v1", OFFICER_REJECTION, alertId, caseId);
        awaitEscalationStatus(alertId, "REJECTED");
        api.resolve(caseId, "FOUND_SAFE");

        mvc.perform(get("/api/cases/" + caseId).with(Callers.bob())
                        .with(request -> {
                            request.setRemoteAddr("10.1.2.3");
                            return request;
                        }))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RESOLVED"));
        mvc.perform(get("/api/cases/" + caseId + "/timeline").with(Callers.bob())).andExpect(status().isOk());

        assertThat(auditedReads(caseId, "bob")).isEqualTo(2);
        assertThat(jdbc.sql("""
                        select remote_address from audit_log
                        where case_id = :id and actor = 'bob' and action = 'CASE_READ' order by id limit 1
                        """)
                .param("id", UUID.fromString(caseId)).query(String.class).single()).isEqualTo("10.1.2.3");
    }

    @Test
    void policeReadACaseWhileItsEscalationAwaitsTheirApproval() throws Exception {
        String caseId = open("Pending");
        escalate(caseId);

        mvc.perform(get("/api/cases/" + caseId).with(Callers.bob()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ESCALATION_REQUESTED"));
        assertThat(auditedReads(caseId, "bob")).isEqualTo(1);
    }

    @Test
    void policeSearchResultsHoldOnlyEscalatedCasesAndCountOnlyThem() throws Exception {
        String resolved = open("Resolved");
        api.resolve(resolved, "FOUND_SAFE");
        String refused = open("Refused");
        String refusedAlert = escalate(refused);
        publish("alerts.AlertRejected.v1", POLICY_REJECTION, refusedAlert, refused);
        awaitEscalationStatus(refusedAlert, "REJECTED");
        api.resolve(refused, "FOUND_SAFE");
        String escalated = open("Escalated");
        escalate(escalated);
        String closed = open("Closed");
        api.resolve(closed, "FOUND_SAFE");
        api.close(closed);

        String page = search(Callers.bob(), "1");
        assertThat(JsonPath.<List<String>>read(page, "$.items[*].id")).containsExactly(escalated);
        assertThat(JsonPath.<Integer>read(page, "$.total")).isEqualTo(1);
        assertThat(JsonPath.<Boolean>read(page, "$.totalExact")).isTrue();
        assertThat(JsonPath.<List<String>>read(search(Callers.bob(), "20"), "$.items[*].id")).containsExactly(escalated);
        assertThat(JsonPath.<Integer>read(search(Callers.alice(), "1"), "$.total")).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'bob' and action = 'CASES_SEARCHED' and detail like :c")
                .param("c", "%" + coordinator + "%").query(Long.class).single()).isEqualTo(2);
    }

    private String search(RequestPostProcessor caller, String size) throws Exception {
        return mvc.perform(get("/api/cases").param("coordinator", coordinator).param("size", size).with(caller))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private String open(String name) throws Exception {
        return api.open(Cases.criminalAbductionOf(name + "-" + UUID.randomUUID(), LocalDate.of(2014, 3, 1))
                .replace("\"category\"", "\"coordinator\":\"" + coordinator + "\",\"category\""));
    }

    private String escalate(String caseId) throws Exception {
        String body = mvc.perform(post("/api/cases/" + caseId + "/escalations").with(Callers.alice())
                        .contentType(MediaType.APPLICATION_JSON).content(Cases.targetedEscalation(10)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.alertId");
    }

    private void publish(String typeName, String json, String alertId, String caseId) {
        UUID eventId = UUID.randomUUID();
        broker.publish("alerts.events", typeName, eventId, json.formatted(eventId, Instant.now(), alertId, caseId));
    }

    private void awaitEscalationStatus(String alertId, String status) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                jdbc.sql("select status from escalation where alert_id = :id").param("id", UUID.fromString(alertId))
                        .query(String.class).single()).isEqualTo(status));
    }

    private long auditedReads(String caseId, String actor) {
        return jdbc.sql("select count(*) from audit_log where case_id = :id and actor = :actor and action = 'CASE_READ'")
                .param("id", UUID.fromString(caseId))
                .param("actor", actor)
                .query(Long.class)
                .single();
    }
}
