package org.childalert.gateway.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
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

/** Coordinators' pages: cases, a new case, the escalation request, the alert with its live deliveries. */
class CoordinatorPagesTests extends ConsoleTestSupport {

    private final UUID caseId = UUID.randomUUID();
    private final UUID alertId = UUID.randomUUID();

    @Test
    void searchesCasesAtTheCaseServiceCalledWithTheSessionsAccessToken() throws Exception {
        caseService.stubFor(get(urlPathEqualTo("/api/cases")).willReturn(okJson("""
                {"items":[{"id":"%s","child":{"id":"%s","firstName":"Lina","lastName":"Peeters","dateOfBirth":"2014-05-01"},
                  "category":"CRIMINAL_ABDUCTION","subtype":null,"status":"OPEN","openedAt":"2026-11-28T09:40:00Z",
                  "lastSeenAt":"2026-11-28T08:30:00Z","lastSeenPlace":"Brussels-North station","coordinator":"alice"}],
                 "page":0,"size":20,"total":1,"totalExact":true}""".formatted(caseId, UUID.randomUUID()))));

        mvc.perform(page("/cases").param("status", "OPEN").param("name", " Lina ").param("place", "B")
                        .param("category", "NOT_A_CATEGORY").with(signedIn("alice", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Lina Peeters"),
                        containsString("Criminal abduction"),
                        containsString("Brussels-North station"),
                        containsString("href=\"/cases/" + caseId + "\""),
                        containsString("<option value=\"OPEN\" selected=\"selected\">Open</option>"),
                        containsString("value=\" Lina \""))));

        caseService.verify(getRequestedFor(urlPathEqualTo("/api/cases"))
                .withQueryParam("status", equalTo("OPEN"))
                .withQueryParam("name", equalTo("Lina"))
                .withoutQueryParam("place")
                .withoutQueryParam("category")
                .withHeader("Authorization", equalTo("Bearer token-of-alice")));
    }

    @Test
    void showsTheChildsPhotoThroughTheConsole() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        caseService.stubFor(get("/api/cases/" + caseId + "/photo").willReturn(aResponse()
                .withHeader("Content-Type", "image/png").withBody(png)));

        mvc.perform(page("/cases/" + caseId + "/photo").with(signedIn("alice", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andExpect(content().bytes(png));

        caseService.verify(getRequestedFor(urlEqualTo("/api/cases/" + caseId + "/photo"))
                .withHeader("Authorization", equalTo("Bearer token-of-alice")));
    }

    @Test
    void turnsAwayOtherRolesFromTheCoordinatorsPages() throws Exception {
        mvc.perform(page("/cases")
                        .with(signedIn("bob", "police")))
                .andExpect(status().isForbidden());
        mvc.perform(page("/cases/new")
                        .with(signedIn("carol", "volunteer")))
                .andExpect(status().isForbidden());

        assertThat(caseService.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void opensACaseWithTheTypedLastSeenTimeReadInBrusselsAndShowsIt() throws Exception {
        caseService.stubFor(post("/api/cases").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(caseJson("OPEN"))));

        mvc.perform(newCaseWith(Map.of("lastSeen.latitude", "50,8603")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/cases/" + caseId));

        caseService.verify(postRequestedFor(urlEqualTo("/api/cases"))
                .withHeader("Authorization", equalTo("Bearer token-of-alice"))
                .withRequestBody(equalToJson("""
                        {"child":{"firstName":"Lina","lastName":"Peeters","dateOfBirth":"2014-05-01"},
                         "category":"CRIMINAL_ABDUCTION",
                         "lastSeen":{"at":"2026-11-28T08:30:00Z","latitude":50.8603,"longitude":4.362,
                                     "place":"Brussels-North station"},
                         "description":"Red jacket"}""")));
    }

    @Test
    void showsTheServicesReasonNextToTheFieldItRefusedInWordsAndTiedToTheField() throws Exception {
        caseService.stubFor(post("/api/cases").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(problem(400, "child.firstName must not be blank", "child.firstName", "must not be blank"))));

        mvc.perform(newCaseWith(Map.of("child.firstName", " ")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("Please correct the fields marked below."),
                        containsString("id=\"error-child-firstName\""),
                        containsString("aria-describedby=\"error-child-firstName\""),
                        containsString("Please fill this in."),
                        not(containsString("must not be blank")),
                        containsString("value=\"Peeters\""))));
    }

    @Test
    void opensAParentalAbductionCaseWithTheSubtypeAndDestinationTheCaseServiceRequires() throws Exception {
        caseService.stubFor(post("/api/cases").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(caseJson("OPEN"))));

        mvc.perform(newCaseWith(Map.of("category", "PARENTAL_ABDUCTION", "subtype", "ACTUAL_ABDUCTION",
                        "destinationCountry", " ma ", "receptionCentre", "Not for this category")).with(csrf()))
                .andExpect(redirectedUrl("/cases/" + caseId));

        caseService.verify(postRequestedFor(urlEqualTo("/api/cases"))
                .withRequestBody(equalToJson("""
                        {"child":{"firstName":"Lina","lastName":"Peeters","dateOfBirth":"2014-05-01"},
                         "category":"PARENTAL_ABDUCTION","subtype":"ACTUAL_ABDUCTION","destinationCountry":"MA",
                         "lastSeen":{"at":"2026-11-28T08:30:00Z","latitude":50.8603,"longitude":4.362,
                                     "place":"Brussels-North station"},
                         "description":"Red jacket"}""")));
    }

    @Test
    void offersTheFieldsAParentalAbductionNeedsOnTheNewCaseForm() throws Exception {
        mvc.perform(page("/cases/new").with(signedIn("alice", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<select id=\"subtype\" name=\"subtype\""),
                        containsString("<option value=\"ACTUAL_ABDUCTION\">Actual abduction</option>"),
                        containsString("name=\"destinationCountry\""))));
    }

    @Test
    void marksTheCaseServicesSubtypeRefusalOnTheSubtypeField() throws Exception {
        caseService.stubFor(post("/api/cases").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(problem(400, "subtype is required for a parental abduction", "subtype",
                        "is required for a parental abduction: PREVENTIVE_ADVICE or ACTUAL_ABDUCTION"))));

        mvc.perform(newCaseWith(Map.of("category", "PARENTAL_ABDUCTION")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("Please correct the fields marked below."),
                        containsString("id=\"error-subtype\""),
                        containsString("is required for a parental abduction: PREVENTIVE_ADVICE or ACTUAL_ABDUCTION"),
                        containsString("<option value=\"PARENTAL_ABDUCTION\" selected=\"selected\">"))));
    }

    @Test
    void explainsInWordsAboveTheFormARefusalOfAFieldTheFormDoesNotShow() throws Exception {
        caseService.stubFor(post("/api/cases").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(problem(400, "The request has invalid fields.", "coordinator",
                        "size must be between 0 and 100"))));

        mvc.perform(newCaseWith(Map.of()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("This was not accepted:"),
                        containsString("<li>coordinator size must be between 0 and 100</li>"),
                        not(containsString("Please correct the fields marked below.")))));
    }

    @Test
    void refusesALatitudeThatIsNotANumberWithoutCallingTheService() throws Exception {
        mvc.perform(newCaseWith(Map.of("lastSeen.latitude", "north")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"error-lastSeen-latitude\""),
                        containsString("Please enter a number, such as 10 or 2.5."))));

        assertThat(caseService.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void refusesANewCaseWithoutCsrfToken() throws Exception {
        mvc.perform(newCase())
                .andExpect(status().isForbidden());

        assertThat(caseService.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void showsACaseWithItsTimelineAndAWayToRequestAnAlert() throws Exception {
        stubCase("OPEN");

        mvc.perform(page("/cases/" + caseId)
                        .with(signedIn("alice", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Lina Peeters"),
                        containsString("Case opened"),
                        // case-service's own English sentence stays out: the label says it in the user's language
                        not(containsString("Opened by alice")),
                        containsString("href=\"/cases/" + caseId + "/escalation\""),
                        containsString("<svg"))));
    }

    @Test
    void showsARefusalByTheEscalationPolicyAsSuchAndAnOfficersRejectionWithTheOfficer() throws Exception {
        UUID refusedByPolicy = UUID.randomUUID();
        UUID rejectedByBob = UUID.randomUUID();
        stubCase("OPEN");
        caseService.stubFor(get("/api/cases/" + caseId + "/timeline").willReturn(okJson("""
                [{"at":"2026-11-28T09:40:00Z","kind":"CASE_OPENED","summary":"Opened by alice","author":"alice"},
                 {"at":"2026-11-28T09:50:00Z","kind":"ALERT_REJECTED","summary":"Escalation rejected: not all criteria met",
                  "author":"escalation-policy"},
                 {"at":"2026-11-28T10:10:00Z","kind":"ALERT_REJECTED","summary":"Escalation rejected: seen with her mother",
                  "author":"bob"}]""")));
        caseService.stubFor(get("/api/cases/" + caseId + "/escalations").willReturn(okJson("""
                [{"alertId":"%s","caseId":"%s","level":"NATIONAL","radiusKm":50.0,"status":"REJECTED",
                  "requestedAt":"2026-11-28T09:50:00Z","requestedBy":"alice"},
                 {"alertId":"%s","caseId":"%s","level":"TARGETED","radiusKm":10.0,"status":"REJECTED",
                  "requestedAt":"2026-11-28T10:00:00Z","requestedBy":"alice"}]"""
                .formatted(refusedByPolicy, caseId, rejectedByBob, caseId))));
        alertService.stubFor(get("/api/alerts/" + refusedByPolicy).willReturn(okJson("""
                {"id":"%s","caseId":"%s","status":"REFUSED","level":"NATIONAL","decidedBy":"escalation-policy"}"""
                .formatted(refusedByPolicy, caseId))));
        alertService.stubFor(get("/api/alerts/" + rejectedByBob).willReturn(okJson("""
                {"id":"%s","caseId":"%s","status":"REJECTED","level":"TARGETED","decidedBy":"bob"}"""
                .formatted(rejectedByBob, caseId))));

        String page = mvc.perform(page("/cases/" + caseId).with(signedIn("alice", "coordinator")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains(
                "<span data-status=\"REFUSED\">Refused automatically by the escalation policy</span>",
                "<span data-status=\"REJECTED\">Rejected by police (bob)</span>",
                "<strong>Alert refused automatically by the escalation policy</strong>",
                "— the escalation policy (automatic, no officer involved)",
                "<strong>Alert rejected</strong>", "— bob",
                "<span class=\"entry-text\">seen with her mother</span>")
                .doesNotContain("— escalation-policy", "not all criteria met");
    }

    @Test
    void namesTheEscalationPolicyAsTheDeciderOfAnAlertItRefused() throws Exception {
        alertService.stubFor(get("/api/alerts/" + alertId).willReturn(okJson("""
                {"id":"%s","caseId":"%s","status":"REFUSED","level":"NATIONAL",
                 "area":{"latitude":50.8603,"longitude":4.362,"radiusKm":50.0},
                 "requestedBy":"alice","requestedAt":"2026-11-28T10:00:00Z","decidedBy":"escalation-policy",
                 "decidedAt":"2026-11-28T10:00:01Z","refusalReasons":["A national alert needs every criterion met."],
                 "notice":{"childFirstName":"Lina","childAge":12,"description":"Red jacket",
                           "lastSeenPlace":"Brussels-North station","lastSeenAt":"2026-11-28T08:30:00Z"}}"""
                .formatted(alertId, caseId))));

        mvc.perform(page("/alerts/" + alertId).with(signedIn("alice", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Refused automatically by the escalation policy"),
                        containsString("the escalation policy (automatic, no officer involved)"),
                        not(containsString("Rejected by police")),
                        not(containsString("· escalation-policy")))));
    }

    @Test
    void showsAReadablePageWhenTheCaseDoesNotExist() throws Exception {
        caseService.stubFor(get("/api/cases/" + caseId).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Not found\",\"status\":404,\"detail\":\"Case " + caseId + " does not exist.\"}")));

        mvc.perform(page("/cases/" + caseId)
                        .with(signedIn("alice", "coordinator")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("<h1>Not found</h1>"),
                        containsString("There is no such case: the link may be wrong, or the case was removed."),
                        // the header of every page: menu, sign-out, the language switch back to this page (finding 10)
                        containsString("id=\"sign-out\""),
                        containsString("id=\"nav-cases\""),
                        containsString("href=\"/cases/" + caseId + "?lang=de\""),
                        not(containsString(caseId + " does not exist")))));

        // never case-service's English sentence on a page in another language (issue 15 review, finding 7)
        mvc.perform(page("/cases/" + caseId).param("lang", "nl")
                        .with(signedIn("alice", "coordinator")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("<h1>Niet gevonden</h1>"),
                        containsString("Dit dossier bestaat niet"),
                        not(containsString("does not exist")))));
    }

    @Test
    void saysInTheUsersLanguageThatAnAlertDoesNotExistOrThatTheServiceRefused() throws Exception {
        alertService.stubFor(get("/api/alerts/" + alertId).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Not found\",\"status\":404,\"detail\":\"Alert " + alertId + " was not found.\"}")));

        mvc.perform(page("/alerts/" + alertId).param("lang", "fr").with(signedIn("alice", "coordinator")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("Cette alerte n’existe pas"),
                        not(containsString("was not found")))));
    }

    @Test
    void requestsAnEscalationWithTheChecklistAndComesBackToTheCase() throws Exception {
        stubCase("OPEN");
        caseService.stubFor(post("/api/cases/" + caseId + "/escalations").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"alertId":"%s","caseId":"%s","level":"TARGETED","radiusKm":15.0,"status":"PENDING_APPROVAL",
                         "requestedAt":"2026-11-28T10:00:00Z","requestedBy":"alice"}""".formatted(alertId, caseId))));

        mvc.perform(submit("/cases/" + caseId + "/escalation").with(signedIn("alice", "coordinator")).with(csrf())
                        .param("level", "TARGETED").param("radiusKm", "15")
                        .param("criteria.underEighteen", "true").param("criteria.lifeInDanger", "true"))
                .andExpect(redirectedUrl("/cases/" + caseId))
                .andExpect(flash().attribute("notice", "escalation.requested"));

        caseService.verify(postRequestedFor(urlEqualTo("/api/cases/" + caseId + "/escalations"))
                .withRequestBody(equalToJson("""
                        {"level":"TARGETED","radiusKm":15.0,"criteria":{"underEighteen":true,"lifeInDanger":true,
                         "likelyInCountry":false,"enoughInformation":false}}""")));
    }

    @Test
    void showsTheEscalationFormWithAFieldsetPerQuestionAndTheAreaMap() throws Exception {
        stubCase("OPEN");

        mvc.perform(page("/cases/" + caseId + "/escalation")
                        .with(signedIn("alice", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<legend>Criteria checklist</legend>"),
                        containsString("<label for=\"criteria-lifeInDanger\">"),
                        containsString("aria-label=\"Map of the area around Brussels-North station, radius 10 km\""),
                        containsString("name=\"_csrf\""))));
    }

    @Test
    void showsTheReachPerChannelAndLanguageAndEveryLanguagesMessagesBeforePoliceAreAsked() throws Exception {
        stubCase("OPEN");
        notificationService.stubFor(post("/api/reach-estimates").willReturn(okJson(ReachJson.estimate())));

        String page = mvc.perform(page("/cases/" + caseId + "/escalation").with(signedIn("alice", "coordinator")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains(
                "<p id=\"reach-total\">This alert would send 15 messages.</p>",
                "<th scope=\"row\">Police, SMS</th>",
                // on a phone each row is a card, each count under its language (issue 15 review, finding 4)
                "class=\"stacked reach-table\"",
                "<td data-language=\"fr\" data-label=\"Français\">3</td>",
                "<td data-language=\"nl\" data-label=\"Nederlands\">7</td>",
                "<p class=\"message\" lang=\"nl\" id=\"reach-sms-nl\">VERMIST: Lina, 12 jaar.",
                "<p class=\"hint\" id=\"reach-segments-nl\">SMS: 2 segments (GSM-7), 190 characters</p>",
                "<p class=\"hint\" id=\"reach-segments-fr\">SMS: 1 segment (GSM-7), 84 characters</p>",
                "<p class=\"hint\" id=\"reach-segments-en\">SMS: 3 segments (UCS-2), 150 characters</p>",
                "<span lang=\"de\" id=\"reach-subject-de\">Vermisstes Kind: Lina, 12 Jahre</span>",
                "<p class=\"message\" lang=\"en\" id=\"reach-email-en\">Lina, 12, is missing.</p>",
                "hx-post=\"/cases/" + caseId + "/escalation/reach\"");
        // the alert the form would ask for, as case-service would issue it: the child's age today, the case's facts
        int age = java.time.Period.between(java.time.LocalDate.parse("2014-05-01"),
                java.time.LocalDate.now(java.time.ZoneOffset.UTC)).getYears();
        notificationService.verify(postRequestedFor(urlEqualTo("/api/reach-estimates"))
                .withHeader("Authorization", equalTo("Bearer token-of-alice"))
                .withRequestBody(equalToJson("""
                        {"area":{"latitude":50.8603,"longitude":4.362,"radiusKm":10.0},"level":"TARGETED",
                         "notice":{"childFirstName":"Lina","childAge":%d,"description":"Red jacket",
                                   "lastSeenPlace":"Brussels-North station","lastSeenAt":"2026-11-28T08:30:00Z"}}"""
                        .formatted(age))));
    }

    @Test
    void estimatesAgainForTheLevelAndRadiusAsTypedWithoutAskingPolice() throws Exception {
        stubCase("OPEN");
        notificationService.stubFor(post("/api/reach-estimates").willReturn(okJson(ReachJson.estimate())));

        mvc.perform(submit("/cases/" + caseId + "/escalation/reach").header("HX-Request", "true")
                        .with(signedIn("alice", "coordinator")).with(csrf())
                        .param("level", "PUBLIC").param("radiusKm", "25,5"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<section class=\"reach\" id=\"reach\""),
                        containsString("This alert would send 15 messages."),
                        not(containsString("<html")))));
        // without script, the same button shows the whole form again with the estimate
        mvc.perform(submit("/cases/" + caseId + "/escalation/reach")
                        .with(signedIn("alice", "coordinator")).with(csrf())
                        .param("level", "PUBLIC").param("radiusKm", "25,5"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"escalation-form\""),
                        containsString("value=\"25,5\""),
                        containsString("This alert would send 15 messages."))));

        notificationService.verify(2, postRequestedFor(urlEqualTo("/api/reach-estimates"))
                .withRequestBody(matchingJsonPath("$.area[?(@.radiusKm == 25.5)]"))
                .withRequestBody(matchingJsonPath("$[?(@.level == 'PUBLIC')]")));
        assertThat(caseService.findAll(postRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void saysInTheUsersLanguageWhyThereIsNoEstimateAndStillOffersTheRequest() throws Exception {
        stubCase("OPEN");
        notificationService.stubFor(post("/api/reach-estimates").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"title":"Invalid request","status":400,"detail":"area.radiusKm must be at most 500 km",
                         "errors":[{"field":"area.radiusKm","message":"must be at most 500 km"}]}""")));

        mvc.perform(submit("/cases/" + caseId + "/escalation/reach").header("HX-Request", "true")
                        .header("Accept-Language", "nl").with(signedIn("alice", "coordinator")).with(csrf())
                        .param("level", "TARGETED").param("radiusKm", "600"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Het bereik en de berichten kunnen nu niet worden getoond."),
                        containsString("<li>Een schatting dekt ten hoogste 500 km rond de plaats.</li>"))));

        // a notification-service without the estimate: its developer's words stay out of the page
        notificationService.stubFor(post("/api/reach-estimates").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"title":"Not Found","status":404,"detail":"No static resource api/reach-estimates."}""")));
        mvc.perform(page("/cases/" + caseId + "/escalation").with(signedIn("alice", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"reach-failed\""),
                        not(containsString("No static resource")),
                        containsString("id=\"submit-escalation\""))));
        notificationService.stubFor(post("/api/reach-estimates").willReturn(aResponse().withStatus(503)));
        mvc.perform(page("/cases/" + caseId + "/escalation").with(signedIn("alice", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"reach-failed\"")));
    }

    @Test
    void theReachEstimateIsForCoordinatorsAndNeedsTheCsrfToken() throws Exception {
        mvc.perform(submit("/cases/" + caseId + "/escalation/reach").with(signedIn("bob", "police")).with(csrf())
                        .param("level", "TARGETED").param("radiusKm", "10"))
                .andExpect(status().isForbidden());
        mvc.perform(submit("/cases/" + caseId + "/escalation/reach").with(signedIn("alice", "coordinator"))
                        .param("level", "TARGETED").param("radiusKm", "10"))
                .andExpect(status().isForbidden());

        assertThat(notificationService.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void showsTheAlertWithItsDeliveryProgressAndRepliesThatUpdateThemselves() throws Exception {
        stubAlert("ACTIVE");
        notificationService.stubFor(get("/api/alerts/" + alertId + "/report").willReturn(okJson("""
                {"alertId":"%s","generatedAt":"2026-11-28T10:08:00Z","total":4,
                 "byState":{"PENDING":1,"SENDING":0,"ACCEPTED":1,"DELIVERED":2,"UNDELIVERED":0,"FAILED":0},
                 "byChannel":{"SMS":{"PENDING":0,"SENDING":0,"ACCEPTED":1,"DELIVERED":1,"UNDELIVERED":0,"FAILED":0},
                              "EMAIL":{"PENDING":1,"SENDING":0,"ACCEPTED":0,"DELIVERED":1,"UNDELIVERED":0,"FAILED":0}},
                 "byNotice":{"ISSUED":{"PENDING":1,"SENDING":0,"ACCEPTED":1,"DELIVERED":2,"UNDELIVERED":0,"FAILED":0}},
                 "timeline":[{"minute":"2026-11-28T10:05:00Z","handedOver":3,"delivered":2,"failed":0}]}"""
                .formatted(alertId))));
        notificationService.stubFor(get(urlPathEqualTo("/api/alerts/" + alertId + "/deliveries")).willReturn(okJson("""
                {"alertId":"%s","counts":{"total":4,"byState":{"PENDING":1,"ACCEPTED":1,"DELIVERED":2,"FAILED":0},
                 "byChannel":{"SMS":2,"EMAIL":2}},
                 "deliveries":[{"id":"%s","recipientKind":"VOLUNTEER","recipientId":"%s","channel":"SMS","notice":"ISSUED",
                  "state":"DELIVERED","address":"+32 470 ** ** 56","attempts":1,"errorCode":null,
                  "updatedAt":"2026-11-28T10:01:00Z"}],"page":0,"size":100}""".formatted(alertId, UUID.randomUUID(),
                UUID.randomUUID()))));
        notificationService.stubFor(get("/api/alerts/" + alertId + "/replies").willReturn(okJson("""
                {"alertId":"%s","replies":[
                  {"id":"%s","receivedAt":"2026-11-28T10:07:00Z","kind":"SIGHTING","text":"Saw her at the tram stop",
                   "recipientKind":"VOLUNTEER","recipientName":"An","phone":"+32470000102"},
                  {"id":"%s","receivedAt":"2026-11-28T10:06:00Z","kind":"ACK","text":"OK",
                   "recipientKind":"POLICE","recipientName":"Dispatch Brussels North","phone":"+32470000101"}]}"""
                .formatted(alertId, UUID.randomUUID(), UUID.randomUUID()))));

        mvc.perform(page("/alerts/" + alertId)
                        .with(signedIn("alice", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Alert for Lina"),
                        containsString("hx-ext=\"sse\" sse-connect=\"/alerts/" + alertId + "/live\""),
                        containsString("<div id=\"progress-summary\" sse-swap=\"summary\" aria-live=\"polite\">"),
                        containsString("3 of 4 messages accepted by the provider (75%)"),
                        containsString("<tr data-channel=\"EMAIL\">"),
                        containsString("<time datetime=\"2026-11-28T10:05:00Z\">11:05"),
                        containsString("+32 470 ** ** 56"),
                        containsString("2 replies, the newest first."),
                        containsString("Sighting"),
                        containsString("Saw her at the tram stop"),
                        containsString("href=\"tel:+32470000102\""),
                        containsString("Acknowledged (police)"),
                        containsString("/webjars/htmx-ext-sse/"),
                        containsString("id=\"cancel-form\""),
                        not(containsString("hx-trigger")))));
    }

    @Test
    void saysPerChannelWhatTheProviderAcceptedAndWhatWasDeliveredAndNeverCallsAcceptedReached() throws Exception {
        stubAlert("ACTIVE");
        notificationService.stubFor(get("/api/alerts/" + alertId + "/report").willReturn(okJson("""
                {"alertId":"%s","generatedAt":"2026-11-28T10:08:00Z","total":8,
                 "byState":{"PENDING":0,"SENDING":0,"ACCEPTED":4,"DELIVERED":2,"UNDELIVERED":1,"FAILED":1},
                 "byChannel":{"SMS":{"PENDING":0,"SENDING":0,"ACCEPTED":1,"DELIVERED":2,"UNDELIVERED":1,"FAILED":0},
                              "EMAIL":{"PENDING":0,"SENDING":0,"ACCEPTED":3,"DELIVERED":0,"UNDELIVERED":0,"FAILED":1}},
                 "byNotice":{},"timeline":[]}""".formatted(alertId))));
        notificationService.stubFor(get(urlPathEqualTo("/api/alerts/" + alertId + "/deliveries")).willReturn(okJson("""
                {"alertId":"%s","counts":{"total":8,"byState":{},"byChannel":{}},
                 "deliveries":[{"id":"%s","recipientKind":"VOLUNTEER","channel":"EMAIL","notice":"ISSUED",
                  "state":"ACCEPTED","address":"a***@example.org","attempts":1,"errorCode":null,
                  "updatedAt":"2026-11-28T10:01:00Z"}]}""".formatted(alertId, UUID.randomUUID()))));
        notificationService.stubFor(get("/api/alerts/" + alertId + "/replies").willReturn(okJson("""
                {"alertId":"%s","replies":[]}""".formatted(alertId))));

        mvc.perform(page("/alerts/" + alertId).with(signedIn("alice", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("7 of 8 messages accepted by the provider (88%)"),
                        containsString("<li id=\"deliveries-SMS\" data-channel=\"SMS\">"),
                        containsString("<strong>Text messages</strong>"),
                        containsString("4 of 4 accepted by the provider</span>"),
                        containsString("2 delivered"),
                        containsString("1 not delivered"),
                        containsString("0 failed"),
                        containsString("<strong>Emails</strong>"),
                        containsString("3 of 4 accepted by the provider (no delivery receipt)"),
                        containsString("1 failed"),
                        containsString(">Accepted by the provider (no delivery receipt)</td>"),
                        not(containsString("reached (")))));
    }

    /**
     * Issue 15 review, finding 2: 145 messages listed in full made the page 9,000 to 25,000 pixels tall, with the
     * replies, the police zones and "End the alert" below all of them.
     */
    @Test
    void listsTheTwentyNewestMessagesAfterTheRepliesZonesAndActionsWithALinkToAllOfThem() throws Exception {
        stubAlert("ACTIVE");
        alertService.stubFor(get("/api/alerts/" + alertId + "/acknowledgements").willReturn(okJson("""
                [{"zoneId":"5344","zoneName":"Polbru","alertedAt":"2026-11-28T10:05:00Z","deadline":"2026-11-28T10:20:00Z",
                  "status":"WAITING","acknowledgedAt":null,"acknowledgedBy":null}]""")));
        notificationService.stubFor(get("/api/alerts/" + alertId + "/report").willReturn(okJson("""
                {"alertId":"%s","generatedAt":"2026-11-28T10:08:00Z","total":145,"byState":{"DELIVERED":145},
                 "byChannel":{"SMS":{"DELIVERED":145}},"byNotice":{"ISSUED":{"DELIVERED":145}},"timeline":[]}"""
                .formatted(alertId))));
        stubMessages(145, 0, 20);
        stubMessages(145, 6, 20);
        stubMessages(145, 7, 20);
        notificationService.stubFor(get("/api/alerts/" + alertId + "/replies").willReturn(okJson("""
                {"alertId":"%s","replies":[]}""".formatted(alertId))));

        String html = mvc.perform(page("/alerts/" + alertId).with(signedIn("alice", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("The 20 most recent of 145 messages, the newest first."),
                        containsString("href=\"/alerts/" + alertId + "/messages\""),
                        containsString("All 145 messages, page by page"),
                        containsString("<a href=\"#cancel\">End the alert</a>"),
                        containsString("<a href=\"#zones\">Police zones</a>"),
                        not(containsString(address(124))),
                        not(containsString(address(0))))))
                .andReturn().getResponse().getContentAsString();

        assertThat(html.indexOf(address(144))).isPositive().isLessThan(html.indexOf(address(125)));
        // on a phone the counts and the zones are cards, each figure under its name (findings 3 and 5)
        assertThat(html).contains("<table id=\"counts-by-channel\" class=\"counts-table stacked\">",
                "<table id=\"counts-by-notice\" class=\"counts-table stacked\">", "<td data-label=\"Delivered\">145</td>",
                "<table id=\"zone-list\" class=\"stacked\">", "<td data-label=\"Acknowledge by\">");
        int list = html.indexOf("id=\"delivery-list\"");
        assertThat(List.of("id=\"replies\"", "id=\"zone-list\"", "id=\"cancel-form\"", "id=\"description-form\""))
                .allSatisfy(section -> assertThat(html.indexOf(section)).isPositive().isLessThan(list));
    }

    @Test
    void listsAllOfAnAlertsMessagesPageByPageInTheOrderTheyWereSentWithoutScript() throws Exception {
        stubAlert("ACTIVE");
        stubMessages(145, 1, 50);

        mvc.perform(page("/alerts/" + alertId + "/messages").param("page", "1").with(signedIn("alice", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Messages of the alert for Lina"),
                        containsString("Messages 51–100 of 145, in the order they were sent"),
                        containsString(address(50)),
                        containsString(address(99)),
                        containsString("href=\"/alerts/" + alertId + "/messages?page=0\""),
                        containsString("href=\"/alerts/" + alertId + "/messages?page=2\""),
                        containsString("href=\"/alerts/" + alertId + "\""),
                        not(containsString("sse-connect")))));

        stubMessages(145, 2, 50);
        mvc.perform(page("/alerts/" + alertId + "/messages").param("page", "2").with(signedIn("bob", "police")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Messages 101–145 of 145, in the order they were sent"),
                        not(containsString("messages?page=3")))));
    }

    /** notification-service's page of an alert's messages, in the order they were sent (message n: address(n)). */
    private void stubMessages(int total, int page, int size) {
        List<String> lines = new java.util.ArrayList<>();
        for (int n = page * size; n < Math.min(total, (page + 1) * size); n++) {
            lines.add("""
                    {"id":"%s","recipientKind":"VOLUNTEER","channel":"SMS","notice":"ISSUED","state":"DELIVERED",
                     "address":"%s","attempts":1,"errorCode":null,"updatedAt":"2026-11-28T10:01:00Z"}"""
                    .formatted(UUID.randomUUID(), address(n)));
        }
        notificationService.stubFor(get(urlPathEqualTo("/api/alerts/" + alertId + "/deliveries"))
                .withQueryParam("page", equalTo(String.valueOf(page))).withQueryParam("size", equalTo(String.valueOf(size)))
                .willReturn(okJson("""
                        {"alertId":"%s","counts":{"total":%d,"byState":{"DELIVERED":%d},"byChannel":{"SMS":%d}},
                         "deliveries":[%s],"page":%d,"size":%d}""".formatted(alertId, total, total, total,
                        String.join(",", lines), page, size))));
    }

    private static String address(int n) {
        return "+32 470 ** %04d".formatted(n);
    }

    @Test
    void showsThatAChangeWaitsForASecondPoliceOfficerAndOffersNoOtherMeanwhile() throws Exception {
        stubAlert("ACTIVE", """
                {"kind":"UPDATE","requestedBy":"alice","requestedAt":"2026-11-28T10:30:00Z",
                 "description":"Red jacket, blue cap","newPhoto":true,"radiusKm":null}""");

        mvc.perform(page("/alerts/" + alertId).with(signedIn("alice", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"pending-change\""),
                        containsString("New information, asked for by alice on Nov 28, 2026"), containsString("waiting for a second police officer."),
                        containsString("Red jacket, blue cap"),
                        containsString("href=\"/alerts/" + alertId + "/change-photo\""),
                        not(containsString("id=\"description-form\"")))));
    }

    @Test
    void offersARunningAlertsCoordinatorANewDescriptionAndAPhotoUpload() throws Exception {
        stubAlert("ACTIVE");

        mvc.perform(page("/alerts/" + alertId).with(signedIn("alice", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<form id=\"description-form\" method=\"post\" action=\"/alerts/" + alertId + "/updates\">"),
                        containsString("enctype=\"multipart/form-data\" action=\"/alerts/" + alertId + "/photo\""),
                        containsString("accept=\"image/jpeg,image/png,image/webp\""),
                        not(containsString("id=\"pending-change\"")))));
    }

    @Test
    void asksForApprovalOfANewDescriptionAndSaysItWaitsForASecondOfficer() throws Exception {
        alertService.stubFor(post("/api/alerts/" + alertId + "/updates").willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{}")));

        mvc.perform(submit("/alerts/" + alertId + "/updates").param("description", "  Red jacket, blue cap ")
                        .with(signedIn("alice", "coordinator")).with(csrf()))
                .andExpect(redirectedUrl("/alerts/" + alertId))
                .andExpect(flash().attribute("notice", "alert.change.requested"));

        alertService.verify(postRequestedFor(urlEqualTo("/api/alerts/" + alertId + "/updates"))
                .withHeader("Authorization", equalTo("Bearer token-of-alice"))
                .withRequestBody(equalToJson("{\"description\":\"Red jacket, blue cap\"}")));
    }

    @Test
    void showsTheServicesReasonOnTheDescriptionField() throws Exception {
        stubAlert("ACTIVE");
        alertService.stubFor(post("/api/alerts/" + alertId + "/updates").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(problem(400, "description is required", "description",
                        "is required: an update must bring new information"))));

        mvc.perform(submit("/alerts/" + alertId + "/updates").param("description", "")
                        .with(signedIn("alice", "coordinator")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"error-description\""),
                        containsString("Please fill this in."))));
    }

    @Test
    void uploadsTheChosenPhotoToTheAlertServiceAsTheRawImageWithItsMediaType() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
        alertService.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put("/api/alerts/" + alertId + "/photo")
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json").withBody("{}")));

        mvc.perform(MockMvcRequestBuilders.multipart("/alerts/" + alertId + "/photo")
                        .file(new org.springframework.mock.web.MockMultipartFile("photo", "lina.png", "image/png", png))
                        .with(signedIn("alice", "coordinator")).with(csrf()))
                .andExpect(redirectedUrl("/alerts/" + alertId))
                .andExpect(flash().attribute("notice", "alert.change.requested"));

        alertService.verify(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                        urlEqualTo("/api/alerts/" + alertId + "/photo"))
                .withHeader("Content-Type", equalTo("image/png"))
                .withHeader("Authorization", equalTo("Bearer token-of-alice"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo(png)));
    }

    @Test
    void showsTheServicesRefusalOfAnUploadOnThePhotoFieldWithItsStatus() throws Exception {
        stubAlert("ACTIVE");
        alertService.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put("/api/alerts/" + alertId + "/photo")
                .willReturn(aResponse().withStatus(415).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Unsupported Media Type\",\"status\":415,"
                                + "\"detail\":\"Content-Type 'image/gif' is not supported: use image/jpeg, image/png or image/webp.\"}")));

        mvc.perform(MockMvcRequestBuilders.multipart("/alerts/" + alertId + "/photo")
                        .file(new org.springframework.mock.web.MockMultipartFile("photo", "lina.gif", "image/gif",
                                new byte[] {'G', 'I', 'F', '8', '9', 'a'}))
                        .with(signedIn("alice", "coordinator")).with(csrf()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().string(allOf(
                        containsString("id=\"error-photo\""),
                        containsString("Content-Type &#39;image/gif&#39; is not supported: use image/jpeg, image/png or image/webp."))));
    }

    @Test
    void showsTheWaitingPhotoOnlyAsTheImageItIs() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0};
        alertService.stubFor(get("/api/alerts/" + alertId + "/changes/photo").willReturn(aResponse()
                .withHeader("Content-Type", "image/jpeg").withBody(jpeg)));

        mvc.perform(page("/alerts/" + alertId + "/change-photo").with(signedIn("dave", "police")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"))
                .andExpect(content().bytes(jpeg))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Cache-Control", containsString("no-store")));
    }

    @Test
    void servesHtmxsServerSentEventsExtensionFromTheJar() throws Exception {
        mvc.perform(page("/webjars/htmx-ext-sse/sse.js"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("sse-swap")));
    }

    @Test
    void saysNoMessagesYetWhileTheNotificationServiceDoesNotKnowTheAlert() throws Exception {
        notificationService.stubFor(get(urlPathEqualTo("/api/alerts/" + alertId + "/deliveries")).willReturn(notFound()));

        mvc.perform(page("/alerts/" + alertId + "/deliveries")
                        .with(signedIn("alice", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"delivery-progress\""),
                        containsString("No messages yet"),
                        not(containsString("<html")))));
        notificationService.verify(getRequestedFor(urlEqualTo("/api/alerts/" + alertId + "/report"))
                .withHeader("Authorization", equalTo("Bearer token-of-alice")));
    }

    @Test
    void asksForConfirmationBeforeEndingTheAlertAndEndsNothingYet() throws Exception {
        stubAlert("ACTIVE");

        mvc.perform(submit("/alerts/" + alertId + "/cancellation").param("reason", "FOUND_SAFE")
                        .with(signedIn("alice", "coordinator")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("End this alert?"),
                        containsString("The alert for Lina ends (Child found safe) and everyone who received it is told at once."),
                        containsString("<input type=\"hidden\" name=\"reason\" value=\"FOUND_SAFE\">"),
                        containsString("<input type=\"hidden\" name=\"confirmed\" value=\"true\">"),
                        containsString("href=\"/alerts/" + alertId + "\""))));

        assertThat(alertService.findAll(postRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void asksForConfirmationBeforeClosingTheCaseAndClosesItOnlyOnceConfirmed() throws Exception {
        stubCase("ALERT_ACTIVE");
        caseService.stubFor(post("/api/cases/" + caseId + "/resolution").willReturn(okJson(caseJson("RESOLVED"))));

        mvc.perform(submit("/cases/" + caseId + "/resolution").param("outcome", "FOUND_SAFE")
                        .with(signedIn("alice", "coordinator")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Close this case?"),
                        containsString("The case of Lina Peeters is closed as &quot;Found safe&quot;"),
                        containsString("<input type=\"hidden\" name=\"outcome\" value=\"FOUND_SAFE\">"))));
        assertThat(caseService.findAll(postRequestedFor(anyUrl()))).isEmpty();

        mvc.perform(submit("/cases/" + caseId + "/resolution").param("outcome", "FOUND_SAFE").param("confirmed", "true")
                        .with(signedIn("alice", "coordinator")).with(csrf()))
                .andExpect(redirectedUrl("/cases/" + caseId))
                .andExpect(flash().attribute("notice", "case.resolved"));
        caseService.verify(postRequestedFor(urlEqualTo("/api/cases/" + caseId + "/resolution"))
                .withRequestBody(equalToJson("{\"outcome\":\"FOUND_SAFE\"}")));
    }

    @Test
    void cancelsTheAlertAsFoundAndSaysSo() throws Exception {
        alertService.stubFor(post("/api/alerts/" + alertId + "/cancellation").willReturn(okJson("{}")));

        mvc.perform(submit("/alerts/" + alertId + "/cancellation").param("reason", "FOUND_SAFE")
                        .param("confirmed", "true").with(signedIn("alice", "coordinator")).with(csrf()))
                .andExpect(redirectedUrl("/alerts/" + alertId))
                .andExpect(flash().attribute("notice", "alert.cancelled"));

        alertService.verify(postRequestedFor(urlEqualTo("/api/alerts/" + alertId + "/cancellation"))
                .withRequestBody(equalToJson("{\"reason\":\"FOUND_SAFE\"}")));
    }

    @Test
    void tellsTheCoordinatorWhyAnAlertCannotBeCancelled() throws Exception {
        alertService.stubFor(post("/api/alerts/" + alertId + "/cancellation").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Conflict\",\"status\":409,\"detail\":\"The alert is CANCELLED already.\"}")));

        mvc.perform(submit("/alerts/" + alertId + "/cancellation").param("reason", "FOUND_SAFE")
                        .param("confirmed", "true").with(signedIn("alice", "coordinator")).with(csrf()))
                .andExpect(redirectedUrl("/alerts/" + alertId))
                .andExpect(flash().attribute("failure", "The alert is CANCELLED already."));
    }

    @Test
    void showsThatAServiceIsUnreachableInsteadOfFailing() throws Exception {
        caseService.stubFor(get(urlPathEqualTo("/api/cases")).willReturn(aResponse()
                .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        mvc.perform(page("/cases")
                        .with(signedIn("alice", "coordinator")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("Temporarily unavailable")));
    }

    private static MockHttpServletRequestBuilder page(String path) {
        return MockMvcRequestBuilders.get(path);
    }

    /** A form post as a browser sends it (form-encoded, which the gateway's own form handling reacts to). */
    private static MockHttpServletRequestBuilder submit(String path) {
        return MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED);
    }

    private MockHttpServletRequestBuilder newCase() {
        return newCaseWith(Map.of());
    }

    /** The new-case form filled in for Lina, with some fields typed differently. */
    private MockHttpServletRequestBuilder newCaseWith(Map<String, String> changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("child.firstName", "Lina");
        fields.put("child.lastName", "Peeters");
        fields.put("child.dateOfBirth", "2014-05-01");
        fields.put("category", "CRIMINAL_ABDUCTION");
        fields.put("lastSeen.at", "2026-11-28T09:30");
        fields.put("lastSeen.latitude", "50.8603");
        fields.put("lastSeen.longitude", "4.362");
        fields.put("lastSeen.place", "Brussels-North station");
        fields.put("description", "Red jacket");
        fields.putAll(changes);
        MockHttpServletRequestBuilder request = submit("/cases").with(signedIn("alice", "coordinator"));
        fields.forEach(request::param);
        return request;
    }

    private void stubCase(String status) {
        caseService.stubFor(get("/api/cases/" + caseId).willReturn(okJson(caseJson(status))));
        caseService.stubFor(get("/api/cases/" + caseId + "/timeline").willReturn(okJson("""
                [{"at":"2026-11-28T09:40:00Z","kind":"CASE_OPENED","summary":"Opened by alice","author":"alice"}]""")));
        caseService.stubFor(get("/api/cases/" + caseId + "/escalations").willReturn(okJson("[]")));
    }

    private void stubAlert(String status) {
        stubAlert(status, "null");
    }

    private void stubAlert(String status, String pendingChange) {
        alertService.stubFor(get("/api/alerts/" + alertId).willReturn(okJson("""
                {"id":"%s","caseId":"%s","status":"%s","level":"TARGETED",
                 "area":{"latitude":50.8603,"longitude":4.362,"radiusKm":10.0},
                 "criteria":{"underEighteen":true,"lifeInDanger":true,"likelyInCountry":true,"enoughInformation":true},
                 "requestedBy":"alice","requestedAt":"2026-11-28T10:00:00Z","decidedBy":"dave",
                 "decidedAt":"2026-11-28T10:05:00Z","issuedAt":"2026-11-28T10:05:00Z","expiresAt":"2026-11-28T22:05:00Z",
                 "cancelledAt":null,"cancellationReason":null,"refusalReasons":[],
                 "notice":{"childFirstName":"Lina","childAge":12,"description":"Red jacket",
                           "lastSeenPlace":"Brussels-North station","lastSeenAt":"2026-11-28T08:30:00Z"},
                 "extensions":0,"hasPhoto":false,"pendingChange":%s}"""
                .formatted(alertId, caseId, status, pendingChange))));
    }

    private String caseJson(String status) {
        return """
                {"id":"%s","child":{"id":"%s","firstName":"Lina","lastName":"Peeters","dateOfBirth":"2014-05-01"},
                 "category":"CRIMINAL_ABDUCTION","status":"%s",
                 "lastSeen":{"at":"2026-11-28T08:30:00Z","latitude":50.8603,"longitude":4.362,"place":"Brussels-North station"},
                 "description":"Red jacket","photo":null,"openedAt":"2026-11-28T09:40:00Z","openedBy":"alice","outcome":null,
                 "resolvedAt":null,"resolvedBy":null}""".formatted(caseId, UUID.randomUUID(), status);
    }
}
