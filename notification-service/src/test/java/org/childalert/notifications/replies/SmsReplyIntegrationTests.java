package org.childalert.notifications.replies;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;

import org.childalert.events.Actor;
import org.childalert.events.AlertIssued;
import org.childalert.events.DisclosureLevel;
import org.childalert.events.EventType;
import org.childalert.events.GeoCircle;
import org.childalert.kit.test.TestBroker;
import org.childalert.notifications.Callers;
import org.childalert.notifications.FakeProviders;
import org.childalert.notifications.NotificationServiceTest;
import org.childalert.notifications.TestPeople.Person;
import org.childalert.notifications.TestPeople;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SMS replies to an alert through the signed Twilio webhook: classified, stored once per Twilio message,
 * published, answered in the sender's language; readable by coordinators and police; erased with the volunteer.
 */
@NotificationServiceTest
class SmsReplyIntegrationTests {

    private static final String INBOUND = "http://localhost:8080/api/webhooks/twilio/inbound";
    private static final JsonMapper json = JsonMapper.builder().build();
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

    @Autowired
    void people(MockMvc mvc) {
        this.people = new TestPeople(mvc);
    }

    @Test
    void aVolunteersSeenAndSightingAreStoredOncePublishedAndAnsweredInTheirLanguage() throws Exception {
        Person volunteer = people.volunteer("nl", latitude + TestPeople.kmNorth(2), longitude, 5);
        String received = broker.listen("notifications.events", EventType.REPLY_RECEIVED.typeName());
        issueAndAwaitSmsTo(volunteer);

        reply(volunteer, "Gezien", sid())
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML))
                .andExpect(content().string(containsString("<Message>CHILD ALERT: bedankt. Ziet u het kind, bel dan 112.")));
        String sighting = sid();
        reply(volunteer, "WAARNEMING rode jas aan de tram", sighting)
                .andExpect(content().string(containsString("uw waarneming is doorgegeven")));
        reply(volunteer, "WAARNEMING rode jas aan de tram", sighting) // Twilio retried the webhook
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("uw waarneming is doorgegeven")));

        assertThat(replies("SEEN")).isEqualTo(1);
        assertThat(replies("SIGHTING")).isEqualTo(1);
        JsonNode seen = nextFor(received);
        assertThat(seen.get("kind").asText()).isEqualTo("SEEN");
        assertThat(seen.get("recipientKind").asText()).isEqualTo("VOLUNTEER");
        assertThat(seen.get("text").isNull()).isTrue();
        JsonNode sighted = nextFor(received);
        assertThat(sighted.get("kind").asText()).isEqualTo("SIGHTING");
        assertThat(sighted.get("text").asText()).isEqualTo("rode jas aan de tram");
        assertThat(broker.receive(received, 1000)).isNull(); // the retried webhook published nothing more

        mvc.perform(get("/api/alerts/" + alertId + "/replies").with(Callers.alice()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.alertId").value(alertId.toString()))
                .andExpect(jsonPath("$.replies.length()").value(2))
                .andExpect(jsonPath("$.replies[0].kind").value("SIGHTING"))
                .andExpect(jsonPath("$.replies[0].text").value("WAARNEMING rode jas aan de tram"))
                .andExpect(jsonPath("$.replies[0].recipientKind").value("VOLUNTEER"))
                .andExpect(jsonPath("$.replies[0].recipientName").value(containsString("Volunteer")))
                .andExpect(jsonPath("$.replies[0].phone").value(volunteer.phone()))
                .andExpect(jsonPath("$.replies[0].id").value(sighted.get("replyId").asText()))
                .andExpect(jsonPath("$.replies[0].receivedAt").isNotEmpty())
                .andExpect(jsonPath("$.replies[1].kind").value("SEEN"));

        // erasure keeps the anonymous count, not who wrote what from which number
        mvc.perform(delete("/api/volunteers/" + volunteer.id()).with(Callers.admin())).andExpect(status().isNoContent());
        // a coordinator reads them: police only for alerts that reached their zone (AlertRecipientsAccessIntegrationTests)
        mvc.perform(get("/api/alerts/" + alertId + "/replies").with(Callers.alice()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replies.length()").value(2))
                .andExpect(jsonPath("$.replies[0].phone").doesNotExist())
                .andExpect(jsonPath("$.replies[0].recipientName").doesNotExist())
                .andExpect(content().string(not(containsString("rode jas"))))
                .andExpect(content().string(not(containsString(volunteer.phone()))));
    }

    @Test
    void aReplyThatComesBeforeItsSmsOutcomeIsRecordedStillBelongsToTheAlert() throws Exception {
        Person volunteer = people.volunteer("nl", latitude + TestPeople.kmNorth(1), longitude, 5);
        issueAndAwaitSmsTo(volunteer);
        // Twilio took the SMS and the volunteer answered before this instance recorded the outcome (batched)
        jdbc.sql("update delivery set state = 'SENDING' where alert_id = :id and recipient_id = :recipient")
                .param("id", alertId).param("recipient", volunteer.id()).update();

        reply(volunteer, "WAARNEMING blauwe fiets", sid())
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("uw waarneming is doorgegeven")));

        assertThat(replies("SIGHTING")).isEqualTo(1);
    }

    @Test
    void aPoliceContactsAckAcknowledgesTheAlertForTheirZone() throws Exception {
        String unit = "PZ " + UUID.randomUUID();
        String code = "Z-" + UUID.randomUUID().toString().substring(0, 8);
        Person duty = people.police(unit, "fr", latitude > 0 ? latitude - 5 : latitude + 5, longitude, 1);
        people.zone(code, "Centre", unit, latitude, longitude, 2, duty.id());
        String acknowledged = broker.listen("notifications.events", EventType.POLICE_ACKNOWLEDGED.typeName());
        issueAndAwaitSmsTo(duty);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from police_zone_alert where alert_id = :id").param("id", alertId).query(Long.class).single() == 1);

        String twiml = reply(duty, "reçu", sid())
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        // TwiML is XML: the accents travel as UTF-8, not as HTML entities XML does not know
        assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(twiml.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName("Message").item(0).getTextContent())
                .isEqualTo("CHILD ALERT : confirmation pour votre zone enregistrée. Merci.");

        assertThat(replies("ACK")).isEqualTo(1);
        JsonNode event = nextFor(acknowledged);
        assertThat(event.get("zoneId").asText()).isEqualTo(code);
        assertThat(event.get("contact").get("subject").asText()).isEqualTo(duty.id().toString());
        assertThat(event.get("contact").get("username").asText()).isEqualTo("Dispatch " + unit);
        mvc.perform(get("/api/alerts/" + alertId + "/replies").with(Callers.admin()))
                .andExpect(jsonPath("$.replies[0].kind").value("ACK"))
                .andExpect(jsonPath("$.replies[0].recipientKind").value("POLICE"));
    }

    @Test
    void stopStillOptsOutAndIsNoReply() throws Exception {
        Person volunteer = people.volunteer("en", latitude + TestPeople.kmNorth(2), longitude, 5);
        issueAndAwaitSmsTo(volunteer);

        reply(volunteer, "STOP", sid())
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("you will receive no more SMS")));

        assertThat(jdbc.sql("select opted_out_at is not null from volunteer_channel where volunteer_id = :id and channel = 'SMS'")
                .param("id", volunteer.id()).query(Boolean.class).single()).isTrue();
        assertThat(replies(null)).isZero();
    }

    @Test
    void aForgedReplyIsRefusedAndStoresNothing() throws Exception {
        Person volunteer = people.volunteer("en", latitude + TestPeople.kmNorth(2), longitude, 5);
        issueAndAwaitSmsTo(volunteer);
        Map<String, String> form = form(volunteer.phone(), "SEEN", sid());

        mvc.perform(inbound(form, "forged")).andExpect(status().isForbidden());
        mvc.perform(inbound(form, null)).andExpect(status().isForbidden());

        assertThat(replies(null)).isZero();
    }

    @Test
    void aReplyFromANumberNoActiveAlertWasSentToIsAnsweredPolitelyAndNotStored() throws Exception {
        Map<String, String> form = form(TestPeople.randomMobile(), "I saw a girl in a red coat", sid());

        mvc.perform(inbound(form, sign(form)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is no active alert for this number")));

        assertThat(jdbc.sql("select count(*) from reply where message_sid = :sid").param("sid", form.get("MessageSid"))
                .query(Long.class).single()).isZero();
    }

    @Test
    void onlyCoordinatorsPoliceAndAdminsReadReplies() throws Exception {
        jdbc.sql("""
                insert into alert_notice (alert_id, case_id, level, child_first_name, child_age, issued_at)
                values (:alertId, :caseId, 'TARGETED', 'Test', 8, now())
                """).param("alertId", alertId).param("caseId", UUID.randomUUID()).update();

        mvc.perform(get("/api/alerts/" + alertId + "/replies").with(Callers.alice()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replies.length()").value(0));
        mvc.perform(get("/api/alerts/" + alertId + "/replies").with(Callers.carol()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/alerts/" + alertId + "/replies")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/alerts/" + UUID.randomUUID() + "/replies").with(Callers.bob()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/alerts/not-an-id/replies").with(Callers.alice())).andExpect(status().isBadRequest());
    }

    private void issueAndAwaitSmsTo(Person person) {
        AlertIssued issued = new AlertIssued(UUID.randomUUID(), Instant.now(), alertId, UUID.randomUUID(),
                DisclosureLevel.TARGETED, new GeoCircle(latitude, longitude, 5), Instant.now().plus(Duration.ofHours(6)),
                new AlertIssued.Notice("Lina", 9, "Red coat", "the station", Instant.parse("2026-11-28T09:30:00Z")),
                new Actor("bob", "bob"));
        broker.publish("alerts.events", EventType.ALERT_ISSUED.typeName(), issued.eventId(), json.writeValueAsString(issued));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select count(*) from delivery
                where alert_id = :id and recipient_id = :recipient and channel = 'SMS' and state = 'ACCEPTED'
                """).param("id", alertId).param("recipient", person.id()).query(Long.class).single() == 1);
    }

    private ResultActions reply(Person from, String body, String messageSid) throws Exception {
        Map<String, String> form = form(from.phone(), body, messageSid);
        return mvc.perform(inbound(form, sign(form)));
    }

    private static Map<String, String> form(String from, String body, String messageSid) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("From", from);
        form.put("To", "+32460000000");
        form.put("Body", body);
        form.put("MessageSid", messageSid);
        form.put("AccountSid", FakeProviders.ACCOUNT_SID);
        return form;
    }

    private static String sid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    private long replies(String kind) {
        return jdbc.sql("select count(*) from reply where alert_id = :id and (cast(:kind as text) is null or kind = :kind)")
                .param("id", alertId).param("kind", kind).query(Long.class).single();
    }

    private JsonNode nextFor(String queue) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> {
            Message message = broker.receive(queue, 200);
            return message == null ? null : json.readTree(message.getBody());
        }, body -> body != null && body.get("alertId").asText().equals(alertId.toString()));
    }

    private static MockHttpServletRequestBuilder inbound(Map<String, String> form, String signature) {
        MockHttpServletRequestBuilder request = post("/api/webhooks/twilio/inbound")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        form.forEach(request::param);
        return request;
    }

    /** As Twilio signs: HMAC-SHA1 with the auth token over the URL and each parameter name and value, sorted. */
    private static String sign(Map<String, String> form) throws Exception {
        StringBuilder data = new StringBuilder(INBOUND);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(FakeProviders.AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
