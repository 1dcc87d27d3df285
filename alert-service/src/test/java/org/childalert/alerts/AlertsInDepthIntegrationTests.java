package org.childalert.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.childalert.alerts.Escalations.ALL_CRITERIA_MET;
import static org.childalert.alerts.Escalations.escalation;
import static org.childalert.alerts.Escalations.someCoordinator;
import static org.childalert.alerts.Tokens.coordinator;
import static org.childalert.alerts.Tokens.officer;
import static org.childalert.alerts.Tokens.tokenOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.childalert.alerts.lifecycle.EscalationIntake;
import org.childalert.events.Actor;
import org.childalert.events.CaseEscalationRequested;
import org.childalert.events.DisclosureLevel;
import org.childalert.events.EventType;
import org.childalert.events.IntegrationEvent;
import org.childalert.events.PoliceAcknowledged;
import org.childalert.events.PoliceZoneAlerted;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts after their issue, as police and coordinators live them: updates with an uploaded photo and manual
 * widening (each approved by a second officer), scheduled widening, extensions with a fresh four-eyes approval up to 24 hours, police acknowledgement and its
 * escalation, expiry, and cancellation withdrawing the child's data from every public form. Time is a
 * {@link MovableClock}: the context is discarded afterwards so that no other test runs on moved time.
 */
@SpringBootTest(properties = "childalert.timers.poll-interval=200ms")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MovableClock.Configuration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AlertsInDepthIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final MovableClock CLOCK = MovableClock.SHARED;

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    EscalationIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RabbitTemplate rabbit;

    @Test
    void anApprovedUpdateWithAnUploadedPhotoMakesTheCapAnUpdateAndCancellationWithdrawsTheChildsDataEverywhere()
            throws Exception {
        UUID id = activeAlert(DisclosureLevel.PUBLIC);

        mvc.perform(post("/api/alerts/{id}/updates", id).with(coordinator()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\":\"Now wearing a grey hoodie\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.pendingChange.kind").value("UPDATE"));
        mvc.perform(post("/api/alerts/{id}/changes/approval", id).with(officer("dave")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notice.description").value("Now wearing a grey hoodie"));
        mvc.perform(put("/api/alerts/{id}/photo", id).with(coordinator()).contentType(MediaType.IMAGE_JPEG)
                        .content(TestPhotos.jpegWithGpsExif()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.pendingChange.newPhoto").value(true))
                .andExpect(jsonPath("$.hasPhoto").value(false));
        mvc.perform(post("/api/alerts/{id}/changes/approval", id).with(officer("dave")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hasPhoto").value(true));
        assertThat(outboxCount(id, "alerts.AlertUpdated.v1")).isEqualTo(2);
        assertThat(payloads(id, "alerts.AlertUpdated.v1")).anySatisfy(payload -> assertThat(payload)
                .contains("\"photoLink\": \"http://localhost:8080/api/feeds/alerts/" + id + "/photo\""));

        String update = cap(id);
        validate(update);
        assertThat(update).contains("<msgType>Update</msgType>").contains("<references>")
                .contains("/api/feeds/alerts/" + id + "/photo");
        mvc.perform(get("/api/feeds/alerts/{id}/photo", id))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_JPEG))
                .andExpect(header().doesNotExist("Location"));
        mvc.perform(get("/api/feeds/alerts.atom"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/atom+xml"))
                .andExpect(content().string(containsString("urn:uuid:" + id)))
                .andExpect(content().string(containsString("grey hoodie")));

        mvc.perform(post("/api/alerts/{id}/cancellation", id).with(coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"FOUND_SAFE\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notice.description").isEmpty())
                .andExpect(jsonPath("$.hasPhoto").value(false));

        String cancel = cap(id);
        validate(cancel);
        assertThat(cancel).contains("<msgType>Cancel</msgType>").contains("childalert-alert-" + id + "-update-1")
                .doesNotContain("Lena").doesNotContain("grey hoodie").doesNotContain("/photo");
        mvc.perform(get("/api/feeds/alerts/{id}/photo", id))
                .andExpect(status().isGone())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(count("select count(*) from alert_photo where alert_id = :id", id)).isZero();
        mvc.perform(get("/api/feeds/alerts.atom"))
                .andExpect(content().string(not(containsString(id.toString()))));
        assertThat(jdbc.sql("select withdrawn_items::text from alert_data_withdrawal where alert_id = :id")
                .param("id", id).query(String.class).single())
                .contains("child description").contains("photo and its public link").contains("Atom feed entry");
        assertThat(outboxCount(id, "alerts.AlertCancelled.v1")).isEqualTo(1);
    }

    @Test
    void theFeedIsPublicAndListsOnlyActivePublicAlertsWithoutTheCaseOrThePeople() throws Exception {
        UUID publicAlert = activeAlert(DisclosureLevel.PUBLIC);
        UUID targeted = activeAlert(DisclosureLevel.TARGETED);
        String caseId = jdbc.sql("select case_id::text from alert where id = :id").param("id", publicAlert)
                .query(String.class).single();

        String feed = mvc.perform(get("/api/feeds/alerts.atom"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(feed).contains("urn:uuid:" + publicAlert).contains("/api/feeds/alerts/" + publicAlert + "/cap")
                .doesNotContain(targeted.toString()).doesNotContain(caseId).doesNotContain("alice")
                .doesNotContain("bob");
        validate(mvc.perform(get("/api/feeds/alerts/{id}/cap", publicAlert)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        mvc.perform(get("/api/feeds/alerts/{id}/cap", targeted)).andExpect(status().isNotFound());
    }

    @Test
    void aRadiusOfZeroOrOverFiveHundredKilometresIsRefusedAndChangesNothing() throws Exception {
        UUID id = activeAlert(DisclosureLevel.TARGETED);

        for (String radius : List.of("0", "-3", "500.5", "501")) {
            mvc.perform(post("/api/alerts/{id}/widening", id).with(coordinator())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"radiusKm\":" + radius + "}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("radiusKm"));
        }
        assertThat(radiusOf(id)).isEqualTo(10.0);
        assertThat(outboxCount(id, "alerts.AlertWidened.v1")).isZero();

        mvc.perform(post("/api/alerts/{id}/widening", id).with(coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"radiusKm\":5}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("can only be widened")));
        mvc.perform(post("/api/alerts/{id}/widening", id).with(coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"radiusKm\":151}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("radiusKm"))
                .andExpect(jsonPath("$.detail").value(containsString("at most 150 km")));
        mvc.perform(post("/api/alerts/{id}/widening", id).with(officer("bob"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"radiusKm\":20}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.area.radiusKm").value(10.0))
                .andExpect(jsonPath("$.pendingChange.kind").value("WIDENING"))
                .andExpect(jsonPath("$.pendingChange.radiusKm").value(20.0));
        mvc.perform(post("/api/alerts/{id}/changes/approval", id).with(officer("dave")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.area.radiusKm").value(20.0));
        assertThat(widenings(id)).containsExactly("10.0 -> 20.0");
    }

    @Test
    void theScheduleApprovedWithTheAlertWidensItStepByStepEachStepOnceWhileAManualWideningWaits() throws Exception {
        UUID id = activeAlert(DisclosureLevel.TARGETED);
        mvc.perform(post("/api/alerts/{id}/widening", id).with(coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"radiusKm\":30}"))
                .andExpect(status().isAccepted());

        CLOCK.advance(Duration.ofMinutes(61));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(radiusOf(id)).isEqualTo(15.0));
        CLOCK.advance(Duration.ofHours(2));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(radiusOf(id)).isEqualTo(40.0));

        assertThat(widenings(id)).containsExactlyInAnyOrder("10.0 -> 15.0", "15.0 -> 40.0");
        mvc.perform(post("/api/alerts/{id}/changes/approval", id).with(officer("dave")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("can only be widened")));
    }

    @Test
    void aPublicAlertIsExtendedThreeTimesWithAFreshApprovalEachAndNeverPastTwentyFourHours() throws Exception {
        UUID id = activeAlert(DisclosureLevel.PUBLIC);
        Instant issuedAt = Instant.parse(alertField(id, "issued_at"));

        for (int extension = 1; extension <= 3; extension++) {
            mvc.perform(post("/api/alerts/{id}/extensions", id).with(coordinator()))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.number").value(extension))
                    .andExpect(jsonPath("$.status").value("PENDING"));
            mvc.perform(post("/api/alerts/{id}/extensions", id).with(coordinator()))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail").value(containsString("already waiting")));
            mvc.perform(post("/api/alerts/{id}/extensions/approval", id).with(officer("dave")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.extensions").value(extension))
                    .andExpect(jsonPath("$.expiresAt").value(issuedAt.plus(Duration.ofHours(6L * (extension + 1)))
                            .toString()));
        }

        mvc.perform(post("/api/alerts/{id}/extensions", id).with(coordinator()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("24 hours at most")));
        mvc.perform(post("/api/alerts/{id}/extensions/approval", id).with(officer("dave")))
                .andExpect(status().isConflict());
        assertThat(Instant.parse(alertField(id, "expires_at"))).isEqualTo(issuedAt.plus(Duration.ofHours(24)));
        assertThat(alertField(id, "extensions")).isEqualTo("3");
        assertThat(outboxCount(id, "alerts.AlertExtended.v1")).isEqualTo(3);
        assertThat(decisionsOf(id)).containsSubsequence("EXTENSION_REQUESTED", "EXTENDED", "EXTENSION_REQUESTED",
                "EXTENDED", "EXTENSION_REQUESTED", "EXTENDED");
    }

    @Test
    void whoeverAskedForAnExtensionMayNotApproveItAndARejectionNeedsAReason() throws Exception {
        UUID id = activeAlert(DisclosureLevel.PUBLIC);
        RequestPostProcessor bob = tokenOf("bob", "police", UUID.randomUUID().toString());
        mvc.perform(post("/api/alerts/{id}/extensions", id).with(bob)).andExpect(status().isCreated());

        mvc.perform(post("/api/alerts/{id}/extensions/approval", id).with(bob))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("four-eyes")));
        mvc.perform(post("/api/alerts/{id}/extensions/rejection", id).with(officer("dave"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/alerts/{id}/extensions/rejection", id).with(officer("dave"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"The magistrate said no\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.extensions").value(0));

        assertThat(outboxCount(id, "alerts.AlertExtensionRejected.v1")).isEqualTo(1);
        assertThat(outboxCount(id, "alerts.AlertExtended.v1")).isZero();
        mvc.perform(post("/api/alerts/{id}/extensions", id).with(coordinator()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value(2));
    }

    @Test
    void anAlertExpiresOnceWhenItsTimeIsUpAndLeavesTheFeed() throws Exception {
        UUID id = activeAlert(DisclosureLevel.PUBLIC);

        CLOCK.advance(Duration.ofHours(6).plusMinutes(1));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(alertField(id, "status")).isEqualTo("EXPIRED"));
        assertThat(outboxCount(id, "alerts.AlertExpired.v1")).isEqualTo(1);
        assertThat(alertField(id, "child_description")).isNull();
        String cancel = cap(id);
        validate(cancel);
        assertThat(cancel).contains("<msgType>Cancel</msgType>").doesNotContain("Lena");
        mvc.perform(get("/api/feeds/alerts.atom")).andExpect(content().string(not(containsString(id.toString()))));
        assertThat(decisionsOf(id)).endsWith("EXPIRED");
    }

    @Test
    void eachPoliceZoneReachedMustAcknowledgeInTimeOrItsDutyContactIsAlerted() throws Exception {
        UUID id = activeAlert(DisclosureLevel.POLICE_ONLY);
        String acknowledging = "zone-" + UUID.randomUUID();
        String bySms = "zone-" + UUID.randomUUID();
        String silent = "zone-" + UUID.randomUUID();
        for (String zone : List.of(acknowledging, bySms, silent)) {
            publishNotificationEvent(new PoliceZoneAlerted(UUID.randomUUID(), CLOCK.instant(), id, zone, "Zone " + zone));
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(count(
                "select count(*) from zone_alert where alert_id = :id", id)).isEqualTo(3));

        mvc.perform(post("/api/alerts/{id}/acknowledgements", id).with(policeOfZone("another-zone"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"zoneId\":\"" + acknowledging + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/alerts/{id}/acknowledgements", id).with(policeOfZone("not-reached"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"zoneId\":\"not-reached\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/alerts/{id}/acknowledgements", id).with(policeOfZone(acknowledging))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"zoneId\":\"" + acknowledging + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.acknowledgedVia").value("API"));
        publishNotificationEvent(new PoliceAcknowledged(UUID.randomUUID(), CLOCK.instant(), id, bySms,
                new Actor(UUID.randomUUID().toString(), "Inspector Peeters")));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(count(
                "select count(*) from zone_alert where alert_id = :id and acknowledged_via = 'SMS'", id)).isEqualTo(1));

        CLOCK.advance(Duration.ofMinutes(31));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(outboxCount(id, "alerts.AcknowledgementOverdue.v1")).isEqualTo(1));
        assertThat(payloads(id, "alerts.AcknowledgementOverdue.v1")).singleElement().asString().contains(silent);
        assertThat(outboxCount(id, "alerts.AlertAcknowledged.v1")).isEqualTo(2);
        mvc.perform(get("/api/alerts/{id}/acknowledgements", id).with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[?(@.zoneId == '" + silent + "')].status").value("OVERDUE"))
                .andExpect(jsonPath("$[?(@.zoneId == '" + bySms + "')].acknowledgedBy").value("Inspector Peeters"));
    }

    @Test
    void anOfficerWhoseTokenNamesNoPoliceZoneMayNotAcknowledgeForAnyZone() throws Exception {
        UUID id = activeAlert(DisclosureLevel.POLICE_ONLY);
        String zone = "zone-" + UUID.randomUUID();
        publishNotificationEvent(new PoliceZoneAlerted(UUID.randomUUID(), CLOCK.instant(), id, zone, "Zone " + zone));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(count(
                "select count(*) from zone_alert where alert_id = :id", id)).isEqualTo(1));

        mvc.perform(post("/api/alerts/{id}/acknowledgements", id).with(officer("bob"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"zoneId\":\"" + zone + "\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("has no police zone")));

        assertThat(count("select count(*) from zone_alert where alert_id = :id and acknowledged_at is not null", id))
                .isZero();
        assertThat(outboxCount(id, "alerts.AlertAcknowledged.v1")).isZero();
    }

    private UUID activeAlert(DisclosureLevel level) {
        CaseEscalationRequested request = escalation(level, ALL_CRITERIA_MET, someCoordinator());
        intake.open(request);
        try {
            mvc.perform(post("/api/alerts/{id}/approval", request.alertId()).with(officer("bob")))
                    .andExpect(status().isOk());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return request.alertId();
    }

    private static RequestPostProcessor policeOfZone(String zone) {
        return jwt().jwt(token -> token.subject(UUID.randomUUID().toString())
                        .claim("preferred_username", "bob")
                        .claim("police_zone", zone)
                        .claim("realm_access", Map.of("roles", List.of("police"))))
                .authorities(new SimpleGrantedAuthority("ROLE_POLICE"));
    }

    private void publishNotificationEvent(IntegrationEvent event) {
        String type = EventType.of(event).typeName();
        MessageProperties properties = new MessageProperties();
        properties.setContentType("application/json");
        properties.setHeader("cloudEvents:specversion", "1.0");
        properties.setHeader("cloudEvents:id", event.eventId().toString());
        properties.setHeader("cloudEvents:type", type);
        properties.setHeader("cloudEvents:source", "/notification-service");
        properties.setHeader("cloudEvents:subject", event.subjectId().toString());
        rabbit.send("notifications.events", type, new Message(json.writeValueAsBytes(event), properties));
    }

    private String cap(UUID id) throws Exception {
        return mvc.perform(get("/api/alerts/{id}/cap", id).with(coordinator()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static void validate(String cap) throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(AlertsInDepthIntegrationTests.class.getResourceAsStream("/cap/CAP-v1.2.xsd")))
                .newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(cap.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    private double radiusOf(UUID id) {
        return jdbc.sql("select radius_km from alert where id = :id").param("id", id).query(Double.class).single();
    }

    private String alertField(UUID id, String column) {
        return jdbc.sql("select to_json(" + column + ") #>> '{}' from alert where id = :id").param("id", id)
                .query((rs, row) -> rs.getString(1)).list().get(0);
    }

    private List<String> decisionsOf(UUID id) {
        return jdbc.sql("select decision from alert_decision where alert_id = :id order by decided_at, id")
                .param("id", id).query(String.class).list();
    }

    /** Each AlertWidened of the alert as "previous radius -> new radius". */
    private List<String> widenings(UUID id) {
        return payloads(id, "alerts.AlertWidened.v1").stream().map(json::readTree)
                .map(widened -> widened.get("previousRadiusKm").asDouble() + " -> "
                        + widened.get("area").get("radiusKm").asDouble())
                .toList();
    }

    private long outboxCount(UUID id, String type) {
        return payloads(id, type).size();
    }

    private List<String> payloads(UUID id, String type) {
        return jdbc.sql("select payload::text from outbox_event where subject_id = :id and type_name = :type")
                .param("id", id).param("type", type).query(String.class).list();
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }
}
