package org.childalert.cases;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.childalert.kit.test.TestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The case-service against the real PostgreSQL (cases_test) and RabbitMQ (vhost childalert-test). */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CaseServiceIntegrationTests {

    @RegisterExtension
    static final TestBroker broker = new TestBroker();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void opensACaseAndShowsItToCoordinators() throws Exception {
        String firstName = "Lina-" + UUID.randomUUID();
        String caseId = openCase(firstName);

        mvc.perform(get("/api/cases/" + caseId).with(Callers.alice()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.child.firstName").value(firstName))
                .andExpect(jsonPath("$.category").value("CRIMINAL_ABDUCTION"))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.lastSeen.place").value("Brussels-North station"));
        mvc.perform(get("/api/cases/" + caseId + "/timeline").with(Callers.alice()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kind").value("CASE_OPENED"));
        assertThat(jdbc.sql("select count(*) from audit_log where case_id = :id and action = 'CASE_READ'")
                .param("id", UUID.fromString(caseId)).query(Long.class).single()).isPositive();
    }

    @Test
    void aSecondCaseForTheSameChildIsAttachedToThatChild() throws Exception {
        String firstName = "Noah-" + UUID.randomUUID();
        String first = openCase(firstName);
        String second = openCase(firstName);

        String firstChild = JsonPath.read(body(get("/api/cases/" + first)), "$.child.id");
        String secondChild = JsonPath.read(body(get("/api/cases/" + second)), "$.child.id");
        assertThat(secondChild).isEqualTo(firstChild);
    }

    @Test
    void refusesImpossibleCasesAndStoresNothing() throws Exception {
        String name = "Invalid-" + UUID.randomUUID();
        String future = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        String recent = Instant.now().minus(1, ChronoUnit.HOURS).toString();

        expectBadRequest(Cases.caseJson(name, "X", LocalDate.now().plusDays(3).toString(), "RUNAWAY", recent),
                "child.dateOfBirth");
        expectBadRequest(Cases.caseJson(name, "X", "2014-01-01", "RUNAWAY", future), "lastSeen.at");
        expectBadRequest(Cases.caseJson(name, "X", "2000-01-01", "RUNAWAY", recent), "under 18");
        expectBadRequest(Cases.caseJson(name, "X", "2014-01-01", "KIDNAPPED_BY_ALIENS", recent), "KIDNAPPED_BY_ALIENS");
        expectBadRequest("{\"child\": {", "not valid JSON");
        expectBadRequest("{\"category\":\"RUNAWAY\"}", "child");

        assertThat(jdbc.sql("select count(*) from child where first_name = :name").param("name", name)
                .query(Long.class).single()).isZero();
    }

    @Test
    void checksTheCallersRole() throws Exception {
        String body = Cases.criminalAbductionOf("Role-" + UUID.randomUUID(), LocalDate.of(2014, 3, 1));
        mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/cases").with(Callers.carol()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/cases").with(Callers.bob()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());

        String caseId = openCase("Police-" + UUID.randomUUID());
        mvc.perform(get("/api/cases/" + caseId).with(Callers.bob()))
                .andExpect(status().isNotFound()); // not escalated: not police business yet
        mvc.perform(get("/api/cases/" + UUID.randomUUID()).with(Callers.alice()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void publishesCaseEscalationRequestedWithTheAlertIdItAnswers() throws Exception {
        String queue = broker.listen("cases.events", "cases.CaseEscalationRequested.v1");
        String caseId = openCase("Escalated-" + UUID.randomUUID());

        MvcResult result = mvc.perform(post("/api/cases/" + caseId + "/escalations").with(Callers.alice())
                        .contentType(MediaType.APPLICATION_JSON).content(Cases.targetedEscalation(10)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING_APPROVAL"))
                .andExpect(header().string("Location", containsString("/api/alerts/")))
                .andReturn();
        String alertId = JsonPath.read(result.getResponse().getContentAsString(), "$.alertId");

        Message message = awaitMessage(queue, caseId);
        assertThat(message.getMessageProperties().<String>getHeader("cloudEvents:type")).isEqualTo("cases.CaseEscalationRequested.v1");
        assertThat(message.getMessageProperties().<String>getHeader("cloudEvents:source")).isEqualTo("/case-service");
        String json = new String(message.getBody(), StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(json, "$.alertId")).isEqualTo(alertId);
        assertThat((String) JsonPath.read(json, "$.level")).isEqualTo("TARGETED");
        assertThat((Double) JsonPath.read(json, "$.radiusKm")).isEqualTo(10.0);
        assertThat((String) JsonPath.read(json, "$.child.firstName")).startsWith("Escalated-");
        assertThat((String) JsonPath.read(json, "$.requestedBy.username")).isEqualTo("alice");

        mvc.perform(get("/api/cases/" + caseId).with(Callers.alice()))
                .andExpect(jsonPath("$.status").value("ESCALATION_REQUESTED"));
        mvc.perform(post("/api/cases/" + caseId + "/escalations").with(Callers.alice())
                        .contentType(MediaType.APPLICATION_JSON).content(Cases.targetedEscalation(10)))
                .andExpect(status().isConflict());
    }

    @Test
    void refusesAnEscalationWithAnImpossibleRadius() throws Exception {
        String caseId = openCase("Radius-" + UUID.randomUUID());
        for (double radius : new double[] { 0, -3, 501 }) {
            mvc.perform(post("/api/cases/" + caseId + "/escalations").with(Callers.alice())
                            .contentType(MediaType.APPLICATION_JSON).content(Cases.targetedEscalation(radius)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field", hasItem("radiusKm")));
        }
        assertThat(jdbc.sql("select count(*) from escalation where case_id = :id").param("id", UUID.fromString(caseId))
                .query(Long.class).single()).isZero();
    }

    @Test
    void anAlertIssuedEventMovesTheCaseOnceEvenWhenRedelivered() throws Exception {
        String caseId = openCase("Issued-" + UUID.randomUUID());
        String alertId = escalate(caseId);
        UUID eventId = UUID.randomUUID();
        String issued = alertIssued(eventId, alertId, caseId);

        broker.publish("alerts.events", "alerts.AlertIssued.v1", eventId, issued);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                mvc.perform(get("/api/cases/" + caseId).with(Callers.alice()))
                        .andExpect(jsonPath("$.status").value("ALERT_ACTIVE")));

        broker.publish("alerts.events", "alerts.AlertIssued.v1", eventId, issued);
        await().atMost(Duration.ofSeconds(10)).until(() -> processed(eventId) == 1);
        // the redelivery is consumed (the queue drains) without a second timeline entry
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> timelineCount(caseId, "ALERT_ISSUED") == 1);
    }

    @Test
    void aMessageThatKeepsFailingEndsInTheDeadLetterQueue() {
        UUID eventId = UUID.randomUUID();
        // an alert this service never heard of: handling fails every time
        broker.publish("alerts.events", "alerts.AlertIssued.v1", eventId,
                alertIssued(eventId, UUID.randomUUID().toString(), UUID.randomUUID().toString()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Message dead = broker.receive("alerts.events.case-service.dlq", 500);
            assertThat(dead).isNotNull();
            assertThat(dead.getMessageProperties().<String>getHeader("cloudEvents:id")).isEqualTo(eventId.toString());
        });
        assertThat(processed(eventId)).isZero();
    }

    private String openCase(String firstName) throws Exception {
        MvcResult result = mvc.perform(post("/api/cases").with(Callers.alice())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Cases.criminalAbductionOf(firstName, LocalDate.of(2014, 3, 1))))
                .andExpect(status().isCreated())
                .andReturn();
        return JsonPath.read(result.getResponse().getContentAsString(), "$.id");
    }

    private String escalate(String caseId) throws Exception {
        MvcResult result = mvc.perform(post("/api/cases/" + caseId + "/escalations").with(Callers.alice())
                        .contentType(MediaType.APPLICATION_JSON).content(Cases.targetedEscalation(10)))
                .andExpect(status().isCreated())
                .andReturn();
        return JsonPath.read(result.getResponse().getContentAsString(), "$.alertId");
    }

    private String body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.with(Callers.alice())).andReturn().getResponse().getContentAsString();
    }

    private void expectBadRequest(String body, String mentioned) throws Exception {
        mvc.perform(post("/api/cases").with(Callers.alice()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString(mentioned)));
    }

    private Message awaitMessage(String queue, String caseId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            Message message = broker.receive(queue, 500);
            return message != null && new String(message.getBody(), StandardCharsets.UTF_8).contains(caseId)
                    ? message : null;
        }, m -> m != null);
    }

    private long processed(UUID eventId) {
        return jdbc.sql("select count(*) from processed_event where event_id = :id").param("id", eventId)
                .query(Long.class).single();
    }

    private long timelineCount(String caseId, String kind) {
        return jdbc.sql("select count(*) from timeline_entry where case_id = :id and kind = :kind")
                .param("id", UUID.fromString(caseId)).param("kind", kind).query(Long.class).single();
    }

    static String alertIssued(UUID eventId, String alertId, String caseId) {
        return """
                {"eventId":"%s","occurredAt":"%s","alertId":"%s","caseId":"%s","level":"TARGETED",
                 "area":{"latitude":50.8603,"longitude":4.362,"radiusKm":10.0},"expiresAt":"%s",
                 "notice":{"childFirstName":"Lina","childAge":12,"description":"Red jacket","lastSeenPlace":"Brussels-North station","lastSeenAt":"%s"},
                 "approvedBy":{"subject":"bob","username":"bob"},"someFutureField":"ignored"}
                """.formatted(eventId, Instant.now(), alertId, caseId, Instant.now().plus(6, ChronoUnit.HOURS),
                Instant.now().minus(2, ChronoUnit.HOURS));
    }
}
