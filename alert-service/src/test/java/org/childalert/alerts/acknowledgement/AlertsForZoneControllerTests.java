package org.childalert.alerts.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childalert.alerts.Escalations.publicEscalationBy;
import static org.childalert.alerts.Escalations.someCoordinator;
import static org.childalert.alerts.Tokens.admin;
import static org.childalert.alerts.Tokens.coordinator;
import static org.childalert.alerts.Tokens.officer;
import static org.childalert.alerts.Tokens.volunteer;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.childalert.alerts.lifecycle.EscalationIntake;
import org.childalert.events.CaseEscalationRequested;
import org.childalert.events.PoliceZoneAlerted;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * "Alerts for my zone" ({@code GET /api/alerts?zone=mine}) as police officers use it, against the real database:
 * an officer whose token names a police zone sees the alerts that reached that zone, with its deadline and
 * whether it acknowledged; an officer without a zone sees every alert.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AlertsForZoneControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    EscalationIntake intake;

    @Autowired
    PoliceAcknowledgements acknowledgements;

    private final String myZone = "zone-" + UUID.randomUUID();
    private final String otherZone = "zone-" + UUID.randomUUID();

    @Test
    void anOfficerOfAZoneSeesTheActiveAlertsThatReachedItWithItsDeadlineAndNotOtherZonesAlerts() throws Exception {
        Instant alertedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID mine = activeAlertReaching(alertedAt, myZone, otherZone);
        UUID othersOnly = activeAlertReaching(alertedAt, otherZone);

        String body = mvc.perform(get("/api/alerts").param("status", "ACTIVE").param("zone", "mine")
                        .with(policeOfZone(myZone)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.zoneId").value(myZone))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].alert.id").value(mine.toString()))
                .andExpect(jsonPath("$.items[0].alert.status").value("ACTIVE"))
                .andExpect(jsonPath("$.items[0].alert.notice.childFirstName").value("Lena"))
                .andExpect(jsonPath("$.items[0].alert.notice.lastSeenPlace").value("Brussels-North station"))
                .andExpect(jsonPath("$.items[0].zones.length()").value(1))
                .andExpect(jsonPath("$.items[0].zones[0].zoneId").value(myZone))
                .andExpect(jsonPath("$.items[0].zones[0].status").value("WAITING"))
                .andExpect(jsonPath("$.items[0].zones[0].alertedAt").value(alertedAt.toString()))
                .andReturn().getResponse().getContentAsString();

        assertThat(Instant.parse(JsonPath.read(body, "$.items[0].zones[0].deadline")))
                .isEqualTo(alertedAt.plus(30, ChronoUnit.MINUTES));
        assertThat(body).doesNotContain(othersOnly.toString()).doesNotContain(otherZone);
    }

    @Test
    void anAcknowledgementShowsOnTheOfficersListAndOnlyWhatTheZoneStillOwesIsWaiting() throws Exception {
        UUID acknowledged = activeAlertReaching(Instant.now(), myZone);
        UUID waiting = activeAlertReaching(Instant.now(), myZone);

        mvc.perform(post("/api/alerts/{id}/acknowledgements", acknowledged).with(policeOfZone(myZone))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"zoneId\":\"" + myZone + "\"}"))
                .andExpect(status().isOk());

        mvc.perform(get("/api/alerts").param("status", "ACTIVE").param("zone", "mine").with(policeOfZone(myZone)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[?(@.alert.id == '" + acknowledged + "')].zones[0].status")
                        .value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.items[?(@.alert.id == '" + acknowledged + "')].zones[0].acknowledgedBy")
                        .value("bob"))
                .andExpect(jsonPath("$.items[?(@.alert.id == '" + waiting + "')].zones[0].status").value("WAITING"));
    }

    @Test
    void onlyAlertsInTheAskedStatusAreListed() throws Exception {
        UUID cancelled = activeAlertReaching(Instant.now(), myZone);
        UUID active = activeAlertReaching(Instant.now(), myZone);
        mvc.perform(post("/api/alerts/{id}/cancellation", cancelled).with(coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"FOUND_SAFE\"}"))
                .andExpect(status().isOk());

        mvc.perform(get("/api/alerts").param("status", "ACTIVE").param("zone", "mine").with(policeOfZone(myZone)))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].alert.id").value(active.toString()));
        mvc.perform(get("/api/alerts").param("zone", "mine").with(policeOfZone(myZone)))
                .andExpect(jsonPath("$.totalItems").value(2));
    }

    @Test
    void anOfficerWithoutAZoneSeesEveryActiveAlertWithEveryZoneItReached() throws Exception {
        UUID twoZones = activeAlertReaching(Instant.now(), myZone, otherZone);
        UUID noZoneYet = activeAlertReaching(Instant.now());

        String body = mvc.perform(get("/api/alerts").param("status", "ACTIVE").param("zone", "mine")
                        .param("size", "100").with(officer("dave")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.zoneId").value(nullValue()))
                .andExpect(jsonPath("$.items[?(@.alert.id == '" + twoZones + "')].zones.length()").value(2))
                .andExpect(jsonPath("$.items[?(@.alert.id == '" + noZoneYet + "')].zones.length()").value(0))
                .andReturn().getResponse().getContentAsString();

        List<String> statuses = JsonPath.read(body, "$.items[*].alert.status");
        assertThat(statuses).isNotEmpty().containsOnly("ACTIVE");
        mvc.perform(get("/api/alerts").param("status", "ACTIVE").param("zone", "mine").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.zoneId").value(nullValue()));
    }

    @Test
    void coordinatorsAndVolunteersMayNotAskForAZonesAlerts() throws Exception {
        for (RequestPostProcessor notPolice : List.of(coordinator(), volunteer())) {
            mvc.perform(get("/api/alerts").param("zone", "mine").with(notPolice))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(get("/api/alerts").param("zone", "mine"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anotherZoneThanOnesOwnCannotBeAskedFor() throws Exception {
        activeAlertReaching(Instant.now(), otherZone);

        mvc.perform(get("/api/alerts").param("zone", otherZone).with(policeOfZone(myZone)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("zone"));
        mvc.perform(get("/api/alerts").param("zone", "mine").param("size", "101").with(policeOfZone(myZone)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void theApiDescriptionOfTheAlertListNamesTheZoneParameter() throws Exception {
        String description = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        List<String> parameters = JsonPath.read(description, "$.paths['/api/alerts'].get.parameters[*].name");
        assertThat(parameters).contains("zone", "status", "page", "size");
    }

    /** An alert police approved, and which the notification-service then reported reaching these zones. */
    private UUID activeAlertReaching(Instant alertedAt, String... zoneIds) throws Exception {
        CaseEscalationRequested request = publicEscalationBy(someCoordinator());
        intake.open(request);
        mvc.perform(post("/api/alerts/{id}/approval", request.alertId()).with(officer("dave")))
                .andExpect(status().isOk());
        for (String zoneId : zoneIds) {
            acknowledgements.onZoneAlerted(new PoliceZoneAlerted(UUID.randomUUID(), alertedAt, request.alertId(),
                    zoneId, "Zone " + zoneId));
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
}
