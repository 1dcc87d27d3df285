package org.childalert.gateway.console;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Police officers' pages: escalations waiting for a decision, and the alerts running now. */
class PolicePagesTests extends ConsoleTestSupport {

    private final UUID alertId = UUID.randomUUID();
    private final UUID caseId = UUID.randomUUID();

    /** No running alert has a change waiting unless a test says otherwise. */
    @org.junit.jupiter.api.BeforeEach
    void noChangesWaiting() {
        alertService.stubFor(get(urlPathEqualTo("/api/alerts")).withQueryParam("status", equalTo("ACTIVE"))
                .atPriority(10)
                .willReturn(okJson("{\"items\":[],\"page\":0,\"size\":100,\"totalItems\":0}")));
    }

    @Test
    void listsTheChangesToRunningAlertsWaitingForASecondOfficerWithWhatTheyChange() throws Exception {
        UUID widened = UUID.randomUUID();
        alertService.stubFor(get(urlPathEqualTo("/api/alerts")).withQueryParam("status", equalTo("ACTIVE"))
                .willReturn(okJson("""
                        {"items":[%s,%s,%s],"page":0,"size":100,"totalItems":3}""".formatted(
                        runningAlert(UUID.randomUUID(), "null"),
                        runningAlert(alertId, """
                                {"kind":"UPDATE","requestedBy":"alice","requestedAt":"2026-11-28T10:30:00Z",
                                 "description":"Red jacket, blue cap","newPhoto":true,"radiusKm":null}"""),
                        runningAlert(widened, """
                                {"kind":"WIDENING","requestedBy":"carol","requestedAt":"2026-11-28T10:20:00Z",
                                 "description":null,"newPhoto":false,"radiusKm":25.0}""")))));
        stubAlerts("PENDING_APPROVAL");

        String page = mvc.perform(page("/approvals").with(signedIn("bob", "police")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"change-" + alertId + "\"", "New information", "alice",
                "<dd id=\"change-old-description-" + alertId + "\">Red jacket</dd>",
                "<dd id=\"change-new-description-" + alertId + "\">Red jacket, blue cap</dd>",
                "href=\"/alerts/" + alertId + "/change-photo\"",
                "id=\"approve-change-" + alertId + "\"", "id=\"reject-change-" + alertId + "\"",
                "Wider area", "carol", "10 km, widened to 25 km");
        assertThat(page.indexOf("id=\"change-" + widened + "\"")).as("the older request first")
                .isLessThan(page.indexOf("id=\"change-" + alertId + "\""));
        assertThat(page.split("class=\"card approval\" id=\"change-", -1)).hasSize(3);
        alertService.verify(getRequestedFor(urlPathEqualTo("/api/alerts")).withQueryParam("status", equalTo("ACTIVE"))
                .withHeader("Authorization", equalTo("Bearer token-of-bob")));
    }

    @Test
    void tellsTheOfficerWhoAskedForAChangeThatAnotherDecidesAndDisablesTheirButtons() throws Exception {
        alertService.stubFor(get(urlPathEqualTo("/api/alerts")).withQueryParam("status", equalTo("ACTIVE"))
                .willReturn(okJson("""
                        {"items":[%s],"page":0,"size":100,"totalItems":1}""".formatted(runningAlert(alertId, """
                        {"kind":"WIDENING","requestedBy":"bob","requestedAt":"2026-11-28T10:20:00Z",
                         "description":null,"newPhoto":false,"radiusKm":25.0}""")))));
        stubAlerts("PENDING_APPROVAL");

        mvc.perform(page("/approvals").with(signedIn("bob", "police")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("You asked for this change: another police officer decides on it."),
                        containsString("id=\"approve-change-" + alertId + "\" disabled=\"disabled\""))));
    }

    @Test
    void approvesAChangeAsAnotherOfficer() throws Exception {
        alertService.stubFor(post("/api/alerts/" + alertId + "/changes/approval").willReturn(okJson("{}")));

        mvc.perform(submit("/approvals/" + alertId + "/change-approval").with(signedIn("dave", "police")).with(csrf()))
                .andExpect(redirectedUrl("/approvals"))
                .andExpect(flash().attribute("notice", "changes.approved"));

        alertService.verify(postRequestedFor(urlEqualTo("/api/alerts/" + alertId + "/changes/approval"))
                .withHeader("Authorization", equalTo("Bearer token-of-dave")));
    }

    @Test
    void showsTheServicesRefusalWhenTheRequesterDecidesOnTheirOwnChange() throws Exception {
        alertService.stubFor(post("/api/alerts/" + alertId + "/changes/approval").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"You asked for this change yourself; "
                        + "under the four-eyes rule another police officer must approve or reject it.\"}")));

        mvc.perform(submit("/approvals/" + alertId + "/change-approval").with(signedIn("bob", "police")).with(csrf()))
                .andExpect(redirectedUrl("/approvals"))
                .andExpect(flash().attribute("failure", "You asked for this change yourself; under the four-eyes rule "
                        + "another police officer must approve or reject it."));
    }

    @Test
    void rejectsAChangeWithTheOfficersReason() throws Exception {
        alertService.stubFor(post("/api/alerts/" + alertId + "/changes/rejection").willReturn(okJson("{}")));

        mvc.perform(submit("/approvals/" + alertId + "/change-rejection").param("reason", " Not confirmed. ")
                        .with(signedIn("dave", "police")).with(csrf()))
                .andExpect(redirectedUrl("/approvals"))
                .andExpect(flash().attribute("notice", "changes.rejected"));

        alertService.verify(postRequestedFor(urlEqualTo("/api/alerts/" + alertId + "/changes/rejection"))
                .withRequestBody(equalToJson("{\"reason\":\"Not confirmed.\"}")));
    }

    @Test
    void listsTheEscalationsWaitingWithTheirChecklist() throws Exception {
        stubAlerts("PENDING_APPROVAL");

        mvc.perform(page("/approvals").with(signedIn("bob", "police")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Lina, 12 years old<"),
                        containsString("Red jacket"),
                        containsString("The child is under 18"),
                        containsString("<span class=\"visually-hidden\">not met</span>"),
                        containsString("id=\"approve-" + alertId + "\""),
                        containsString("<label for=\"reason-" + alertId + "\">Why reject?</label>"))));

        alertService.verify(getRequestedFor(urlPathEqualTo("/api/alerts"))
                .withQueryParam("status", equalTo("PENDING_APPROVAL"))
                .withHeader("Authorization", equalTo("Bearer token-of-bob")));
    }

    @Test
    void theApprovalCardShowsTheAlertsCircleTheChildsPhotoALinkToTheCaseAndWhatItWouldSend() throws Exception {
        stubAlerts("PENDING_APPROVAL");
        stubCase("\"/api/cases/" + caseId + "/photo\"");
        notificationService.stubFor(post("/api/reach-estimates").willReturn(okJson(ReachJson.estimate())));

        String page = mvc.perform(page("/approvals").with(signedIn("bob", "police")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains(
                "<a id=\"approval-case-" + alertId + "\" href=\"/cases/" + caseId + "\">Open the case</a>",
                "<img id=\"approval-photo-" + alertId + "\" class=\"photo\"",
                "src=\"/cases/" + caseId + "/photo\" alt=\"Photo of Lina\">",
                "data-map-latitude=\"50.8603\"",
                "data-map-radius-km=\"10.0\"",
                "data-map-id=\"approval-map-" + alertId + "\"",
                "aria-label=\"Map of the area around Brussels-North station, radius 10 km\"",
                "<p id=\"reach-" + alertId + "-total\">This alert would send 15 messages.</p>",
                "<td data-language=\"fr\" data-label=\"Français\">3</td>",
                "<p class=\"hint\" id=\"reach-" + alertId + "-segments-en\">SMS: 3 segments (UCS-2), 150 characters</p>",
                "<span lang=\"nl\" id=\"reach-" + alertId + "-subject-nl\">Vermist kind: Lina, 12 jaar</span>");
        caseService.verify(getRequestedFor(urlEqualTo("/api/cases/" + caseId))
                .withHeader("Authorization", equalTo("Bearer token-of-bob")));
        notificationService.verify(postRequestedFor(urlEqualTo("/api/reach-estimates"))
                .withHeader("Authorization", equalTo("Bearer token-of-bob"))
                .withRequestBody(equalToJson("""
                        {"area":{"latitude":50.8603,"longitude":4.362,"radiusKm":10.0},"level":"TARGETED",
                         "notice":{"childFirstName":"Lina","childAge":12,"description":"Red jacket",
                                   "lastSeenPlace":"Brussels-North station","lastSeenAt":"2026-11-28T08:30:00Z"}}""")));
    }

    @Test
    void theApprovalCardGoesWithoutPhotoAndEstimateWhenTheyCannotBeHadAndTheDecisionStaysPossible() throws Exception {
        stubAlerts("PENDING_APPROVAL");
        caseService.stubFor(get("/api/cases/" + caseId).willReturn(aResponse().withStatus(503)));
        notificationService.stubFor(post("/api/reach-estimates").willReturn(aResponse().withStatus(503)));

        String page = mvc.perform(page("/approvals").with(signedIn("bob", "police")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"approve-" + alertId + "\"", "id=\"reach-" + alertId + "-failed\"",
                        "The reach and the messages cannot be shown right now.", "href=\"/cases/" + caseId + "\"")
                .doesNotContain("approval-photo-");

        stubCase("null");
        assertThat(mvc.perform(page("/approvals").with(signedIn("bob", "police")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .doesNotContain("approval-photo-");
    }

    @Test
    void anOfficerReadsTheCaseAndItsPhotoButActsOnlyFromTheApprovals() throws Exception {
        stubCase("\"/api/cases/" + caseId + "/photo\"");
        caseService.stubFor(get("/api/cases/" + caseId + "/timeline").willReturn(okJson("""
                [{"at":"2026-11-28T09:40:00Z","kind":"CASE_OPENED","summary":"Opened by alice","author":"alice"}]""")));
        caseService.stubFor(get("/api/cases/" + caseId + "/escalations").willReturn(okJson("[]")));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        caseService.stubFor(get("/api/cases/" + caseId + "/photo").willReturn(aResponse()
                .withHeader("Content-Type", "image/png").withBody(png)));

        mvc.perform(page("/cases/" + caseId).with(signedIn("bob", "police")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Lina Peeters"),
                        containsString("id=\"case-photo\""),
                        containsString("href=\"/approvals\""),
                        not(containsString("id=\"timeline-form\"")),
                        not(containsString("id=\"resolve-form\"")),
                        not(containsString("id=\"request-escalation\"")))));
        mvc.perform(page("/cases/" + caseId + "/photo").with(signedIn("bob", "police")))
                .andExpect(status().isOk())
                .andExpect(content().bytes(png));
        caseService.verify(getRequestedFor(urlEqualTo("/api/cases/" + caseId))
                .withHeader("Authorization", equalTo("Bearer token-of-bob")));

        // the list, a new case and every change stay the coordinators'
        mvc.perform(page("/cases").with(signedIn("bob", "police"))).andExpect(status().isForbidden());
        mvc.perform(page("/cases/new").with(signedIn("bob", "police"))).andExpect(status().isForbidden());
        mvc.perform(page("/cases/" + caseId + "/escalation").with(signedIn("bob", "police")))
                .andExpect(status().isForbidden());
        mvc.perform(submit("/cases/" + caseId + "/timeline").param("kind", "NOTE").param("summary", "x")
                .with(signedIn("bob", "police")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(page("/cases/" + caseId).with(signedIn("carol", "volunteer"))).andExpect(status().isForbidden());
        assertThat(caseService.findAll(postRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void asksForConfirmationBeforeApprovingAndSendsNothingYet() throws Exception {
        alertService.stubFor(get("/api/alerts/" + alertId).willReturn(okJson(runningAlert(alertId, "null")
                .replace("\"ACTIVE\"", "\"PENDING_APPROVAL\""))));

        mvc.perform(submit("/approvals/" + alertId + "/approval").with(signedIn("dave", "police")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h1 id=\"confirm-title\">Approve and send this alert?</h1>"),
                        containsString("Alert for Lina, 12 years old: it goes out now to everyone in the area "
                                + "(Targeted, 10 km around Brussels-North station)."),
                        containsString("<form id=\"confirm-form\" method=\"post\" action=\"/approvals/" + alertId + "/approval\">"),
                        containsString("<input type=\"hidden\" name=\"confirmed\" value=\"true\">"),
                        containsString("name=\"_csrf\""),
                        containsString("id=\"confirm-action\""),
                        containsString("<a id=\"confirm-cancel\" class=\"button secondary\" href=\"/approvals\">"))));

        assertThat(alertService.findAll(postRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void approvesAnEscalation() throws Exception {
        alertService.stubFor(post("/api/alerts/" + alertId + "/approval").willReturn(okJson("{}")));

        mvc.perform(submit("/approvals/" + alertId + "/approval").param("confirmed", "true")
                        .with(signedIn("dave", "police")).with(csrf()))
                .andExpect(redirectedUrl("/approvals"))
                .andExpect(flash().attribute("notice", "approvals.approved"));

        alertService.verify(postRequestedFor(urlEqualTo("/api/alerts/" + alertId + "/approval"))
                .withHeader("Authorization", equalTo("Bearer token-of-dave")));
    }

    @Test
    void rejectsAnEscalationWithTheReasonGiven() throws Exception {
        alertService.stubFor(post("/api/alerts/" + alertId + "/rejection").willReturn(okJson("{}")));

        mvc.perform(submit("/approvals/" + alertId + "/rejection").param("reason", "  The child was seen with her mother.  ")
                        .with(signedIn("bob", "police")).with(csrf()))
                .andExpect(redirectedUrl("/approvals"))
                .andExpect(flash().attribute("notice", "approvals.rejected"));

        alertService.verify(postRequestedFor(urlEqualTo("/api/alerts/" + alertId + "/rejection"))
                .withRequestBody(equalToJson("{\"reason\":\"The child was seen with her mother.\"}")));
    }

    @Test
    void showsWhyARejectionWithoutReasonIsRefusedNextToTheReasonField() throws Exception {
        stubAlerts("PENDING_APPROVAL");
        alertService.stubFor(post("/api/alerts/" + alertId + "/rejection").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(problem(400, "reason is required", "reason", "is required: say why the escalation is rejected"))));

        mvc.perform(submit("/approvals/" + alertId + "/rejection").param("reason", "")
                        .with(signedIn("bob", "police")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"error-reason\""),
                        containsString("Please fill this in."))));

        // alert-service explains in English to API clients; the German page says it in German (issue 15 review, 7b)
        mvc.perform(submit("/approvals/" + alertId + "/rejection").param("reason", "").param("lang", "de")
                        .with(signedIn("bob", "police")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"error-reason\""),
                        containsString("Bitte füllen Sie dies aus."),
                        not(containsString("is required")))));
    }

    @Test
    void tellsTheOfficerWhenTheServiceRefusesTheDecision() throws Exception {
        alertService.stubFor(post("/api/alerts/" + alertId + "/approval").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"You requested this escalation: another officer must decide.\"}")));

        mvc.perform(submit("/approvals/" + alertId + "/approval").param("confirmed", "true")
                        .with(signedIn("bob", "police")).with(csrf()))
                .andExpect(redirectedUrl("/approvals"))
                .andExpect(flash().attribute("failure", "You requested this escalation: another officer must decide."));
    }

    @Test
    void refusesADecisionWithoutCsrfToken() throws Exception {
        mvc.perform(submit("/approvals/" + alertId + "/approval").with(signedIn("bob", "police")))
                .andExpect(status().isForbidden());

        assertThat(alertService.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void turnsAwayCoordinatorsAndVolunteersFromTheApprovals() throws Exception {
        mvc.perform(page("/approvals").with(signedIn("alice", "coordinator")))
                .andExpect(status().isForbidden());
        mvc.perform(submit("/approvals/" + alertId + "/approval").with(signedIn("alice", "coordinator")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(page("/active-alerts").with(signedIn("carol", "volunteer")))
                .andExpect(status().isForbidden());

        assertThat(alertService.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void acknowledgesAnAlertForTheOfficersZoneFromTheAlertPage() throws Exception {
        alertService.stubFor(get("/api/alerts/" + alertId).willReturn(okJson("""
                {"id":"%s","caseId":"%s","status":"ACTIVE","level":"TARGETED",
                 "area":{"latitude":50.8603,"longitude":4.362,"radiusKm":10.0},"criteria":{"underEighteen":true},
                 "requestedBy":"alice","requestedAt":"2026-11-28T10:00:00Z","decidedBy":"dave",
                 "decidedAt":"2026-11-28T10:05:00Z","issuedAt":"2026-11-28T10:05:00Z","expiresAt":"2026-11-28T22:05:00Z",
                 "refusalReasons":[],"notice":{"childFirstName":"Lina","childAge":12,"description":"Red jacket",
                 "lastSeenPlace":"Brussels-North station","lastSeenAt":"2026-11-28T08:30:00Z"}}"""
                .formatted(alertId, UUID.randomUUID()))));
        alertService.stubFor(get("/api/alerts/" + alertId + "/acknowledgements").willReturn(okJson("""
                [{"zoneId":"5344","zoneName":"Polbru","alertedAt":"2026-11-28T10:05:00Z","deadline":"2026-11-28T10:20:00Z",
                  "status":"WAITING","acknowledgedAt":null,"acknowledgedBy":null}]""")));
        alertService.stubFor(post("/api/alerts/" + alertId + "/acknowledgements").willReturn(okJson("{}")));

        notificationService.stubFor(get("/api/alerts/" + alertId + "/replies").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"Replies are for coordinators.\"}")));

        mvc.perform(page("/alerts/" + alertId).with(signedIn("bob", "police")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Polbru"), containsString("id=\"acknowledge-5344\""),
                        not(containsString("id=\"replies\"")))));
        mvc.perform(submit("/alerts/" + alertId + "/acknowledgements").param("zoneId", "5344")
                        .with(signedIn("bob", "police")).with(csrf()))
                .andExpect(redirectedUrl("/alerts/" + alertId))
                .andExpect(flash().attribute("notice", "alert.acknowledged"));
        mvc.perform(submit("/alerts/" + alertId + "/acknowledgements").param("zoneId", "5344")
                        .with(signedIn("alice", "coordinator")).with(csrf()))
                .andExpect(status().isForbidden());

        alertService.verify(1, postRequestedFor(urlEqualTo("/api/alerts/" + alertId + "/acknowledgements"))
                .withRequestBody(equalToJson("{\"zoneId\":\"5344\"}")));
    }

    @Test
    void listsTheActiveAlertsThatReachedTheOfficersZoneWithItsDeadlineAndAnAcknowledgeButton() throws Exception {
        stubAlertsForMyZone("\"5339\"", """
                [{"zoneId":"5339","zoneName":"Zone Polbru","alertedAt":"2026-11-28T10:05:00Z",
                  "deadline":"2026-11-28T10:35:00Z","status":"WAITING","acknowledgedAt":null,"acknowledgedBy":null}]""");

        mvc.perform(page("/active-alerts").with(signedIn("bob", "police")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Alerts that reached your police zone 5339"),
                        containsString("href=\"/alerts/" + alertId + "\""),
                        containsString("Lina, 12 years old<"),
                        containsString("Brussels-North station"),
                        containsString("Targeted, 10 km"),
                        containsString("Nov 28, 2026, 11:05"),
                        containsString("Nov 28, 2026, 11:35"),
                        containsString("Waiting"),
                        containsString("action=\"/active-alerts/" + alertId + "/acknowledgements\""),
                        containsString("<input type=\"hidden\" name=\"zoneId\" value=\"5339\">"),
                        containsString("id=\"acknowledge-" + alertId + "-5339\""),
                        containsString("name=\"_csrf\""))));

        alertService.verify(getRequestedFor(urlPathEqualTo("/api/alerts"))
                .withQueryParam("status", equalTo("ACTIVE"))
                .withQueryParam("zone", equalTo("mine"))
                .withHeader("Authorization", equalTo("Bearer token-of-bob")));
    }

    @Test
    void showsAnOfficerWithoutAZoneEveryZoneAnAlertReachedAndOffersToAcknowledgeOnlyWhatIsWaiting() throws Exception {
        stubAlertsForMyZone("null", """
                [{"zoneId":"5339","zoneName":"Zone Polbru","alertedAt":"2026-11-28T10:05:00Z",
                  "deadline":"2026-11-28T10:35:00Z","status":"ACKNOWLEDGED","acknowledgedAt":"2026-11-28T10:09:00Z",
                  "acknowledgedBy":"dave"},
                 {"zoneId":"5344","zoneName":"Zone Montgomery","alertedAt":"2026-11-28T10:05:00Z",
                  "deadline":"2026-11-28T10:35:00Z","status":"OVERDUE","acknowledgedAt":null,"acknowledgedBy":null}]""");

        mvc.perform(page("/active-alerts").with(signedIn("bob", "police")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Your account names no police zone"),
                        containsString("Zone Polbru: "),
                        containsString("Zone Montgomery: "),
                        containsString("Acknowledged"),
                        containsString("· dave, Nov 28, 2026, 11:09"),
                        containsString("Overdue, escalated"),
                        containsString("id=\"acknowledge-" + alertId + "-5344\""),
                        not(containsString("id=\"acknowledge-" + alertId + "-5339\"")))));
    }

    /**
     * Issue 15, "the approvals and zone pages update live": the open zone page is told nothing changed until an
     * alert reaches the zone, is acknowledged (by anyone, from anywhere) or ends; then it gets its list again.
     */
    @Test
    void theZonePageIsToldNothingChangedUntilAnAlertArrivesIsAcknowledgedOrEnds() throws Exception {
        alertService.stubFor(get(urlPathEqualTo("/api/alerts")).withQueryParam("zone", equalTo("mine"))
                .willReturn(okJson("{\"zoneId\":\"5339\",\"items\":[],\"page\":0,\"size\":50,\"totalItems\":0}")));
        String page = mvc.perform(page("/active-alerts").with(signedIn("dave", "police")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String empty = shownBy(page);
        assertThat(zoneNow(empty)).as("nothing changed").isEmpty();

        String waiting = """
                [{"zoneId":"5339","zoneName":"Zone Polbru","alertedAt":"2026-11-28T10:05:00Z",
                  "deadline":"2026-11-28T10:35:00Z","status":"WAITING","acknowledgedAt":null,"acknowledgedBy":null}]""";
        stubAlertsForMyZone("\"5339\"", waiting);
        String arrived = zoneNow(empty);
        assertThat(arrived).contains("id=\"active-" + alertId + "-5339\"", "Lina, 12 years old<",
                "id=\"acknowledge-" + alertId + "-5339\"", "name=\"_csrf\"", "hx-get=\"/active-alerts/now?shown=")
                .doesNotContain("<html");
        String withAlert = shownBy(arrived);
        assertThat(zoneNow(withAlert)).as("nothing changed").isEmpty();

        stubAlertsForMyZone("\"5339\"", """
                [{"zoneId":"5339","zoneName":"Zone Polbru","alertedAt":"2026-11-28T10:05:00Z",
                  "deadline":"2026-11-28T10:35:00Z","status":"ACKNOWLEDGED","acknowledgedAt":"2026-11-28T10:09:00Z",
                  "acknowledgedBy":"bob"}]""");
        String acknowledged = zoneNow(withAlert);
        assertThat(acknowledged).contains("Acknowledged", "· bob, Nov 28, 2026, 11:09")
                .doesNotContain("id=\"acknowledge-" + alertId + "-5339\"");

        alertService.stubFor(get(urlPathEqualTo("/api/alerts")).withQueryParam("zone", equalTo("mine"))
                .atPriority(1)
                .willReturn(okJson("{\"zoneId\":\"5339\",\"items\":[],\"page\":0,\"size\":50,\"totalItems\":0}")));
        String ended = zoneNow(shownBy(acknowledged));
        assertThat(ended).contains("id=\"active-none\"").doesNotContain("id=\"active-" + alertId);
    }

    @Test
    void theZonePagesUpdatesAreForPoliceOnly() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/active-alerts/now").header("HX-Request", "true")
                        .with(signedIn("alice", "coordinator")))
                .andExpect(status().isForbidden());
        mvc.perform(MockMvcRequestBuilders.get("/active-alerts/now").header("HX-Request", "true")
                        .with(signedIn("carol", "volunteer")))
                .andExpect(status().isForbidden());

        assertThat(alertService.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    /** The fingerprint the page (or its updated part) asks with next time. */
    private static String shownBy(String html) {
        java.util.regex.Matcher shown = java.util.regex.Pattern
                .compile("hx-get=\"/active-alerts/now\\?shown=([^\"]+)\"").matcher(html);
        assertThat(shown.find()).as("the page asks for its updates").isTrue();
        return shown.group(1);
    }

    /** What htmx is answered for the zone page showing {@code shown}: empty for 204. */
    private String zoneNow(String shown) throws Exception {
        var response = mvc.perform(MockMvcRequestBuilders.get("/active-alerts/now").param("shown", shown)
                        .header("HX-Request", "true").with(signedIn("dave", "police")))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isIn(200, 204);
        return response.getStatus() == 204 ? "" : response.getContentAsString();
    }

    @Test
    void saysSoWhenNoAlertReachedTheZone() throws Exception {
        alertService.stubFor(get(urlPathEqualTo("/api/alerts")).withQueryParam("zone", equalTo("mine"))
                .willReturn(okJson("{\"zoneId\":\"5339\",\"items\":[],\"page\":0,\"size\":50,\"totalItems\":0}")));

        mvc.perform(page("/active-alerts").with(signedIn("dave", "police")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"active-none\""),
                        not(containsString("id=\"active-alerts\"")))));
    }

    @Test
    void acknowledgesForTheZoneFromTheListAndComesBackToIt() throws Exception {
        alertService.stubFor(post("/api/alerts/" + alertId + "/acknowledgements").willReturn(okJson("{}")));

        mvc.perform(submit("/active-alerts/" + alertId + "/acknowledgements").param("zoneId", "5339")
                        .with(signedIn("bob", "police")).with(csrf()))
                .andExpect(redirectedUrl("/active-alerts"))
                .andExpect(flash().attribute("notice", "alert.acknowledged"));

        alertService.verify(1, postRequestedFor(urlEqualTo("/api/alerts/" + alertId + "/acknowledgements"))
                .withHeader("Authorization", equalTo("Bearer token-of-bob"))
                .withRequestBody(equalToJson("{\"zoneId\":\"5339\"}")));
    }

    @Test
    void tellsTheOfficerWhyTheServiceRefusedTheAcknowledgement() throws Exception {
        alertService.stubFor(post("/api/alerts/" + alertId + "/acknowledgements").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"You belong to police zone '5339' and may acknowledge only for it, not for '5344'.\"}")));

        mvc.perform(submit("/active-alerts/" + alertId + "/acknowledgements").param("zoneId", "5344")
                        .with(signedIn("bob", "police")).with(csrf()))
                .andExpect(redirectedUrl("/active-alerts"))
                .andExpect(flash().attribute("failure",
                        "You belong to police zone '5339' and may acknowledge only for it, not for '5344'."));
    }

    @Test
    void refusesAnAcknowledgementFromTheListWithoutCsrfTokenOrFromACoordinator() throws Exception {
        mvc.perform(submit("/active-alerts/" + alertId + "/acknowledgements").param("zoneId", "5339")
                        .with(signedIn("bob", "police")))
                .andExpect(status().isForbidden());
        mvc.perform(submit("/active-alerts/" + alertId + "/acknowledgements").param("zoneId", "5339")
                        .with(signedIn("alice", "coordinator")).with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(alertService.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    /** One active alert, as alert-service lists it for the officer's zone, with the zones given. */
    private void stubAlertsForMyZone(String zoneIdJson, String zonesJson) {
        alertService.stubFor(get(urlPathEqualTo("/api/alerts")).withQueryParam("zone", equalTo("mine"))
                .withQueryParam("status", equalTo("ACTIVE"))
                .willReturn(okJson("""
                        {"zoneId":%s,"items":[{"alert":{"id":"%s","caseId":"%s","status":"ACTIVE","level":"TARGETED",
                          "area":{"latitude":50.8603,"longitude":4.362,"radiusKm":10.0},
                          "criteria":{"underEighteen":true,"lifeInDanger":true,"likelyInCountry":true,"enoughInformation":true},
                          "requestedBy":"alice","requestedAt":"2026-11-28T10:00:00Z","issuedAt":"2026-11-28T10:05:00Z",
                          "expiresAt":"2026-11-28T22:05:00Z",
                          "notice":{"childFirstName":"Lina","childAge":12,"description":"Red jacket",
                                    "lastSeenPlace":"Brussels-North station","lastSeenAt":"2026-11-28T08:30:00Z"}},
                          "zones":%s}],
                         "page":0,"size":50,"totalItems":1}""".formatted(zoneIdJson, alertId, UUID.randomUUID(),
                        zonesJson))));
    }

    private static String runningAlert(UUID id, String pendingChange) {
        return """
                {"id":"%s","caseId":"%s","status":"ACTIVE","level":"TARGETED",
                 "area":{"latitude":50.8603,"longitude":4.362,"radiusKm":10.0},
                 "criteria":{"underEighteen":true,"lifeInDanger":true,"likelyInCountry":true,"enoughInformation":true},
                 "requestedBy":"alice","requestedAt":"2026-11-28T10:00:00Z","issuedAt":"2026-11-28T10:05:00Z",
                 "expiresAt":"2026-11-28T22:00:00Z","hasPhoto":false,"pendingChange":%s,
                 "notice":{"childFirstName":"Lina","childAge":12,"description":"Red jacket",
                           "lastSeenPlace":"Brussels-North station","lastSeenAt":"2026-11-28T08:30:00Z"}}"""
                .formatted(id, UUID.randomUUID(), pendingChange);
    }

    private void stubAlerts(String status) {
        alertService.stubFor(get(urlPathEqualTo("/api/alerts")).withQueryParam("status", equalTo(status))
                .willReturn(okJson("""
                        {"items":[{"id":"%s","caseId":"%s","status":"%s","level":"TARGETED",
                          "area":{"latitude":50.8603,"longitude":4.362,"radiusKm":10.0},
                          "criteria":{"underEighteen":true,"lifeInDanger":true,"likelyInCountry":true,"enoughInformation":false},
                          "requestedBy":"alice","requestedAt":"2026-11-28T10:00:00Z","issuedAt":null,
                          "expiresAt":"2026-11-28T22:00:00Z",
                          "notice":{"childFirstName":"Lina","childAge":12,"description":"Red jacket",
                                    "lastSeenPlace":"Brussels-North station","lastSeenAt":"2026-11-28T08:30:00Z"}}],
                         "page":0,"size":50,"totalItems":1}""".formatted(alertId, caseId, status))));
    }

    /** The case behind the waiting alert, as case-service shows it to police it was escalated to. */
    private void stubCase(String photoJson) {
        caseService.stubFor(get("/api/cases/" + caseId).willReturn(okJson("""
                {"id":"%s","child":{"id":"%s","firstName":"Lina","lastName":"Peeters","dateOfBirth":"2014-05-01"},
                 "category":"CRIMINAL_ABDUCTION","status":"ESCALATED",
                 "lastSeen":{"at":"2026-11-28T08:30:00Z","latitude":50.8603,"longitude":4.362,"place":"Brussels-North station"},
                 "description":"Red jacket","photo":%s,"openedAt":"2026-11-28T09:40:00Z","openedBy":"alice","outcome":null,
                 "resolvedAt":null,"resolvedBy":null}""".formatted(caseId, UUID.randomUUID(), photoJson))));
    }

    private static MockHttpServletRequestBuilder page(String path) {
        return MockMvcRequestBuilders.get(path);
    }

    /** A form post as a browser sends it (form-encoded, which the gateway's own form handling reacts to). */
    private static MockHttpServletRequestBuilder submit(String path) {
        return MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED);
    }
}
