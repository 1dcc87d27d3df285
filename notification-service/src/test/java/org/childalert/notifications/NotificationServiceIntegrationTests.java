package org.childalert.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.childalert.events.Actor;
import org.childalert.events.AlertCancelled;
import org.childalert.events.AlertIssued;
import org.childalert.events.DisclosureLevel;
import org.childalert.events.EventType;
import org.childalert.events.GeoCircle;
import org.childalert.events.IntegrationEvent;
import org.childalert.kit.test.TestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The notification-service end to end within its edges: real PostgreSQL (notifications_test) and RabbitMQ
 * (vhost childalert-test), the real Twilio SDK talking to WireMock, real SMTP to GreenMail.
 */
@NotificationServiceTest
class NotificationServiceIntegrationTests {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String STATUS_CALLBACK = "http://localhost:8080/api/webhooks/twilio/status";
    @RegisterExtension
    static final TestBroker broker = new TestBroker();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void alertsThePoliceAndNearbyVolunteersOnceAndTellsThemWhenTheChildIsFound() throws Exception {
        // somewhere no earlier run put anyone: the alert must reach exactly the people of this test
        double latitude = ThreadLocalRandom.current().nextDouble(-60, 60);
        double longitude = ThreadLocalRandom.current().nextDouble(-170, 170);
        Person police = registerPolice(latitude, longitude + kmEast(2, latitude));
        Person near = signUpVolunteer(latitude + kmNorth(3), longitude, 5);
        Person far = signUpVolunteer(latitude + kmNorth(40), longitude, 5);
        String progressed = broker.listen("notifications.events", EventType.DELIVERY_PROGRESSED.typeName());
        String childName = "Mila" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        UUID alertId = UUID.randomUUID();
        AlertIssued issued = alertIssued(alertId, childName, new GeoCircle(latitude, longitude, 10));

        publish(issued);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(smsTo(police)).hasSize(1);
            assertThat(smsTo(near)).hasSize(1);
            assertThat(emailsTo(police)).hasSize(1);
            assertThat(emailsTo(near)).hasSize(1);
        });
        assertThat(smsTo(far)).isEmpty();
        assertThat(emailsTo(far)).isEmpty();
        LoggedRequest sms = smsTo(near).get(0);
        assertThat(sms.formParameters().get("Body").firstValue()).contains(childName, "Red coat", "112");
        assertThat(sms.formParameters().get("StatusCallback").firstValue()).isEqualTo(STATUS_CALLBACK);
        assertThat(sms.formParameters().get("From").firstValue()).isEqualTo("+32460000000");
        assertThat(smsTo(police).get(0).formParameters().get("Body").firstValue())
                .contains(childName + " (8 ans) a disparu"); // the police contact reads French
        MimeMessage email = emailsTo(near).get(0);
        assertThat(email.getSubject()).isEqualTo("Child Alert: " + childName + " (8 jaar) wordt vermist");
        assertThat(email.getFrom()[0].toString()).isEqualTo("alerts@childalert.local");
        assertThat(email.getHeader("List-Unsubscribe", null)).contains("<http://localhost:8080/api/webhooks/email/unsubscribe?token=VOLUNTEER." + near.id() + ".", "<mailto:unsubscribe@childalert.local");
        assertThat(email.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(contentTypes(email)).anyMatch(type -> type.startsWith("text/plain")).anyMatch(type -> type.startsWith("text/html"));
        assertThat(GreenMailUtil.getBody(email)).contains(childName);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                mvc.perform(get("/api/alerts/" + alertId + "/deliveries").with(Callers.alice()))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.counts.total").value(4))
                        .andExpect(jsonPath("$.counts.byState.ACCEPTED").value(4))
                        .andExpect(jsonPath("$.counts.byChannel.SMS").value(2))
                        .andExpect(jsonPath("$.deliveries[?(@.recipientId == '" + near.id() + "' && @.channel == 'SMS')].address")
                                .value(near.maskedPhone()))
                        .andExpect(jsonPath("$.deliveries[?(@.recipientId == '" + near.id() + "' && @.channel == 'EMAIL')].address")
                                .value(near.email().charAt(0) + "***@example.org")));
        // one progress event per alert and recorded batch, not one per recipient: together they count the four messages
        assertThat(handedOverInProgressEvents(progressed, alertId)).isEqualTo(new int[] {2, 2});

        // the same event redelivered, then the same alert under another event id: nothing more is sent
        publish(issued);
        AlertIssued again = alertIssued(alertId, childName, new GeoCircle(latitude, longitude, 10));
        publish(again);
        await().atMost(Duration.ofSeconds(10)).until(() -> handled(again.eventId()));
        assertThat(jdbc.sql("select count(*) from delivery where alert_id = :id").param("id", alertId)
                .query(Long.class).single()).isEqualTo(4);
        assertThat(smsTo(police)).hasSize(1);
        assertThat(smsTo(near)).hasSize(1);
        assertThat(emailsTo(near)).hasSize(1);

        publish(new AlertCancelled(UUID.randomUUID(), Instant.now(), alertId, issued.caseId(), "FOUND_SAFE",
                new Actor("alice", "alice")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(smsTo(police)).hasSize(2);
            assertThat(smsTo(near)).hasSize(2);
            assertThat(emailsTo(police)).hasSize(2);
            assertThat(emailsTo(near)).hasSize(2);
        });
        assertThat(smsTo(far)).isEmpty();
        assertThat(smsTo(near).get(1).formParameters().get("Body").firstValue())
                .contains(childName, "teruggevonden").doesNotContain("Red coat");
        assertThat(emailsTo(police).get(1).getSubject()).isEqualTo("Child Alert : " + childName + " a été retrouvé(e)");
        assertThat(jdbc.sql("select description from alert_notice where alert_id = :id").param("id", alertId)
                .query(String.class).optional()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                mvc.perform(get("/api/alerts/" + alertId + "/deliveries").with(Callers.alice()))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.counts.total").value(8))
                        .andExpect(jsonPath("$.counts.byState.ACCEPTED").value(8)));
    }

    @Test
    void aPersonRegisteredTwiceIsToldOncePerChannel() throws Exception {
        double latitude = ThreadLocalRandom.current().nextDouble(-60, 60);
        double longitude = ThreadLocalRandom.current().nextDouble(-170, 170);
        Person first = signUpVolunteer(latitude, longitude, 5);
        Person again = signUpVolunteer(latitude + kmNorth(1), longitude, 5, first.phone(), first.email());
        UUID alertId = UUID.randomUUID();

        publish(alertIssued(alertId, "Noor", new GeoCircle(latitude, longitude, 10)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(smsTo(first)).hasSize(1);
            assertThat(emailsTo(first)).hasSize(1);
        });
        assertThat(again.phone()).isEqualTo(first.phone());
        assertThat(jdbc.sql("select count(*) from delivery where alert_id = :id").param("id", alertId)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aVolunteerMayNotReadAnAlertsDeliveries() throws Exception {
        mvc.perform(get("/api/alerts/" + UUID.randomUUID() + "/deliveries").with(Callers.carol()))
                .andExpect(status().isForbidden());
    }

    @Test
    void deliveriesOfAnUnknownAlertAreNotFound() throws Exception {
        mvc.perform(get("/api/alerts/" + UUID.randomUUID() + "/deliveries").with(Callers.alice()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aMessageThatKeepsFailingEndsInTheDeadLetterQueue() {
        UUID eventId = UUID.randomUUID();

        broker.publish("alerts.events", EventType.ALERT_ISSUED.typeName(), eventId, "{\"alertId\": \"not a uuid\"");

        // the binder republishes the message as Spring Cloud Function saw it: ce-id became cloudEvents:id
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Message dead = broker.receive("alerts.events.notification-service.dlq", 500);
            return dead != null && eventId.toString().equals(dead.getMessageProperties().getHeader("cloudEvents:id"));
        });
        assertThat(handled(eventId)).isFalse();
    }

    private record Person(UUID id, String phone, String email) {

        String maskedPhone() {
            return "+32 470 ** ** " + phone.substring(phone.length() - 2);
        }
    }

    private Person registerPolice(double latitude, double longitude) throws Exception {
        String phone = randomMobile();
        String email = "police-" + UUID.randomUUID() + "@example.org";
        MvcResult result = mvc.perform(post("/api/police-contacts").with(Callers.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"Dispatch","unit":"Zone %s","phone":"%s","email":"%s","language":"fr",
                                 "channels":["SMS","EMAIL"],"zone":{"latitude":%s,"longitude":%s,"radiusKm":5}}
                                """.formatted(UUID.randomUUID(), phone, email, latitude, longitude)))
                .andExpect(status().isCreated())
                .andReturn();
        return new Person(UUID.fromString(JsonPath.read(result.getResponse().getContentAsString(), "$.id")), phone, email);
    }

    private Person signUpVolunteer(double latitude, double longitude, int radiusKm) throws Exception {
        return signUpVolunteer(latitude, longitude, radiusKm, randomMobile(), "vol-" + UUID.randomUUID() + "@example.org");
    }

    private Person signUpVolunteer(double latitude, double longitude, int radiusKm, String phone, String email)
            throws Exception {
        // an admin who attests that the person confirmed their phone and mailbox: their channels count at once
        MvcResult result = mvc.perform(post("/api/volunteers").with(Callers.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"Volunteer","phone":"%s","email":"%s","language":"nl","channels":["SMS","EMAIL"],
                                 "home":{"latitude":%s,"longitude":%s},"radiusKm":%d,"consent":true,"verifiedBy":"admin"}
                                """.formatted(phone, email, latitude, longitude, radiusKm)))
                .andExpect(status().isCreated())
                .andReturn();
        return new Person(UUID.fromString(JsonPath.read(result.getResponse().getContentAsString(), "$.id")), phone, email);
    }

    private static AlertIssued alertIssued(UUID alertId, String childName, GeoCircle area) {
        return new AlertIssued(UUID.randomUUID(), Instant.now(), alertId, UUID.randomUUID(), DisclosureLevel.TARGETED,
                area, Instant.now().plus(Duration.ofHours(6)),
                new AlertIssued.Notice(childName, 8, "Red coat, blue backpack.", "the station",
                        Instant.parse("2026-11-28T09:30:00Z")),
                new Actor("bob", "bob"));
    }

    private static void publish(IntegrationEvent event) {
        broker.publish("alerts.events", EventType.of(event).typeName(), event.eventId(), json.writeValueAsString(event));
    }

    private boolean handled(UUID eventId) {
        return jdbc.sql("select exists (select 1 from processed_event where event_id = :id)")
                .param("id", eventId).query(Boolean.class).single();
    }

    private static List<LoggedRequest> smsTo(Person person) {
        RequestPatternBuilder toThem = postRequestedFor(urlEqualTo(FakeProviders.MESSAGES_PATH))
                .withBasicAuth(new BasicCredentials(FakeProviders.ACCOUNT_SID, FakeProviders.AUTH_TOKEN))
                .withFormParam("To", equalTo(person.phone()));
        return FakeProviders.twilio().findAll(toThem);
    }

    private static List<MimeMessage> emailsTo(Person person) {
        return Arrays.stream(FakeProviders.smtp().getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getRecipients(RecipientType.TO))
                                .anyMatch(address -> address.toString().equals(person.email()));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static List<String> contentTypes(Part part) throws Exception {
        List<String> types = new ArrayList<>();
        types.add(part.getContentType().toLowerCase());
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                types.addAll(contentTypes(multipart.getBodyPart(i)));
            }
        }
        return types;
    }

    /** The SMS and email handed over for this alert, summed over its DeliveryProgressed events, once four are counted. */
    private static int[] handedOverInProgressEvents(String queue, UUID alertId) {
        int[] handedOver = new int[2];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Message message = broker.receive(queue, 500);
            String body = message == null ? "" : new String(message.getBody());
            if (body.contains(alertId.toString())) {
                handedOver[0] += count(body, "smsHandedOver");
                handedOver[1] += count(body, "emailHandedOver");
            }
            return handedOver[0] + handedOver[1] >= 4;
        });
        return handedOver;
    }

    private static int count(String json, String field) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private static String randomMobile() {
        return "+32470" + (100000 + ThreadLocalRandom.current().nextInt(900000));
    }

    private static double kmNorth(double km) {
        return km / 111.195;
    }

    private static double kmEast(double km, double latitude) {
        return km / (111.195 * Math.cos(Math.toRadians(latitude)));
    }
}
