package org.childalert.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The alert-service's lifecycle events, published on the real RabbitMQ (vhost childalert-test) as the
 * alert-service publishes them, land on the case's timeline and in its audit log.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AlertLifecycleIntegrationTests {

    private static final String EXCHANGE = "alerts.events";

    @RegisterExtension
    static final TestBroker broker = new TestBroker();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    CaseApi api;
    String caseId;
    String alertId;

    @BeforeEach
    void anActiveAlert() throws Exception {
        api = new CaseApi(mvc);
        caseId = api.open(Cases.criminalAbductionOf("Lifecycle-" + UUID.randomUUID(), LocalDate.of(2014, 3, 1)));
        String escalation = mvc.perform(post("/api/cases/" + caseId + "/escalations").with(Callers.alice())
                        .contentType(MediaType.APPLICATION_JSON).content(Cases.targetedEscalation(10)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        alertId = JsonPath.read(escalation, "$.alertId");
        UUID issued = UUID.randomUUID();
        broker.publish(EXCHANGE, "alerts.AlertIssued.v1", issued, CaseServiceIntegrationTests.alertIssued(issued, alertId, caseId));
        awaitStatus("ALERT_ACTIVE");
    }

    @Test
    void putsEveryReportAboutARunningAlertOnTheTimelineAndInTheAuditLog() throws Exception {
        publish("alerts.AlertUpdated.v1", """
                {"eventId":"%s","occurredAt":"%s","alertId":"%s","caseId":"%s",
                 "notice":{"childFirstName":"Lina","childAge":12,"description":"Blue coat now","lastSeenPlace":"Gent","lastSeenAt":"%s"},
                 "photoLink":"https://photos.example/abc","updatedBy":{"subject":"s-alice","username":"alice"}}
                """, Instant.now().minus(1, ChronoUnit.HOURS));
        publish("alerts.AlertWidened.v1", """
                {"eventId":"%s","occurredAt":"%s","alertId":"%s","caseId":"%s","level":"PUBLIC",
                 "area":{"latitude":50.86,"longitude":4.36,"radiusKm":25.0},"previousRadiusKm":10.0,"expiresAt":"%s",
                 "notice":{"childFirstName":"Lina","childAge":12,"description":"Blue coat","lastSeenPlace":"Gent","lastSeenAt":"%s"},
                 "widenedBy":{"subject":"alert-service","username":"widening-schedule"}}
                """, Instant.now().plus(5, ChronoUnit.HOURS), Instant.now().minus(1, ChronoUnit.HOURS));
        publish("alerts.AlertExtended.v1", """
                {"eventId":"%s","occurredAt":"%s","alertId":"%s","caseId":"%s","expiresAt":"2026-12-01T12:00:00Z",
                 "extension":1,"approvedBy":{"subject":"s-dave","username":"dave"}}
                """);
        publish("alerts.AlertExtensionRejected.v1", """
                {"eventId":"%s","occurredAt":"%s","alertId":"%s","caseId":"%s","reason":"no new information",
                 "rejectedBy":{"subject":"s-bob","username":"bob"}}
                """);
        publish("alerts.AlertAcknowledged.v1", """
                {"eventId":"%s","occurredAt":"%s","alertId":"%s","caseId":"%s","zoneId":"5339","channel":"SMS",
                 "acknowledgedBy":{"subject":"s-bob","username":"bob"}}
                """);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(timelineKinds()).contains(
                "ALERT_UPDATED", "ALERT_WIDENED", "ALERT_EXTENDED", "ALERT_EXTENSION_REJECTED", "ALERT_ACKNOWLEDGED"));
        String timeline = timelineJson();
        assertThat(entry(timeline, "ALERT_UPDATED", "author")).isEqualTo("alice");
        assertThat(entry(timeline, "ALERT_UPDATED", "summary")).contains("photo").doesNotContain("Blue coat");
        assertThat(entry(timeline, "ALERT_WIDENED", "summary")).contains("10.0 km", "25.0 km", "PUBLIC");
        assertThat(entry(timeline, "ALERT_EXTENDED", "author")).isEqualTo("dave");
        assertThat(entry(timeline, "ALERT_EXTENSION_REJECTED", "summary")).contains("no new information");
        assertThat(entry(timeline, "ALERT_ACKNOWLEDGED", "summary")).contains("5339", "SMS");
        assertThat(auditActions()).contains("ALERT_UPDATED", "ALERT_WIDENED", "ALERT_EXTENDED",
                "ALERT_EXTENSION_REJECTED", "ALERT_ACKNOWLEDGED");
        assertThat(JsonPath.<String>read(api.read(caseId), "$.status")).as("a running alert stays active")
                .isEqualTo("ALERT_ACTIVE");
    }

    @Test
    void anOverdueAcknowledgementAsksForTheCoordinatorsAttentionOnceEvenWhenRedelivered() throws Exception {
        UUID eventId = UUID.randomUUID();
        String overdue = """
                {"eventId":"%s","occurredAt":"%s","alertId":"%s","caseId":"%s","zoneId":"5339",
                 "zoneName":"Brussels-Capital Ixelles","alertedAt":"2026-11-28T10:00:00Z","deadline":"2026-11-28T10:15:00Z"}
                """.formatted(eventId, Instant.now(), alertId, caseId);
        broker.publish(EXCHANGE, "alerts.AcknowledgementOverdue.v1", eventId, overdue);
        broker.publish(EXCHANGE, "alerts.AcknowledgementOverdue.v1", eventId, overdue);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(timelineKinds()).contains("ACKNOWLEDGEMENT_OVERDUE"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                timelineKinds().stream().filter("ACKNOWLEDGEMENT_OVERDUE"::equals).count() == 1);
        String timeline = timelineJson();
        assertThat(JsonPath.<List<Boolean>>read(timeline, "$[?(@.kind == 'ACKNOWLEDGEMENT_OVERDUE')].needsAttention"))
                .containsExactly(true);
        assertThat(JsonPath.<List<Boolean>>read(timeline, "$[?(@.kind == 'ALERT_ISSUED')].needsAttention"))
                .containsExactly(false);
        assertThat(entry(timeline, "ACKNOWLEDGEMENT_OVERDUE", "summary")).contains("Brussels-Capital Ixelles", "5339");
        assertThat(auditActions()).containsOnlyOnce("ACKNOWLEDGEMENT_OVERDUE");
    }

    @Test
    void anExpiredAlertPutsTheCaseBackOnTheCoordinatorsDesk() throws Exception {
        publish("alerts.AlertExpired.v1", """
                {"eventId":"%s","occurredAt":"%s","alertId":"%s","caseId":"%s"}
                """);

        awaitStatus("OPEN");
        assertThat(timelineKinds()).contains("ALERT_EXPIRED");
        assertThat(auditActions()).contains("ALERT_EXPIRED");
        assertThat(jdbc.sql("select status from escalation where alert_id = :id").param("id", UUID.fromString(alertId))
                .query(String.class).single()).isEqualTo("EXPIRED");
        mvc.perform(post("/api/cases/" + caseId + "/escalations").with(Callers.alice())
                        .contentType(MediaType.APPLICATION_JSON).content(Cases.targetedEscalation(10)))
                .andExpect(status().isCreated());
    }

    @Test
    void aReportAboutAnAlertOfAnotherCaseEndsInTheDeadLetterQueue() throws Exception {
        UUID eventId = UUID.randomUUID();
        broker.publish(EXCHANGE, "alerts.AlertAcknowledged.v1", eventId, """
                {"eventId":"%s","occurredAt":"%s","alertId":"%s","caseId":"%s","zoneId":"5339","channel":"API",
                 "acknowledgedBy":{"subject":"s-bob","username":"bob"}}
                """.formatted(eventId, Instant.now(), UUID.randomUUID(), caseId));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            org.springframework.amqp.core.Message dead = broker.receive("alerts.events.case-service.dlq", 500);
            assertThat(dead).isNotNull();
            assertThat(dead.getMessageProperties().<String>getHeader("cloudEvents:id")).isEqualTo(eventId.toString());
        });
        assertThat(timelineKinds()).doesNotContain("ALERT_ACKNOWLEDGED");
    }

    /** Publishes an event whose JSON starts with eventId, occurredAt, alertId and caseId, then the extra values. */
    private void publish(String typeName, String json, Object... extra) {
        UUID eventId = UUID.randomUUID();
        Object[] values = new Object[4 + extra.length];
        values[0] = eventId;
        values[1] = Instant.now();
        values[2] = alertId;
        values[3] = caseId;
        System.arraycopy(extra, 0, values, 4, extra.length);
        broker.publish(EXCHANGE, typeName, eventId, json.formatted(values));
    }

    private void awaitStatus(String status) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(JsonPath.<String>read(api.read(caseId), "$.status")).isEqualTo(status));
    }

    private String timelineJson() throws Exception {
        return api.get("/api/cases/" + caseId + "/timeline", Callers.alice());
    }

    private List<String> timelineKinds() throws Exception {
        return JsonPath.read(timelineJson(), "$[*].kind");
    }

    private static String entry(String timeline, String kind, String field) {
        List<String> values = JsonPath.read(timeline, "$[?(@.kind == '" + kind + "')]." + field);
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    private List<String> auditActions() {
        return jdbc.sql("select action from audit_log where case_id = :id order by id")
                .param("id", UUID.fromString(caseId))
                .query(String.class)
                .list();
    }
}
