package org.childalert.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.childalert.alerts.Escalations.escalationOfCase;
import static org.childalert.alerts.Escalations.publicEscalationBy;
import static org.childalert.alerts.Escalations.someCoordinator;
import static org.childalert.alerts.Tokens.officer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.childalert.events.Actor;
import org.childalert.events.CaseEscalationRequested;
import org.childalert.events.CaseOutcome;
import org.childalert.events.CaseResolved;
import org.childalert.events.DisclosureLevel;
import org.childalert.events.EventType;
import org.childalert.events.IntegrationEvent;
import org.childalert.kit.messaging.CatchAllBindingRemoval;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as the other services see it, over the real broker (vhost {@code childalert-test}) and the real
 * database ({@code alerts_test}): case events in, alert events out, redeliveries and broken messages.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AlertServiceIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String CASES_EXCHANGE = "cases.events";
    private static final String ALERTS_EXCHANGE = "alerts.events";
    private static final String NOTIFICATIONS_EXCHANGE = "notifications.events";
    private static final String DEAD_LETTERS = "cases.events.alert-service.dlq";

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String> testQueues = new ArrayList<>();

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    AmqpAdmin admin;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    CatchAllBindingRemoval catchAllBindings;

    @Autowired
    BindingsLifecycleController bindings;

    @BeforeEach
    void declareTheExchangesAsTheServicesDo() {
        admin.declareExchange(new TopicExchange(CASES_EXCHANGE, true, false));
        admin.declareExchange(new TopicExchange(ALERTS_EXCHANGE, true, false));
    }

    @AfterEach
    void deleteTestQueues() {
        testQueues.forEach(admin::deleteQueue);
    }

    @Test
    void anEscalationRequestBecomesAnAlertPendingApprovalOnlyOnceHoweverOftenItIsDelivered() {
        CaseEscalationRequested request = publicEscalationBy(someCoordinator());

        publish(request);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statusOf(request.alertId())).contains("PENDING_APPROVAL"));

        publish(request);
        CaseEscalationRequested later = publicEscalationBy(someCoordinator());
        publish(later); // handled after the redelivery: one consumer takes the queue in order
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statusOf(later.alertId())).isPresent());

        assertThat(count("select count(*) from alert where id = :id", request.alertId())).isEqualTo(1);
        assertThat(count("select count(*) from processed_event where consumer = 'alert-service' and event_id = :id",
                request.eventId())).isEqualTo(1);
        assertThat(statusOf(request.alertId())).contains("PENDING_APPROVAL");
    }

    @Test
    void aRefusedEscalationIsAnnouncedOnceEvenWhenTheRequestIsRedelivered() {
        String queue = listenTo("alerts.AlertRejected.v1");
        CaseEscalationRequested refused = Escalations.escalation(DisclosureLevel.PUBLIC,
                Escalations.ONLY_UNDER_EIGHTEEN, someCoordinator());

        publish(refused);
        publish(refused);

        Message rejected = awaitMessageAbout(queue, refused.alertId());
        assertThat(rejected.getMessageProperties().getHeaders()).containsEntry("cloudEvents:type", "alerts.AlertRejected.v1");
        JsonNode body = json.readTree(rejected.getBody());
        assertThat(body.get("rejectedBy").get("username").asString()).isEqualTo("escalation-policy");
        assertThat(body.get("reason").asString()).contains("immediate danger");
        assertThat(statusOf(refused.alertId())).contains("REFUSED");
        assertThat(count("select count(*) from alert_decision where alert_id = :id", refused.alertId())).isEqualTo(1);
        assertThat(count("select count(*) from outbox_event where subject_id = :id", refused.alertId())).isEqualTo(1);
    }

    @Test
    void anAlertWaitingForPoliceApprovalIsAnnouncedOnceWithoutTheChildsData() {
        String queue = listenTo("alerts.AlertApprovalRequested.v1");
        Actor coordinator = someCoordinator();
        CaseEscalationRequested request = publicEscalationBy(coordinator);

        publish(request);
        publish(request); // redelivered: the alert waits once, and is announced once

        Message waiting = awaitMessageAbout(queue, request.alertId());
        MessageProperties properties = waiting.getMessageProperties();
        assertThat(properties.getReceivedRoutingKey()).isEqualTo("alerts.AlertApprovalRequested.v1");
        assertThat(properties.getHeaders())
                .containsEntry("cloudEvents:type", "alerts.AlertApprovalRequested.v1")
                .containsEntry("cloudEvents:source", "/alert-service")
                .containsEntry("cloudEvents:subject", request.alertId().toString());
        JsonNode body = json.readTree(waiting.getBody());
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("eventId", "occurredAt", "alertId", "caseId",
                "kind", "area", "requestedBy", "requestedAt");
        assertThat(body.get("kind").asString()).isEqualTo("NEW_ALERT");
        assertThat(body.get("caseId").asString()).isEqualTo(request.caseId().toString());
        assertThat(body.get("area").get("latitude").asDouble()).isEqualTo(50.8603);
        assertThat(body.get("area").get("longitude").asDouble()).isEqualTo(4.3617);
        assertThat(body.get("area").get("radiusKm").asDouble()).isEqualTo(10.0);
        assertThat(body.get("requestedBy").get("subject").asString()).isEqualTo(coordinator.subject());
        assertThat(Instant.parse(body.get("requestedAt").asString())).isEqualTo(request.occurredAt());
        assertThat(new String(waiting.getBody(), StandardCharsets.UTF_8))
                .doesNotContain("Lena").doesNotContain("Red coat").doesNotContain("Brussels-North");
        assertThat(count("select count(*) from outbox_event where subject_id = :id "
                + "and type_name = 'alerts.AlertApprovalRequested.v1'", request.alertId())).isEqualTo(1);
    }

    @Test
    void anEscalationThePolicyRefusesNeverWaitsForThePolice() {
        String queue = listenTo("alerts.AlertApprovalRequested.v1");
        CaseEscalationRequested refused = Escalations.escalation(DisclosureLevel.PUBLIC,
                Escalations.ONLY_UNDER_EIGHTEEN, someCoordinator());
        CaseEscalationRequested permitted = publicEscalationBy(someCoordinator());

        publish(refused);
        publish(permitted); // handled after the refusal, and its events published after the refusal's

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statusOf(refused.alertId())).contains("REFUSED"));
        List<Message> arrived = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            for (Message message = rabbit.receive(queue); message != null; message = rabbit.receive(queue)) {
                arrived.add(message);
            }
            return arrived.stream().anyMatch(message -> isAbout(message, permitted.alertId()));
        });
        assertThat(arrived).noneMatch(message -> isAbout(message, refused.alertId()));
        assertThat(count("select count(*) from outbox_event where subject_id = :id "
                + "and type_name = 'alerts.AlertApprovalRequested.v1'", refused.alertId())).isZero();
    }

    @Test
    void aChangeToARunningAlertWaitingForApprovalIsAnnouncedWithTheAreaItWouldCover() throws Exception {
        String queue = listenTo("alerts.AlertApprovalRequested.v1");
        CaseEscalationRequested request = publicEscalationBy(someCoordinator());
        publish(request);
        awaitMessageAbout(queue, request.alertId()); // the new alert's
        mvc.perform(post("/api/alerts/{id}/approval", request.alertId()).with(officer("bob")))
                .andExpect(status().isOk());
        String officerSubject = UUID.randomUUID().toString();

        mvc.perform(post("/api/alerts/{id}/widening", request.alertId())
                        .with(Tokens.tokenOf("dave", "police", officerSubject))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"radiusKm\": 35}"))
                .andExpect(status().isAccepted());

        JsonNode change = json.readTree(awaitMessageAbout(queue, request.alertId()).getBody());
        assertThat(change.get("kind").asString()).isEqualTo("CHANGE");
        assertThat(change.get("area").get("radiusKm").asDouble()).isEqualTo(35.0);
        assertThat(change.get("requestedBy").get("subject").asString()).isEqualTo(officerSubject);
        assertThat(change.get("requestedBy").get("username").asString()).isEqualTo("dave");
    }

    @Test
    void approvalByAnotherOfficerPublishesAlertIssued() throws Exception {
        String queue = listenTo("alerts.AlertIssued.v1");
        CaseEscalationRequested request = publicEscalationBy(someCoordinator());
        publish(request);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statusOf(request.alertId())).contains("PENDING_APPROVAL"));

        mvc.perform(post("/api/alerts/{id}/approval", request.alertId()).with(officer("bob")))
                .andExpect(status().isOk());

        Message issued = awaitMessageAbout(queue, request.alertId());
        MessageProperties properties = issued.getMessageProperties();
        assertThat(properties.getReceivedRoutingKey()).isEqualTo("alerts.AlertIssued.v1");
        assertThat(properties.getHeaders())
                .containsEntry("cloudEvents:type", "alerts.AlertIssued.v1")
                .containsEntry("cloudEvents:source", "/alert-service")
                .containsEntry("cloudEvents:specversion", "1.0")
                .containsEntry("cloudEvents:subject", request.alertId().toString());
        JsonNode body = json.readTree(issued.getBody());
        assertThat(properties.getHeaders()).containsEntry("cloudEvents:id", body.get("eventId").asString());
        assertThat(body.get("caseId").asString()).isEqualTo(request.caseId().toString());
        assertThat(body.get("level").asString()).isEqualTo("PUBLIC");
        assertThat(body.get("area").get("latitude").asDouble()).isEqualTo(50.8603);
        assertThat(body.get("area").get("longitude").asDouble()).isEqualTo(4.3617);
        assertThat(body.get("area").get("radiusKm").asDouble()).isEqualTo(10.0);
        assertThat(body.get("notice").get("childFirstName").asString()).isEqualTo("Lena");
        assertThat(body.get("notice").get("lastSeenPlace").asString()).isEqualTo("Brussels-North station");
        assertThat(body.get("approvedBy").get("username").asString()).isEqualTo("bob");
        assertThat(Duration.between(Instant.parse(body.get("occurredAt").asString()),
                Instant.parse(body.get("expiresAt").asString()))).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void closingTheCaseCancelsItsActiveAlertAndWithdrawsItsPendingOne() throws Exception {
        String queue = listenTo("alerts.AlertCancelled.v1");
        UUID caseId = UUID.randomUUID();
        CaseEscalationRequested first = escalationOfCase(caseId, DisclosureLevel.TARGETED,
                Escalations.ALL_CRITERIA_MET, someCoordinator());
        CaseEscalationRequested second = escalationOfCase(caseId, DisclosureLevel.PUBLIC,
                Escalations.ALL_CRITERIA_MET, someCoordinator());
        publish(first);
        publish(second);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statusOf(second.alertId())).isPresent());
        mvc.perform(post("/api/alerts/{id}/approval", first.alertId()).with(officer("bob")))
                .andExpect(status().isOk());
        Actor resolver = new Actor(UUID.randomUUID().toString(), "alice");

        publish(new CaseResolved(UUID.randomUUID(), Instant.now(), caseId, CaseOutcome.FOUND_SAFE, resolver));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(statusOf(first.alertId())).contains("CANCELLED");
            assertThat(statusOf(second.alertId())).contains("WITHDRAWN");
        });
        JsonNode cancelled = json.readTree(awaitMessageAbout(queue, first.alertId()).getBody());
        assertThat(cancelled.get("reason").asString()).isEqualTo("FOUND_SAFE");
        assertThat(cancelled.get("cancelledBy").get("subject").asString()).isEqualTo(resolver.subject());
    }

    @Test
    void aMessageThatCannotBeReadEndsInTheDeadLetterQueueAfterTheRetries() {
        String eventId = UUID.randomUUID().toString();
        MessageProperties properties = ceProperties(eventId, EventType.CASE_ESCALATION_REQUESTED.typeName(),
                UUID.randomUUID());

        rabbit.send(CASES_EXCHANGE, EventType.CASE_ESCALATION_REQUESTED.typeName(),
                new Message("{\"eventId\": not json".getBytes(StandardCharsets.UTF_8), properties));

        Message dead = await().atMost(PATIENCE).until(() -> deadLetter(eventId), Optional::isPresent).orElseThrow();
        assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"eventId\": not json");
        assertThat(dead.getMessageProperties().getHeaders()).containsKey("x-exception-message");
        assertThat(count("select count(*) from processed_event where event_id = :id", UUID.fromString(eventId)))
                .isZero();
    }

    @Test
    void deliveryReportsNoLongerReachTheQueueEvenWhereAnEarlierVersionBoundItToEverything() throws Exception {
        String queue = "notifications.events.alert-service";
        TopicExchange notifications = new TopicExchange(NOTIFICATIONS_EXCHANGE, true, false);
        admin.declareBinding(BindingBuilder.bind(new Queue(queue)).to(notifications).with("#")); // as before issue 16
        assertThat(catchAllBindings.removeStaleCatchAllBindings()).contains(queue);
        bindings.stop("notificationEvents-in-0"); // the queue keeps what arrives, for the test to count
        try {
            admin.purgeQueue(queue, false);

            sendSample(NOTIFICATIONS_EXCHANGE, "notifications.DeliveryProgressed.v1");
            sendSample(NOTIFICATIONS_EXCHANGE, "notifications.NotificationFailed.v1");
            sendSample(NOTIFICATIONS_EXCHANGE, "notifications.ReplyReceived.v1");
            sendSample(NOTIFICATIONS_EXCHANGE, "notifications.PoliceZoneAlerted.v1"); // handled: it must arrive

            await().atMost(PATIENCE).until(() -> messagesIn(queue) >= 1);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> messagesIn(queue) == 1);
        } finally {
            admin.purgeQueue(queue, false);
            bindings.start("notificationEvents-in-0");
        }
    }

    private void sendSample(String exchange, String typeName) throws IOException {
        byte[] sample;
        try (InputStream in = getClass().getResourceAsStream("/events/" + typeName + ".json")) {
            sample = in.readAllBytes();
        }
        String eventId = json.readTree(sample).get("eventId").asString();
        rabbit.send(exchange, typeName, new Message(sample, ceProperties(eventId, typeName, UUID.randomUUID())));
    }

    private long messagesIn(String queue) {
        QueueInformation information = admin.getQueueInfo(queue);
        return information == null ? -1 : information.getMessageCount();
    }

    private void publish(IntegrationEvent event) {
        String type = EventType.of(event).typeName();
        MessageProperties properties = ceProperties(event.eventId().toString(), type, event.subjectId());
        rabbit.send(CASES_EXCHANGE, type, new Message(json.writeValueAsBytes(event), properties));
    }

    private static MessageProperties ceProperties(String eventId, String type, UUID subject) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType("application/json");
        properties.setMessageId(eventId);
        properties.setHeader("cloudEvents:specversion", "1.0");
        properties.setHeader("cloudEvents:id", eventId);
        properties.setHeader("cloudEvents:type", type);
        properties.setHeader("cloudEvents:source", "/case-service");
        properties.setHeader("cloudEvents:time", Instant.now().toString());
        properties.setHeader("cloudEvents:subject", subject.toString());
        return properties;
    }

    /** A queue of this test's own, bound to the alerts exchange for one event type. */
    private String listenTo(String typeName) {
        Queue queue = new Queue("alert-service-test." + typeName + "." + UUID.randomUUID(), false, false, true);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange(ALERTS_EXCHANGE)).with(typeName));
        testQueues.add(queue.getName());
        return queue.getName();
    }

    private Message awaitMessageAbout(String queue, UUID alertId) {
        return await().atMost(PATIENCE).until(() -> nextAbout(queue, alertId), Optional::isPresent).orElseThrow();
    }

    private Optional<Message> nextAbout(String queue, UUID alertId) {
        for (Message message = rabbit.receive(queue); message != null; message = rabbit.receive(queue)) {
            if (isAbout(message, alertId)) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    private static boolean isAbout(Message message, UUID alertId) {
        return alertId.toString().equals(message.getMessageProperties().getHeaders().get("cloudEvents:subject"));
    }

    private Optional<Message> deadLetter(String eventId) {
        for (Message message = rabbit.receive(DEAD_LETTERS); message != null; message = rabbit.receive(DEAD_LETTERS)) {
            if (eventId.equals(message.getMessageProperties().getHeaders().get("cloudEvents:id"))) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    private Optional<String> statusOf(UUID alertId) {
        return jdbc.sql("select status from alert where id = :id").param("id", alertId).query(String.class).optional();
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }
}
