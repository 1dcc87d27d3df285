package org.childalert.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.childalert.events.AcknowledgementOverdue;
import org.childalert.events.Actor;
import org.childalert.events.AlertExpired;
import org.childalert.events.AlertIssued;
import org.childalert.events.AlertUpdated;
import org.childalert.events.AlertWidened;
import org.childalert.events.DisclosureLevel;
import org.childalert.events.EventType;
import org.childalert.events.GeoCircle;
import org.childalert.events.IntegrationEvent;
import org.childalert.kit.test.TestBroker;
import org.childalert.notifications.TestPeople.Person;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What follows an alert's issue, on the wire as alert-service publishes it: widening, updates, expiry, the
 * acknowledgement loop with the police zones. Real PostgreSQL and RabbitMQ; sends observed at the fakes.
 */
@NotificationServiceTest
class AlertFollowUpIntegrationTests {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String PHOTO = "http://localhost:8080/api/feeds/alerts/photo-of-the-child";
    @RegisterExtension
    static final TestBroker broker = new TestBroker();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private TestPeople people;
    private final double latitude = ThreadLocalRandom.current().nextDouble(-60, 60);
    private final double longitude = ThreadLocalRandom.current().nextDouble(-170, 170);
    private final UUID alertId = UUID.randomUUID();
    private final UUID caseId = UUID.randomUUID();

    @Autowired
    void people(MockMvc mvc) {
        this.people = new TestPeople(mvc);
    }

    @Test
    void aWideningReachesOnlyTheNewlyCoveredAndItsRedeliveryNothingMore() throws Exception {
        Person police = people.police("Unit " + UUID.randomUUID(), "fr", latitude, longitude, 2);
        Person near = people.volunteer("nl", latitude + TestPeople.kmNorth(3), longitude, 50);
        Person ring = people.volunteer("nl", latitude + TestPeople.kmNorth(12), longitude, 50);
        Person far = people.volunteer("nl", latitude + TestPeople.kmNorth(60), longitude, 50);
        publish(issued(5));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(TestPeople.smsTo(police)).hasSize(1);
            assertThat(TestPeople.smsTo(near)).hasSize(1);
        });
        assertThat(TestPeople.smsTo(ring)).isEmpty();

        AlertWidened widened = widened(20, 5);
        publish(widened);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(TestPeople.smsTo(ring)).hasSize(1);
            assertThat(TestPeople.emailsTo(ring)).hasSize(1);
        });
        assertThat(TestPeople.smsTo(ring).get(0)).startsWith("CHILD ALERT - Nu ook in uw buurt: Lina (9 jaar)");
        awaitFanOutsDone();
        assertThat(TestPeople.smsTo(near)).hasSize(1);
        assertThat(TestPeople.smsTo(police)).hasSize(1);
        assertThat(TestPeople.smsTo(far)).isEmpty();
        assertThat(deliveries("WIDENED")).isEqualTo(2);

        // redelivered, and the same widening under a new event id: nobody is told twice about the alert
        publish(widened);
        AlertWidened again = widened(20, 5);
        publish(again);
        await().atMost(Duration.ofSeconds(10)).until(() -> handled(again.eventId()));
        awaitFanOutsDone();
        assertThat(deliveries("WIDENED")).isEqualTo(2);
        assertThat(deliveries(null)).isEqualTo(6); // police and near ISSUED, ring WIDENED, on SMS and EMAIL
        assertThat(TestPeople.smsTo(ring)).hasSize(1);
    }

    @Test
    void aWideningAfterAnUpdateTellsTheNewlyCoveredTheUpdatedWordsNotTheWordsOfTheWideningBefore() throws Exception {
        Person ring = people.volunteer("nl", latitude + TestPeople.kmNorth(12), longitude, 50);
        Person outer = people.volunteer("nl", latitude + TestPeople.kmNorth(30), longitude, 50);
        publish(issued(5));
        awaitAllAccepted();
        publish(widened(20, 5));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestPeople.smsTo(ring)).hasSize(1));
        assertThat(TestPeople.smsTo(ring).get(0)).contains("Red coat");
        awaitAllAccepted();

        publish(updated("Seen in Leuven", null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestPeople.smsTo(ring)).hasSize(2));
        awaitAllAccepted();

        // the same alert, notice kind and language as the first widening's texts, which the dispatcher keeps: the
        // notice's content is part of their key, so the newly covered read what the alert says now
        publish(widened(40, 20));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(TestPeople.smsTo(outer)).hasSize(1);
            assertThat(TestPeople.emailsTo(outer)).hasSize(1);
        });
        assertThat(TestPeople.smsTo(outer).get(0)).startsWith("CHILD ALERT - Nu ook in uw buurt: Lina (9 jaar)")
                .contains("Seen in Leuven").doesNotContain("Red coat");
        assertThat(jakarta.mail.internet.MimeUtility.unfold(com.icegreen.greenmail.util.GreenMailUtil.getBody(
                TestPeople.emailsTo(outer).get(0)).replace("=\r\n", ""))).contains("Seen in Leuven");
    }

    @Test
    void anUpdateReachesExactlyThoseTheAlertReachedEachTime() throws Exception {
        Person near = people.volunteer("en", latitude + TestPeople.kmNorth(2), longitude, 50);
        Person outside = people.volunteer("en", latitude + TestPeople.kmNorth(30), longitude, 50);
        publish(issued(5));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestPeople.smsTo(near)).hasSize(1));
        awaitAllAccepted();

        publish(updated("Now wearing a grey hoodie", PHOTO));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(TestPeople.smsTo(near)).hasSize(2);
            assertThat(TestPeople.emailsTo(near)).hasSize(2);
        });
        assertThat(TestPeople.smsTo(near).get(1)).startsWith("CHILD ALERT - Update: Lina (9) is missing")
                .contains("grey hoodie", "Photo: " + PHOTO);
        assertThat(TestPeople.emailsTo(near).get(1).getSubject()).isEqualTo("Child Alert: Lina (9) is missing (Update)");
        assertThat(jdbc.sql("select description from alert_notice where alert_id = :id").param("id", alertId)
                .query(String.class).single()).isEqualTo("Now wearing a grey hoodie");
        awaitAllAccepted();

        publish(updated("Seen in Leuven", null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestPeople.smsTo(near)).hasSize(3));
        assertThat(TestPeople.smsTo(near).get(2)).contains("Seen in Leuven").doesNotContain("Photo");
        assertThat(TestPeople.smsTo(outside)).isEmpty();
        assertThat(deliveries("UPDATED")).isEqualTo(4);
    }

    @Test
    void anExpiryWithdrawsWhatWasNotSentAndTellsNobody() throws Exception {
        Person near = people.volunteer("de", latitude + TestPeople.kmNorth(2), longitude, 50);
        String failed = broker.listen("notifications.events", EventType.NOTIFICATION_FAILED.typeName());
        publish(issued(5));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestPeople.smsTo(near)).hasSize(1));
        awaitAllAccepted();
        UUID waiting = UUID.randomUUID(); // a delivery waiting for its retry when the alert runs out
        jdbc.sql("""
                insert into delivery (id, alert_id, recipient_kind, recipient_id, channel, notice, address, language,
                                      next_attempt_at)
                values (:id, :alertId, 'VOLUNTEER', :recipient, 'SMS', 'ISSUED', :phone, 'de', now() + interval '1 hour')
                """).param("id", waiting).param("alertId", alertId).param("recipient", UUID.randomUUID())
                .param("phone", TestPeople.randomMobile()).update();

        AlertExpired expired = new AlertExpired(UUID.randomUUID(), Instant.now(), alertId, caseId);
        publish(expired);

        await().atMost(Duration.ofSeconds(10)).until(() -> handled(expired.eventId()));
        assertThat(jdbc.sql("select state || ' ' || error_code from delivery where id = :id").param("id", waiting)
                .query(String.class).single()).isEqualTo("FAILED ALERT_EXPIRED");
        assertThat(jdbc.sql("select description is null and expired_at is not null from alert_notice where alert_id = :id")
                .param("id", alertId).query(Boolean.class).single()).isTrue();
        JsonNode event = await().atMost(Duration.ofSeconds(15)).until(() -> next(failed), body -> body != null
                && body.get("deliveryId").asText().equals(waiting.toString()));
        assertThat(event.get("errorCode").asText()).isEqualTo("ALERT_EXPIRED");

        publish(updated("too late", null)); // an expired alert is not updated any more
        awaitFanOutsDone();
        assertThat(deliveries("FOUND")).isZero();
        assertThat(deliveries("UPDATED")).isZero();
        assertThat(TestPeople.smsTo(near)).hasSize(1);
    }

    @Test
    void theFirstTimeAZoneIsReachedIsToldOnceAndAnOverdueZonesDutyContactIsAlertedOnce() throws Exception {
        String unit = "PZ " + UUID.randomUUID();
        String code = "Z-" + UUID.randomUUID().toString().substring(0, 8);
        // the duty contact's own circle is far away: only the zone brings them in
        Person duty = people.police(unit, "en", latitude > 0 ? latitude - 5 : latitude + 5, longitude, 1);
        people.zone(code, "Centre", unit, latitude + TestPeople.kmNorth(3), longitude, 2, duty.id());
        String zoneAlerted = broker.listen("notifications.events", EventType.POLICE_ZONE_ALERTED.typeName());

        publish(issued(5));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestPeople.smsTo(duty)).hasSize(1));
        JsonNode alerted = await().atMost(Duration.ofSeconds(15)).until(() -> next(zoneAlerted), body -> body != null
                && body.get("alertId").asText().equals(alertId.toString()));
        assertThat(alerted.get("zoneId").asText()).isEqualTo(code);
        assertThat(alerted.get("zoneName").asText()).isEqualTo("Centre");

        publish(widened(15, 5)); // the zone is reached again: it is not new
        AcknowledgementOverdue overdue = overdue(code);
        publish(overdue);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(TestPeople.smsTo(duty)).hasSize(2);
            assertThat(TestPeople.emailsTo(duty)).hasSize(2);
        });
        assertThat(TestPeople.smsTo(duty).get(1))
                .startsWith("CHILD ALERT - Your zone has not acknowledged this alert: Lina (9)")
                .endsWith("Reply ACK to acknowledge.");

        AcknowledgementOverdue again = overdue(code);
        publish(again);
        await().atMost(Duration.ofSeconds(10)).until(() -> handled(again.eventId()));
        awaitFanOutsDone();
        assertThat(deliveries("ESCALATION")).isEqualTo(2);
        assertThat(TestPeople.smsTo(duty)).hasSize(2);
        List<JsonNode> more = new ArrayList<>();
        for (JsonNode body = next(zoneAlerted); body != null; body = next(zoneAlerted)) {
            if (body.get("alertId").asText().equals(alertId.toString())) {
                more.add(body);
            }
        }
        assertThat(more).isEmpty();
        assertThat(jdbc.sql("select count(*) from police_zone_alert where alert_id = :id and escalated_at is not null")
                .param("id", alertId).query(Long.class).single()).isEqualTo(1);
    }

    private AlertIssued issued(double radiusKm) {
        return new AlertIssued(UUID.randomUUID(), Instant.now(), alertId, caseId, DisclosureLevel.TARGETED,
                new GeoCircle(latitude, longitude, radiusKm), Instant.now().plus(Duration.ofHours(6)), notice("Red coat"),
                new Actor("bob", "bob"));
    }

    private AlertWidened widened(double radiusKm, double previousRadiusKm) {
        return new AlertWidened(UUID.randomUUID(), Instant.now(), alertId, caseId, DisclosureLevel.TARGETED,
                new GeoCircle(latitude, longitude, radiusKm), previousRadiusKm, Instant.now().plus(Duration.ofHours(6)),
                notice("Red coat"), new Actor("alert-service", "widening-schedule"));
    }

    private AlertUpdated updated(String description, String photoLink) {
        return new AlertUpdated(UUID.randomUUID(), Instant.now(), alertId, caseId, notice(description), photoLink,
                new Actor("alice", "alice"));
    }

    private AcknowledgementOverdue overdue(String zoneCode) {
        return new AcknowledgementOverdue(UUID.randomUUID(), Instant.now(), alertId, caseId, zoneCode, "Centre",
                Instant.now().minus(Duration.ofMinutes(15)), Instant.now());
    }

    private static AlertIssued.Notice notice(String description) {
        return new AlertIssued.Notice("Lina", 9, description, "the station", Instant.parse("2026-11-28T09:30:00Z"));
    }

    private static void publish(IntegrationEvent event) {
        broker.publish("alerts.events", EventType.of(event).typeName(), event.eventId(), json.writeValueAsString(event));
    }

    private static JsonNode next(String queue) {
        Message message = broker.receive(queue, 200);
        return message == null ? null : json.readTree(message.getBody());
    }

    private boolean handled(UUID eventId) {
        return jdbc.sql("select exists (select 1 from processed_event where event_id = :id)")
                .param("id", eventId).query(Boolean.class).single();
    }

    private void awaitFanOutsDone() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select count(*) from fanout_job where alert_id = :id and state in ('PENDING', 'RUNNING')")
                .param("id", alertId).query(Long.class).single() == 0);
    }

    private void awaitAllAccepted() {
        awaitFanOutsDone();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select count(*) from delivery where alert_id = :id and state in ('PENDING', 'SENDING')")
                .param("id", alertId).query(Long.class).single() == 0);
    }

    private long deliveries(String notice) {
        return jdbc.sql("select count(*) from delivery where alert_id = :id and (cast(:notice as text) is null or notice = :notice)")
                .param("id", alertId).param("notice", notice).query(Long.class).single();
    }
}
