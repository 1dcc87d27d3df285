package org.childalert.alerts.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childalert.alerts.Escalations.ONLY_UNDER_EIGHTEEN;
import static org.childalert.alerts.Escalations.escalation;
import static org.childalert.alerts.Escalations.publicEscalationBy;
import static org.childalert.alerts.Escalations.someCoordinator;
import static org.childalert.alerts.Tokens.admin;
import static org.childalert.alerts.Tokens.coordinator;
import static org.childalert.alerts.Tokens.officer;
import static org.childalert.alerts.Tokens.tokenOf;
import static org.childalert.alerts.Tokens.volunteer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.childalert.events.Actor;
import org.childalert.events.CaseEscalationRequested;
import org.childalert.events.DisclosureLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The alert API as police, coordinators and others use it: roles, the four-eyes rule, state conflicts and
 * input errors, against the real database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AlertControllerTests {

    private static final CaseEscalationRequested.Criteria ONLY_UNDER_EIGHTEEN_AND_IN_DANGER =
            new CaseEscalationRequested.Criteria(true, true, false, false);

    @Autowired
    MockMvc mvc;

    @Autowired
    EscalationIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Test
    void coordinatorsSeeAPendingAlertWithItsAreaCriteriaAndNotice() throws Exception {
        CaseEscalationRequested request = pendingPublicAlert();

        mvc.perform(get("/api/alerts/{id}", request.alertId()).with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(request.alertId().toString()))
                .andExpect(jsonPath("$.caseId").value(request.caseId().toString()))
                .andExpect(jsonPath("$.status").value("PENDING_APPROVAL"))
                .andExpect(jsonPath("$.level").value("PUBLIC"))
                .andExpect(jsonPath("$.area.latitude").value(50.8603))
                .andExpect(jsonPath("$.area.longitude").value(4.3617))
                .andExpect(jsonPath("$.area.radiusKm").value(10.0))
                .andExpect(jsonPath("$.criteria.lifeInDanger").value(true))
                .andExpect(jsonPath("$.requestedBy").value("alice"))
                .andExpect(jsonPath("$.requestedAt").value(request.occurredAt().toString()))
                .andExpect(jsonPath("$.decidedBy").value(nullValue()))
                .andExpect(jsonPath("$.notice.childFirstName").value("Lena"))
                .andExpect(jsonPath("$.notice.childAge").value(9))
                .andExpect(jsonPath("$.notice.lastSeenPlace").value("Brussels-North station"))
                .andExpect(jsonPath("$.notice.lastSeenAt").value(request.lastSeen().at().toString()));
    }

    @Test
    void anUnknownAlertIsNotFound() throws Exception {
        UUID unknown = UUID.randomUUID();

        mvc.perform(get("/api/alerts/{id}", unknown).with(officer("bob")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString(unknown.toString())));
        mvc.perform(post("/api/alerts/{id}/approval", unknown).with(officer("bob")))
                .andExpect(status().isNotFound());
    }

    @Test
    void withoutATokenEveryEndpointAnswers401() throws Exception {
        UUID id = pendingPublicAlert().alertId();

        for (MockHttpServletRequestBuilder request : everyEndpoint(id)) {
            mvc.perform(request)
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void aVolunteerIsForbiddenEverywhere() throws Exception {
        UUID id = pendingPublicAlert().alertId();

        for (MockHttpServletRequestBuilder request : everyEndpoint(id)) {
            mvc.perform(request.with(volunteer()))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        assertThat(statusOf(id)).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void onlyThePoliceDecideOnAnEscalation() throws Exception {
        UUID id = pendingPublicAlert().alertId();

        for (RequestPostProcessor notPolice : List.of(coordinator(), admin())) {
            mvc.perform(post("/api/alerts/{id}/approval", id).with(notPolice)).andExpect(status().isForbidden());
            mvc.perform(post("/api/alerts/{id}/rejection", id).with(notPolice)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"no\"}"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/alerts/{id}/cancellation", id).with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"FOUND_SAFE\"}"))
                .andExpect(status().isForbidden());
        assertThat(statusOf(id)).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void theRequesterCannotApproveTheirOwnEscalation() throws Exception {
        Actor requester = new Actor(UUID.randomUUID().toString(), "dave");
        UUID id = open(publicEscalationBy(requester)).alertId();

        mvc.perform(post("/api/alerts/{id}/approval", id).with(tokenOf("dave", "police", requester.subject())))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("four-eyes")));
        mvc.perform(post("/api/alerts/{id}/rejection", id).with(tokenOf("dave", "police", requester.subject()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"changed my mind\"}"))
                .andExpect(status().isForbidden());

        assertThat(statusOf(id)).isEqualTo("PENDING_APPROVAL");
        assertThat(decisionsOf(id)).isEmpty();
    }

    @Test
    void anotherOfficersApprovalIssuesAPublicAlertForSixHours() throws Exception {
        UUID id = pendingPublicAlert().alertId();
        Instant before = Instant.now();

        String body = mvc.perform(post("/api/alerts/{id}/approval", id).with(officer("bob"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"Magistrate agreed by phone\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.decidedBy").value("bob"))
                .andReturn().getResponse().getContentAsString();

        Instant issuedAt = Instant.parse(JsonPath.read(body, "$.issuedAt"));
        Instant expiresAt = Instant.parse(JsonPath.read(body, "$.expiresAt"));
        assertThat(issuedAt).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(Duration.between(issuedAt, expiresAt)).isEqualTo(Duration.ofHours(6));
        assertThat(decisionsOf(id)).containsExactly("APPROVED bob Magistrate agreed by phone");
    }

    @Test
    void aTargetedAlertRunsForTheConfiguredLifetime() throws Exception {
        UUID id = open(escalation(DisclosureLevel.TARGETED, ONLY_UNDER_EIGHTEEN_AND_IN_DANGER, someCoordinator()))
                .alertId();

        String body = mvc.perform(post("/api/alerts/{id}/approval", id).with(officer("bob")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        Instant issuedAt = Instant.parse(JsonPath.read(body, "$.issuedAt"));
        Instant expiresAt = Instant.parse(JsonPath.read(body, "$.expiresAt"));
        assertThat(Duration.between(issuedAt, expiresAt)).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void anAlertThatIsNoLongerPendingCannotBeApprovedAgain() throws Exception {
        UUID id = pendingPublicAlert().alertId();
        mvc.perform(post("/api/alerts/{id}/approval", id).with(officer("bob"))).andExpect(status().isOk());

        mvc.perform(post("/api/alerts/{id}/approval", id).with(officer("dave")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("is ACTIVE")));
        mvc.perform(get("/api/alerts/{id}", id).with(coordinator()))
                .andExpect(jsonPath("$.decidedBy").value("bob"));
    }

    @Test
    void aRejectionNeedsAReasonAndIsVisibleOnTheAlert() throws Exception {
        UUID id = pendingPublicAlert().alertId();

        mvc.perform(post("/api/alerts/{id}/rejection", id).with(officer("bob"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        assertThat(statusOf(id)).isEqualTo("PENDING_APPROVAL");

        mvc.perform(post("/api/alerts/{id}/rejection", id).with(officer("bob"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Child seen with a parent\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.decidedBy").value("bob"))
                .andExpect(jsonPath("$.refusalReasons[0]").value("Child seen with a parent"));
        assertThat(decisionsOf(id)).containsExactly("REJECTED bob Child seen with a parent");
    }

    @Test
    void aRequestThePolicyRefusesIsStoredWithItsReasons() throws Exception {
        UUID id = open(escalation(DisclosureLevel.PUBLIC, ONLY_UNDER_EIGHTEEN, someCoordinator())).alertId();

        mvc.perform(get("/api/alerts/{id}", id).with(officer("bob")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REFUSED"))
                .andExpect(jsonPath("$.decidedBy").value("escalation-policy"))
                .andExpect(jsonPath("$.refusalReasons.length()").value(3))
                .andExpect(jsonPath("$.refusalReasons[0]").value(containsString("immediate danger")));
        assertThat(decisionsOf(id)).singleElement().asString().startsWith("REFUSED_BY_POLICY escalation-policy");
        mvc.perform(post("/api/alerts/{id}/approval", id).with(officer("bob")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("is REFUSED")));
    }

    @Test
    void aCancellationNeedsAKnownReason() throws Exception {
        UUID id = pendingPublicAlert().alertId();

        for (String body : List.of("{}", "{\"reason\":\"\"}", "{\"reason\":\"LOST_INTEREST\"}")) {
            mvc.perform(post("/api/alerts/{id}/cancellation", id).with(coordinator())
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("reason"))
                    .andExpect(jsonPath("$.detail").value(containsString("FOUND_SAFE")));
        }
        assertThat(statusOf(id)).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void cancellingAPendingEscalationWithdrawsIt() throws Exception {
        UUID id = pendingPublicAlert().alertId();

        mvc.perform(post("/api/alerts/{id}/cancellation", id).with(coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"RETURNED\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.cancellationReason").value("RETURNED"));
        assertThat(decisionsOf(id)).containsExactly("WITHDRAWN alice RETURNED");
    }

    @Test
    void cancellingAnActiveAlertEndsItOnceAndForAll() throws Exception {
        UUID id = pendingPublicAlert().alertId();
        mvc.perform(post("/api/alerts/{id}/approval", id).with(officer("bob"))).andExpect(status().isOk());

        mvc.perform(post("/api/alerts/{id}/cancellation", id).with(officer("dave"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"FOUND_SAFE\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.cancellationReason").value("FOUND_SAFE"))
                .andExpect(jsonPath("$.cancelledAt").isNotEmpty());
        mvc.perform(post("/api/alerts/{id}/cancellation", id).with(coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"RETRACTED\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("is CANCELLED")));

        mvc.perform(get("/api/alerts/{id}", id).with(admin()))
                .andExpect(jsonPath("$.cancellationReason").value("FOUND_SAFE"));
        assertThat(decisionsOf(id)).containsExactly("APPROVED bob null", "CANCELLED dave FOUND_SAFE");
    }

    @Test
    void pendingAlertsAreListedNewestFirst() throws Exception {
        UUID older = pendingPublicAlert().alertId();
        UUID newer = pendingPublicAlert().alertId();

        String body = mvc.perform(get("/api/alerts").param("status", "PENDING_APPROVAL").param("size", "100")
                        .with(officer("bob")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(100))
                .andExpect(jsonPath("$.items[*].status").value(everyItem(is("PENDING_APPROVAL"))))
                .andExpect(jsonPath("$.items[*].id").value(hasItem(newer.toString())))
                .andReturn().getResponse().getContentAsString();

        List<String> ids = JsonPath.read(body, "$.items[*].id");
        assertThat(ids).contains(older.toString());
        assertThat(ids.indexOf(newer.toString())).isLessThan(ids.indexOf(older.toString()));
    }

    @Test
    void aPageHoldsAtMostAHundredAlerts() throws Exception {
        mvc.perform(get("/api/alerts").param("size", "101").with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/alerts").param("status", "SOMEWHERE").with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("status")));
    }

    @Test
    void theCapFormExistsOnlyOnceTheAlertIsIssued() throws Exception {
        UUID id = pendingPublicAlert().alertId();

        mvc.perform(get("/api/alerts/{id}/cap", id).with(coordinator()).accept(MediaType.APPLICATION_XML))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        mvc.perform(post("/api/alerts/{id}/approval", id).with(officer("bob"))).andExpect(status().isOk());

        mvc.perform(get("/api/alerts/{id}/cap", id).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML))
                .andExpect(content().string(containsString("<msgType>Alert</msgType>")))
                .andExpect(content().string(containsString("childalert-alert-" + id)));
        mvc.perform(get("/api/alerts/{id}/cap", UUID.randomUUID()).with(admin()))
                .andExpect(status().isNotFound());
    }

    private CaseEscalationRequested pendingPublicAlert() {
        return open(publicEscalationBy(someCoordinator()));
    }

    private CaseEscalationRequested open(CaseEscalationRequested request) {
        intake.open(request);
        return request;
    }

    private static List<MockHttpServletRequestBuilder> everyEndpoint(UUID id) {
        return List.of(
                get("/api/alerts/{id}", id),
                get("/api/alerts").param("status", "PENDING_APPROVAL"),
                get("/api/alerts/{id}/cap", id),
                post("/api/alerts/{id}/approval", id),
                post("/api/alerts/{id}/rejection", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"no\"}"),
                post("/api/alerts/{id}/cancellation", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"FOUND_SAFE\"}"));
    }

    private String statusOf(UUID id) {
        return jdbc.sql("select status from alert where id = :id").param("id", id).query(String.class).single();
    }

    private List<String> decisionsOf(UUID id) {
        return jdbc.sql("""
                select decision || ' ' || actor_username || ' ' || coalesce(reason, 'null')
                from alert_decision where alert_id = :id order by decided_at, id
                """)
                .param("id", id).query(String.class).list();
    }
}
