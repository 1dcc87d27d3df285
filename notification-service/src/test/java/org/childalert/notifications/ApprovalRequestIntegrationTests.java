package org.childalert.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.childalert.events.Actor;
import org.childalert.events.AlertApprovalRequested;
import org.childalert.events.ApprovalKind;
import org.childalert.events.EventType;
import org.childalert.events.GeoCircle;
import org.childalert.events.IntegrationEvent;
import org.childalert.events.NoticeKind;
import org.childalert.kit.test.TestBroker;
import org.childalert.notifications.TestPeople.Person;
import org.childalert.notifications.templates.Language;
import org.childalert.notifications.templates.MessageTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15: an alert, or a change to one, waits for police approval; alert-service publishes
 * {@code AlertApprovalRequested} and the police on duty where it would run are told by SMS and email, in their
 * language, with the console's approvals link and nothing of the child. Real PostgreSQL and RabbitMQ; sends
 * observed at the fakes.
 */
@NotificationServiceTest
class ApprovalRequestIntegrationTests {

    private static final JsonMapper json = JsonMapper.builder().build();
    @RegisterExtension
    static final TestBroker broker = new TestBroker();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageTemplates templates;

    private TestPeople people;
    private final double latitude = ThreadLocalRandom.current().nextDouble(-60, 60);
    private final double longitude = ThreadLocalRandom.current().nextDouble(-170, 170);
    private final UUID alertId = UUID.randomUUID();

    @Autowired
    void people(MockMvc mvc) {
        this.people = new TestPeople(mvc);
    }

    @Test
    void theDutyContactsOfTheTouchedZoneAreToldOnceInTheirLanguageAndARedeliveryTellsNobodyMore() throws Exception {
        String unit = "PZ " + UUID.randomUUID();
        // the duty contacts' own circles are far away: only the zones bring them in
        Person duty = people.police(unit, "nl", farAway(), longitude, 1);
        Person colleague = people.police(unit, "fr", farAway(), longitude, 1);
        people.zone(code(), "Centre", unit, latitude + TestPeople.kmNorth(3), longitude, 2, duty.id());
        String otherUnit = "PZ " + UUID.randomUUID();
        Person otherDuty = people.police(otherUnit, "en", farAway(), longitude, 1);
        people.zone(code(), "Elsewhere", otherUnit, latitude + TestPeople.kmNorth(80), longitude, 2, otherDuty.id());
        Person volunteer = people.volunteer("nl", latitude + TestPeople.kmNorth(1), longitude, 50);

        AlertApprovalRequested request = request(ApprovalKind.NEW_ALERT, 10);
        publish(request);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(TestPeople.smsTo(duty)).hasSize(1);
            assertThat(TestPeople.emailsTo(duty)).hasSize(1);
        });
        assertThat(TestPeople.smsTo(duty).get(0))
                .isEqualTo(templates.approvalSms(ApprovalKind.NEW_ALERT, Language.NL))
                .contains("nieuwe melding", "goedkeuring", "http://localhost:8080/approvals");
        MimeMessage email = TestPeople.emailsTo(duty).get(0);
        assertThat(email.getSubject()).isEqualTo("Child Alert: nieuwe melding, goedkeuring gevraagd");
        assertThat(GreenMailUtil.getBody(email).replace("=\r\n", "")).contains("vier-ogenprincipe", "http://localhost:8080/approvals");

        // a redelivery of the same event, then the same request republished under another event id
        publish(request);
        AlertApprovalRequested republished = new AlertApprovalRequested(UUID.randomUUID(), Instant.now(), alertId,
                request.caseId(), request.kind(), request.area(), request.requestedBy(), request.requestedAt());
        publish(republished);
        await().atMost(Duration.ofSeconds(10)).until(() -> handled(republished.eventId()));
        awaitAllHandedOver();
        assertThat(deliveries()).isEqualTo(2);
        assertThat(TestPeople.smsTo(duty)).hasSize(1);
        assertThat(TestPeople.emailsTo(duty)).hasSize(1);
        assertThat(TestPeople.smsTo(colleague)).isEmpty();
        assertThat(TestPeople.smsTo(otherDuty)).isEmpty();
        assertThat(TestPeople.emailsTo(otherDuty)).isEmpty();
        assertThat(TestPeople.smsTo(volunteer)).isEmpty();
        assertThat(TestPeople.emailsTo(volunteer)).isEmpty();

        // a change asked for later is a request of its own
        publish(request(ApprovalKind.CHANGE, 15));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(TestPeople.smsTo(duty)).hasSize(2);
            assertThat(TestPeople.emailsTo(duty)).hasSize(2);
        });
        // worded as a change, so that the officer knows from the SMS alone that no new alert waits
        assertThat(TestPeople.smsTo(duty).get(1)).isEqualTo(templates.approvalSms(ApprovalKind.CHANGE, Language.NL))
                .contains("wijziging van een lopende melding").doesNotContain("nieuwe melding");
        assertThat(TestPeople.emailsTo(duty).get(1).getSubject())
                .isEqualTo("Child Alert: wijziging van een melding, goedkeuring gevraagd");
        assertThat(TestPeople.smsTo(otherDuty)).isEmpty();
    }

    @Test
    void anOffDutyContactIsToldNothingAndAnOptedOutChannelIsNotUsed() throws Exception {
        String unit = "PZ " + UUID.randomUUID();
        Person offDuty = people.police(unit, "en", farAway(), longitude, 1);
        people.zone(code(), "North", unit, latitude + TestPeople.kmNorth(3), longitude, 2, offDuty.id());
        mvc.perform(put("/api/police-contacts/{id}/duty", offDuty.id()).with(Callers.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"onDuty\":false}"))
                .andExpect(status().isOk());
        String otherUnit = "PZ " + UUID.randomUUID();
        Person optedOutOfSms = people.police(otherUnit, "de", farAway(), longitude, 1);
        people.zone(code(), "South", otherUnit, latitude - TestPeople.kmNorth(3), longitude, 2, optedOutOfSms.id());
        jdbc.sql("update police_contact_channel set opted_out_at = now() where police_contact_id = :id and channel = 'SMS'")
                .param("id", optedOutOfSms.id()).update();

        AlertApprovalRequested request = request(ApprovalKind.NEW_ALERT, 10);
        publish(request);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestPeople.emailsTo(optedOutOfSms)).hasSize(1));
        assertThat(TestPeople.emailsTo(optedOutOfSms).get(0).getSubject()).isEqualTo("Child Alert: neue Meldung, Freigabe erbeten");
        awaitAllHandedOver();
        assertThat(deliveries()).isEqualTo(1);
        assertThat(TestPeople.smsTo(optedOutOfSms)).isEmpty();
        assertThat(TestPeople.smsTo(offDuty)).isEmpty();
        assertThat(TestPeople.emailsTo(offDuty)).isEmpty();
    }

    @Test
    void anAreaNoZoneCoversIsToldToTheDutyContactsOfEveryZone() throws Exception {
        String unit = "PZ " + UUID.randomUUID();
        Person duty = people.police(unit, "fr", farAway(), longitude, 1);
        people.zone(code(), "Far", unit, farAway(), longitude, 2, duty.id());

        publish(request(ApprovalKind.CHANGE, 5));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(TestPeople.smsTo(duty)).containsExactly(templates.approvalSms(ApprovalKind.CHANGE, Language.FR));
            assertThat(TestPeople.emailsTo(duty)).hasSize(1);
        });
    }

    private AlertApprovalRequested request(ApprovalKind kind, double radiusKm) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new AlertApprovalRequested(UUID.randomUUID(), now, alertId, UUID.randomUUID(), kind,
                new GeoCircle(latitude, longitude, radiusKm), new Actor("5f1d8a52-alice", "alice"), now);
    }

    /** Five degrees of latitude away: no circle of these tests reaches there. */
    private double farAway() {
        return latitude > 0 ? latitude - 5 : latitude + 5;
    }

    private static String code() {
        return "Z-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void publish(IntegrationEvent event) {
        broker.publish("alerts.events", EventType.of(event).typeName(), event.eventId(), json.writeValueAsString(event));
    }

    private boolean handled(UUID eventId) {
        return jdbc.sql("select exists (select 1 from processed_event where event_id = :id)")
                .param("id", eventId).query(Boolean.class).single();
    }

    private void awaitAllHandedOver() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select count(*) from delivery where alert_id = :id and state in ('PENDING', 'SENDING')")
                .param("id", alertId).query(Long.class).single() == 0);
    }

    private long deliveries() {
        return jdbc.sql("select count(*) from delivery where alert_id = :id and notice = 'APPROVAL_REQUESTED'")
                .param("id", alertId).query(Long.class).single();
    }
}
