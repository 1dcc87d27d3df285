package org.childalert.gateway.console;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.hamcrest.Matchers.allOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The start page says what waits for each role instead of listing role names and API links; administrators manage
 * police zones (and change them in the same form) and contacts; an unknown console address is a page, not JSON; the
 * approvals page asks for news.
 */
class StartAndAdminPagesTests extends ConsoleTestSupport {

    private final UUID alertId = UUID.randomUUID();

    @Test
    void tellsAnOfficerHowManyEscalationsWaitAndWhatReachedTheirZone() throws Exception {
        alertService.stubFor(get(urlPathEqualTo("/api/alerts")).withQueryParam("status", equalTo("PENDING_APPROVAL"))
                .willReturn(okJson("""
                        {"items":[%s,%s],"page":0,"size":5,"totalItems":2}""".formatted(alert("Lina"), alert("Sami")))));
        alertService.stubFor(get(urlPathEqualTo("/api/alerts")).withQueryParam("zone", equalTo("mine"))
                .willReturn(okJson("""
                        {"zoneId":"5339","items":[{"alert":%s,"zones":[{"zoneId":"5339","status":"WAITING"}]}],
                         "page":0,"size":5,"totalItems":1}""".formatted(alert("Noor")))));

        mvc.perform(MockMvcRequestBuilders.get("/").with(signedIn("bob", "police")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("(<span id=\"signed-in-roles\">police officer</span>)"),
                        containsString("2 escalations wait for a decision"),
                        containsString("Sami, 12 years old · Brussels-North station"), not(containsString("Sami, 12 years old.")),
                        containsString("Alerts for your zone 5339"),
                        containsString("One running alert reached your zone"),
                        containsString("to acknowledge"),
                        not(containsString("/api-docs/cases")))));
    }

    @Test
    void tellsAnAdministratorWhichZonesHaveNobodyOnDutyAndWhetherTheServicesAnswer() throws Exception {
        notificationService.stubFor(get(urlPathEqualTo("/api/police-zones")).willReturn(okJson("""
                {"zones":[{"code":"5339","name":"Brussels","unit":"Zone 5339","postalCodes":["1000"],"dutyContact":null},
                          {"code":"5344","name":"North","unit":"Zone 5344","postalCodes":["1030"],
                           "dutyContact":{"id":"%s","name":"Dispatch","onDuty":true}}],"page":0,"size":100,"total":2}"""
                .formatted(UUID.randomUUID()))));
        notificationService.stubFor(get(urlPathEqualTo("/api/police-contacts")).willReturn(okJson("""
                {"contacts":[{"name":"Dispatch","unit":"Zone 5344","onDuty":true}],"page":0,"size":100,"total":1}""")));
        caseService.stubFor(get(urlPathEqualTo("/v3/api-docs")).willReturn(okJson("{}")));
        alertService.stubFor(get(urlPathEqualTo("/v3/api-docs")).willReturn(okJson("{}")));

        mvc.perform(MockMvcRequestBuilders.get("/").with(signedIn("admin", "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("2 police zones"),
                        containsString("One zone has nobody on duty"),
                        containsString("One police contact, 1 on duty"),
                        containsString("id=\"health-cases\""),
                        containsString("does not answer"),
                        containsString("href=\"/admin/zones\""))));
    }

    @Test
    void definesAZoneByItsPostalCodesAndShowsTheServicesReasonBesideTheField() throws Exception {
        notificationService.stubFor(get(urlPathEqualTo("/api/police-zones")).willReturn(okJson("""
                {"zones":[],"page":0,"size":1000,"total":0}""")));
        notificationService.stubFor(get(urlPathEqualTo("/api/police-contacts")).willReturn(okJson("""
                {"contacts":[],"page":0,"size":1000,"total":0}""")));
        notificationService.stubFor(post("/api/police-zones").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(problem(400, "postalCodes unknown", "postalCodes", "must not be blank"))));

        mvc.perform(MockMvcRequestBuilders.post("/admin/zones").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("code", "5339").param("name", "Brussels").param("unit", "Zone 5339")
                        .param("postalCodes", "1000, 1050 1000").param("dutyContactId", "")
                        .with(signedIn("admin", "admin")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"error-postalCodes\""),
                        containsString("aria-describedby=\"error-postalCodes postalCodes-hint\""),
                        containsString("Please fill this in."))));

        notificationService.verify(postRequestedFor(urlPathEqualTo("/api/police-zones")).withRequestBody(equalToJson("""
                {"code":"5339","name":"Brussels","unit":"Zone 5339","postalCodes":["1000","1050"],"dutyContactId":null}""")));
    }

    @Test
    void opensAZonesFormFilledInWithItsValuesToChangeItWithItsPostalAreasOutlinedOnTheMap() throws Exception {
        zonesAndContacts();
        notificationService.stubFor(get("/api/police-zones/" + ZONE_ID).willReturn(okJson(ZONE_5339)));

        mvc.perform(MockMvcRequestBuilders.get("/admin/zones").with(signedIn("admin", "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"edit-zone-5339\" href=\"/admin/zones/" + ZONE_ID + "/edit\""),
                        containsString("<span>Edit</span><span class=\"visually-hidden\"> 5339 · Brussels</span>"),
                        containsString("id=\"define-zone\""), not(containsString("id=\"save-zone\"")))));

        mvc.perform(MockMvcRequestBuilders.get("/admin/zones/" + ZONE_ID + "/edit").with(signedIn("admin", "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h2 id=\"edit-zone-heading\">Change zone 5339 · Brussels</h2>"),
                        containsString("action=\"/admin/zones/" + ZONE_ID + "\""),
                        containsString("aria-labelledby=\"edit-zone-heading\""),
                        // the number is shown, not sent: it never changes
                        containsString("<input id=\"code\" class=\"code\" readonly value=\"5339\" aria-describedby=\"code-hint\">"),
                        containsString("The zone number stays"),
                        containsString("id=\"name\" name=\"name\" required value=\"Brussels\""),
                        containsString("id=\"unit\" name=\"unit\" required value=\"Zone 5339\""),
                        containsString("value=\"1000, 1050\""),
                        containsString("<option value=\"" + CONTACT_ID + "\" selected=\"selected\">Dispatch (Zone 5339)</option>"),
                        containsString("data-fit-outlined=\"true\""),
                        containsString("id=\"edit-zone-5339\" href=\"/admin/zones/" + ZONE_ID + "/edit\" aria-current=\"true\""),
                        containsString("id=\"save-zone\""), containsString("id=\"cancel-edit\" class=\"button secondary\" href=\"/admin/zones\""),
                        not(containsString("id=\"define-zone\"")), not(containsString("name=\"code\"")))));

        mvc.perform(MockMvcRequestBuilders.get("/admin/zones/" + ZONE_ID + "/edit").header("Accept-Language", "de")
                        .with(signedIn("admin", "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Zone 5339 · Brussels ändern"),
                        containsString("Zone speichern"), containsString("Die Zonennummer bleibt"))));
    }

    @Test
    void savesAChangedZoneThroughNotificationServiceAndSaysSo() throws Exception {
        zonesAndContacts();
        notificationService.stubFor(get("/api/police-zones/" + ZONE_ID).willReturn(okJson(ZONE_5339)));
        notificationService.stubFor(put("/api/police-zones/" + ZONE_ID).willReturn(okJson(ZONE_5339)));

        mvc.perform(MockMvcRequestBuilders.post("/admin/zones/" + ZONE_ID).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("code", "9999").param("name", " Brussels-Centre ").param("unit", "Zone 5339")
                        .param("postalCodes", "1000 1020, 1000").param("dutyContactId", "")
                        .with(signedIn("admin", "admin")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/admin/zones"))
                .andExpect(flash().attribute("notice", "admin.zones.changed"));

        // the name, unit, postal codes and contact on duty replace the old ones; the number is never sent
        notificationService.verify(putRequestedFor(urlPathEqualTo("/api/police-zones/" + ZONE_ID)).withRequestBody(equalToJson("""
                {"name":"Brussels-Centre","unit":"Zone 5339","postalCodes":["1000","1020"],"dutyContactId":null}""")));
    }

    /**
     * Issue 15 review, finding 11: "1 km · 50,8589, 4,3703", "Im Dienst: im Dienst" and "+32499999001": the area in
     * words, the duty as yes or no under its heading, the number in its groups.
     */
    @Test
    void showsAContactsAreaByItsPlaceItsDutyAsYesOrNoAndItsNumberInGroups() throws Exception {
        notificationService.stubFor(get(urlPathEqualTo("/api/police-contacts")).willReturn(okJson("""
                {"contacts":[{"id":"%s","name":"Dispatch","unit":"Zone 5344","phone":"+32499999001",
                  "email":"d@police.example","language":"nl","channels":["SMS","EMAIL"],
                  "zone":{"latitude":50.8589,"longitude":4.3703,"radiusKm":1.0},"onDuty":true}],
                 "page":0,"size":1000,"total":1}""".formatted(CONTACT_ID))));

        mvc.perform(MockMvcRequestBuilders.get("/admin/contacts").param("lang", "de").with(signedIn("admin", "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("1 km um 1030 Schaarbeek"),
                        containsString("SMS +32 499 99 90 01"),
                        containsString("<td data-label=\"Im Dienst\">ja</td>"),
                        not(containsString("50,8589")),
                        not(containsString("+32499999001")))));
    }

    /** Issue 15 review: notification-service deletes a zone, the console offered no way to. */
    @Test
    void deletesAZoneOnlyOnceTheAdministratorConfirms() throws Exception {
        zonesAndContacts();
        notificationService.stubFor(get("/api/police-zones/" + ZONE_ID).willReturn(okJson(ZONE_5339)));
        notificationService.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete("/api/police-zones/" + ZONE_ID)
                .willReturn(aResponse().withStatus(204)));

        mvc.perform(MockMvcRequestBuilders.get("/admin/zones").with(signedIn("admin", "admin")))
                .andExpect(content().string(allOf(
                        containsString("action=\"/admin/zones/" + ZONE_ID + "/deletion\""),
                        containsString("id=\"delete-zone-5339\""),
                        containsString("<input id=\"code\" name=\"code\" class=\"code\""))));

        mvc.perform(MockMvcRequestBuilders.post("/admin/zones/" + ZONE_ID + "/deletion")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("lang", "de")
                        .with(signedIn("admin", "admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Diese Zone löschen?"),
                        containsString("Zone 5339 · Brussels wird gelöscht"),
                        containsString("<input type=\"hidden\" name=\"confirmed\" value=\"true\">"))));
        notificationService.verify(0, com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(
                urlPathMatching("/api/police-zones/.*")));

        mvc.perform(MockMvcRequestBuilders.post("/admin/zones/" + ZONE_ID + "/deletion")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("confirmed", "true")
                        .with(signedIn("admin", "admin")).with(csrf()))
                .andExpect(header().string("Location", "/admin/zones"))
                .andExpect(flash().attribute("notice", "admin.zones.deleted"));
        notificationService.verify(com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(
                urlPathEqualTo("/api/police-zones/" + ZONE_ID)).withHeader("Authorization", equalTo("Bearer token-of-admin")));
    }

    @Test
    void showsTheServicesReasonsForAChangeBesideTheirFieldsAndKeepsWhatWasTyped() throws Exception {
        zonesAndContacts();
        notificationService.stubFor(get("/api/police-zones/" + ZONE_ID).willReturn(okJson(ZONE_5339)));
        notificationService.stubFor(put("/api/police-zones/" + ZONE_ID).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(problem(400, "postalCodes must list at least one postal code", "postalCodes",
                        "must list at least one postal code"))));

        mvc.perform(MockMvcRequestBuilders.post("/admin/zones/" + ZONE_ID).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("name", "Brussels-Centre").param("unit", "Zone 5339").param("postalCodes", " ")
                        .param("dutyContactId", CONTACT_ID)
                        .with(signedIn("admin", "admin")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"form-errors\""),
                        containsString("id=\"error-postalCodes\""),
                        containsString("aria-invalid=\"true\" aria-describedby=\"error-postalCodes postalCodes-hint\""),
                        containsString("List at least one postal code, such as 1000."),
                        containsString("<h2 id=\"edit-zone-heading\">Change zone 5339 · Brussels</h2>"),
                        containsString("action=\"/admin/zones/" + ZONE_ID + "\""),
                        containsString("value=\"Brussels-Centre\""),
                        containsString("<option value=\"" + CONTACT_ID + "\" selected=\"selected\">"))));

        // a zone of postal codes is sent the empty list (the service names the field), never a polygon
        notificationService.verify(putRequestedFor(urlPathEqualTo("/api/police-zones/" + ZONE_ID)).withRequestBody(equalToJson("""
                {"name":"Brussels-Centre","unit":"Zone 5339","postalCodes":[],"dutyContactId":"%s"}""".formatted(CONTACT_ID))));
    }

    @Test
    void aZoneDrawnAsAPolygonKeepsItsPolygonWhileNoPostalCodeIsTyped() throws Exception {
        zonesAndContacts();
        notificationService.stubFor(get("/api/police-zones/" + ZONE_ID).willReturn(okJson("""
                {"id":"%s","code":"5345","name":"Drawn","unit":"Zone 5345","postalCodes":null,
                 "polygon":[[50.8,4.3],[50.9,4.3],[50.9,4.45],[50.8,4.3]],"dutyContact":null}""".formatted(ZONE_ID))));
        notificationService.stubFor(put("/api/police-zones/" + ZONE_ID).willReturn(okJson("{}")));

        mvc.perform(MockMvcRequestBuilders.get("/admin/zones/" + ZONE_ID + "/edit").with(signedIn("admin", "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("aria-describedby=\"postalCodes-hint postalCodes-polygon-hint\""),
                        containsString("This zone is drawn as a polygon"),
                        not(containsString("name=\"postalCodes\" inputmode=\"numeric\" required")))));

        mvc.perform(MockMvcRequestBuilders.post("/admin/zones/" + ZONE_ID).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("name", "Drawn again").param("unit", "Zone 5345").param("postalCodes", "")
                        .param("dutyContactId", "")
                        .with(signedIn("admin", "admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        notificationService.verify(putRequestedFor(urlPathEqualTo("/api/police-zones/" + ZONE_ID)).withRequestBody(equalToJson("""
                {"name":"Drawn again","unit":"Zone 5345","polygon":[[50.8,4.3],[50.9,4.3],[50.9,4.45],[50.8,4.3]],
                 "dutyContactId":null}""")));
    }

    /** Issue 15: a zone's boundary drawn on the map (the hidden field console-map.js fills in) is sent as its polygon. */
    @Test
    void definesAZoneByTheBoundaryDrawnOnTheMapSentAsAClosedPolygonWithoutPostalCodes() throws Exception {
        zonesAndContacts();
        notificationService.stubFor(post("/api/police-zones").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(ZONE_5339)));

        mvc.perform(MockMvcRequestBuilders.get("/admin/zones").header("Accept-Language", "de").with(signedIn("admin", "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<input type=\"hidden\" id=\"polygon\" name=\"polygon\" value=\"\">"),
                        containsString("id=\"draw-boundary\" class=\"secondary\" aria-pressed=\"false\""),
                        containsString(">Grenze zeichnen</button>"), containsString(">Letzte Ecke zurücknehmen</button>"),
                        containsString(">Grenze abschließen</button>"), containsString(">Grenze löschen</button>"),
                        containsString("data-draw-drawing=\"Die Grenze wird gezeichnet. Ecken: {0}."),
                        containsString("Eine Zone ist entweder gezeichnet oder aus Postleitzahlen, nicht beides"))));

        mvc.perform(MockMvcRequestBuilders.post("/admin/zones").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("code", "5346").param("name", "Drawn").param("unit", "Zone 5346").param("postalCodes", " ")
                        .param("polygon", "[[50.8,4.3],[50.9,4.3],[50.9,4.45],[50.85,4.5]]").param("dutyContactId", "")
                        .with(signedIn("admin", "admin")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/admin/zones"))
                .andExpect(flash().attribute("notice", "admin.zones.defined"));

        // the ring closed (its first corner again), and no postal codes: the service takes exactly one of the two
        notificationService.verify(postRequestedFor(urlPathEqualTo("/api/police-zones")).withRequestBody(equalToJson("""
                {"code":"5346","name":"Drawn","unit":"Zone 5346",
                 "polygon":[[50.8,4.3],[50.9,4.3],[50.9,4.45],[50.85,4.5],[50.8,4.3]],"dutyContactId":null}""")));
        notificationService.verify(0, postRequestedFor(urlPathEqualTo("/api/police-zones"))
                .withRequestBody(containing("postalCodes")));
    }

    @Test
    void aBoundaryDrawnOverAZoneOfPostalCodesReplacesThem() throws Exception {
        zonesAndContacts();
        notificationService.stubFor(get("/api/police-zones/" + ZONE_ID).willReturn(okJson(ZONE_5339)));
        notificationService.stubFor(put("/api/police-zones/" + ZONE_ID).willReturn(okJson(ZONE_5339)));

        mvc.perform(MockMvcRequestBuilders.post("/admin/zones/" + ZONE_ID).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("name", "Brussels").param("unit", "Zone 5339").param("postalCodes", "")
                        .param("polygon", "[[50.8,4.3],[50.9,4.3],[50.9,4.45],[50.8,4.3]]").param("dutyContactId", CONTACT_ID)
                        .with(signedIn("admin", "admin")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "admin.zones.changed"));

        // a ring already closed is sent as it is
        notificationService.verify(putRequestedFor(urlPathEqualTo("/api/police-zones/" + ZONE_ID)).withRequestBody(equalToJson("""
                {"name":"Brussels","unit":"Zone 5339","polygon":[[50.8,4.3],[50.9,4.3],[50.9,4.45],[50.8,4.3]],
                 "dutyContactId":"%s"}""".formatted(CONTACT_ID))));
    }

    /** A boundary the console cannot read, or of fewer than 3 corners, is refused beside the field; nothing is sent. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            [[50.8,4.3],[50.9,4.3]                          | The boundary drawn could not be read
            {"lat":50.8}                                    | The boundary drawn could not be read
            [[50.8,4.3],[50.9],[50.9,4.45]]                 | The boundary drawn could not be read
            [[50.8,4.3],[95.0,4.3],[50.9,4.45]]             | The boundary drawn could not be read
            [[50.8,4.3],["50.9","4.3"],[50.9,4.45]]         | The boundary drawn could not be read
            [[50.8,4.3],[50.9,4.3]]                         | Draw a boundary with at least 3 different corners.
            [[50.8,4.3],[50.9,4.3],[50.8,4.3],[50.8,4.3]]   | Draw a boundary with at least 3 different corners.
            """)
    void refusesABoundaryItCannotUseBesideTheFieldAndSendsNothing(String polygon, String reason) throws Exception {
        zonesAndContacts();

        mvc.perform(MockMvcRequestBuilders.post("/admin/zones").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("code", "5346").param("name", "Drawn").param("unit", "Zone 5346").param("postalCodes", "")
                        .param("polygon", polygon).param("dutyContactId", "")
                        .with(signedIn("admin", "admin")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"form-errors\""),
                        containsString("id=\"error-polygon\">"),
                        containsString("<span>" + reason),
                        containsString("aria-describedby=\"error-polygon zones-draw-hint\""),
                        containsString("value=\"Drawn\""))));

        notificationService.verify(0, postRequestedFor(urlPathMatching("/api/police-zones.*")));
    }

    /** A zone is drawn or made of postal codes: both are refused on the postal codes, as notification-service would. */
    @Test
    void refusesABoundaryDrawnWithPostalCodesTypedAndSendsNothing() throws Exception {
        zonesAndContacts();
        notificationService.stubFor(get("/api/police-zones/" + ZONE_ID).willReturn(okJson(ZONE_5339)));

        mvc.perform(MockMvcRequestBuilders.post("/admin/zones/" + ZONE_ID).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("name", "Brussels").param("unit", "Zone 5339").param("postalCodes", "1000")
                        .param("polygon", "[[50.8,4.3],[50.9,4.3],[50.9,4.45],[50.8,4.3]]").param("dutyContactId", "")
                        .header("Accept-Language", "fr").with(signedIn("admin", "admin")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"error-postalCodes\""),
                        containsString("Une zone est soit dessinée sur la carte, soit faite de codes postaux, pas les deux"),
                        // the boundary drawn is kept for the map to draw again
                        containsString("name=\"polygon\" value=\"[[50.8,4.3],[50.9,4.3],[50.9,4.45],[50.8,4.3]]\""))));

        notificationService.verify(0, putRequestedFor(urlPathMatching("/api/police-zones.*")));
    }

    @Test
    void anUnknownZoneHasNoFormButAReadableNotFoundPageAndNothingIsSent() throws Exception {
        notificationService.stubFor(get("/api/police-zones/" + ZONE_ID).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"Police zone not found\"}")));

        mvc.perform(MockMvcRequestBuilders.get("/admin/zones/" + ZONE_ID + "/edit").accept(MediaType.TEXT_HTML)
                        .with(signedIn("admin", "admin")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("Back to the start page"), not(containsString("zone-form")))));
        mvc.perform(MockMvcRequestBuilders.post("/admin/zones/" + ZONE_ID).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .accept(MediaType.TEXT_HTML).param("name", "Brussels").param("unit", "Zone 5339")
                        .param("postalCodes", "1000").with(signedIn("admin", "admin")).with(csrf()))
                .andExpect(status().isNotFound());
        notificationService.verify(0, putRequestedFor(urlPathMatching("/api/police-zones/.*")));
    }

    @Test
    void givesTheZonesMapEachZonesPostalCodesOrPolygonAndSaysThePostalAreasAreApproximate() throws Exception {
        notificationService.stubFor(get(urlPathEqualTo("/api/police-zones")).willReturn(okJson("""
                {"zones":[{"code":"5339","name":"Brussels","unit":"Zone 5339","postalCodes":["1000","1050"],"dutyContact":null},
                          {"code":"5345","name":"Drawn","unit":"Zone 5345","postalCodes":null,
                           "polygon":[[50.8,4.3],[50.9,4.3],[50.9,4.45],[50.8,4.3]],"dutyContact":null}],
                 "page":0,"size":1000,"total":2}""")));
        notificationService.stubFor(get(urlPathEqualTo("/api/police-contacts")).willReturn(okJson("""
                {"contacts":[],"page":0,"size":1000,"total":0}""")));

        mvc.perform(MockMvcRequestBuilders.get("/admin/zones").with(signedIn("admin", "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("data-zones-map data-postal-codes-input=\"postalCodes\" hidden"),
                        containsString("data-zone-code=\"5339\" data-zone-name=\"Brussels\" data-zone-postal-codes=\"1000 1050\""),
                        containsString("data-zone-code=\"5345\" data-zone-name=\"Drawn\" data-zone-polygon=\"[[50.8,4.3],[50.9,4.3],[50.9,4.45],[50.8,4.3]]\""),
                        containsString("data-outlined-text=\"Outlined from the form: {0}\""),
                        containsString("The postal areas are approximate"),
                        not(containsString("<script>")))));
        mvc.perform(MockMvcRequestBuilders.get("/admin/zones").header("Accept-Language", "nl-BE,nl").with(signedIn("admin", "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("De postcodegebieden zijn benaderd"),
                        containsString("data-outlined-text=\"Omlijnd uit het formulier: {0}\""))));
    }

    @Test
    void shipsTheApproximatePostalAreasAndDrawsThemOnEveryMap() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/geo/be-postal-areas.geojson").with(signedIn("alice", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("\"postalCode\":\"1000\""),
                        containsString("\"sharedWith\":[\"2018\""), containsString("\"approximate\":true"))));
        mvc.perform(MockMvcRequestBuilders.get("/js/console-map.js").with(signedIn("alice", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("be-postal-areas.geojson"),
                        containsString("[data-zones-map]"), containsString("dataset.areasDrawn"))));
    }

    @ParameterizedTest
    @CsvSource({"alice, coordinator", "bob, police", "carol, volunteer"})
    void keepsAdministrationToAdministrators(String user, String role) throws Exception {
        for (String page : new String[] {"/admin/zones", "/admin/contacts", "/admin/zones/" + ZONE_ID}) {
            mvc.perform(MockMvcRequestBuilders.get(page).with(signedIn(user, role)))
                    .andExpect(status().isForbidden());
            mvc.perform(MockMvcRequestBuilders.post(page).with(csrf()).with(signedIn(user, role))
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("code", "5339"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(MockMvcRequestBuilders.get("/admin/zones/" + ZONE_ID + "/edit").with(signedIn(user, role)))
                .andExpect(status().isForbidden());
        notificationService.verify(0, postRequestedFor(urlPathMatching("/api/police-.*")));
        notificationService.verify(0, putRequestedFor(urlPathMatching("/api/police-.*")));
        notificationService.verify(0, getRequestedFor(urlPathMatching("/api/police-.*")));
    }

    @Test
    void answersAnUnknownConsoleAddressWithAPageAndAnUnknownApiPathWithProblemJson() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/no-such-page").accept(MediaType.TEXT_HTML).with(signedIn("alice", "coordinator")))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", containsString("text/html")))
                .andExpect(content().string(allOf(containsString("Not found"), containsString("Back to the start page"))));
    }

    @Test
    void theApprovalsPageIsToldNothingChangedUntilSomethingDoes() throws Exception {
        alertService.stubFor(get(urlPathEqualTo("/api/alerts")).withQueryParam("status", equalTo("PENDING_APPROVAL"))
                .willReturn(okJson("""
                        {"items":[],"page":0,"size":50,"totalItems":0}""")));
        alertService.stubFor(get(urlPathEqualTo("/api/alerts")).withQueryParam("status", equalTo("ACTIVE"))
                .willReturn(okJson("""
                        {"items":[],"page":0,"size":100,"totalItems":0}""")));
        String page = mvc.perform(MockMvcRequestBuilders.get("/approvals").with(signedIn("bob", "police")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String shown = page.replaceAll("(?s).*hx-get=\"/approvals/waiting\\?shown=([^\"]+)\".*", "$1");

        mvc.perform(MockMvcRequestBuilders.get("/approvals/waiting").param("shown", shown).header("HX-Request", "true")
                        .with(signedIn("bob", "police")))
                .andExpect(status().isNoContent());

        alertService.stubFor(get(urlPathEqualTo("/api/alerts")).withQueryParam("status", equalTo("PENDING_APPROVAL"))
                .willReturn(okJson("""
                        {"items":[%s],"page":0,"size":50,"totalItems":1}""".formatted(alert("Yara")))));
        mvc.perform(MockMvcRequestBuilders.get("/approvals/waiting").param("shown", shown).header("HX-Request", "true")
                        .with(signedIn("bob", "police")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"approval-" + alertId + "\""),
                        containsString("Yara, 12 years old<"), not(containsString("Yara, 12 years old.")), containsString("hx-preserve"),
                        not(containsString("<html")))));
    }

    private static final UUID ZONE_ID = UUID.fromString("0b6f2a52-3f3e-4a55-9c1f-5d1e2f3a4b5c");
    private static final String CONTACT_ID = "7d1c9a0e-7c55-4f0e-8b1d-2c3e4f5a6b7c";
    private static final String ZONE_5339 = """
            {"id":"%s","code":"5339","name":"Brussels","unit":"Zone 5339","postalCodes":["1000","1050"],"polygon":null,
             "dutyContact":{"id":"%s","name":"Dispatch","onDuty":true},"registeredAt":"2026-11-28T10:00:00Z"}"""
            .formatted(ZONE_ID, CONTACT_ID);

    private static void zonesAndContacts() {
        notificationService.stubFor(get(urlPathEqualTo("/api/police-zones")).willReturn(okJson("""
                {"zones":[%s],"page":0,"size":1000,"total":1}""".formatted(ZONE_5339))));
        notificationService.stubFor(get(urlPathEqualTo("/api/police-contacts")).willReturn(okJson("""
                {"contacts":[{"id":"%s","name":"Dispatch","unit":"Zone 5339","onDuty":true}],"page":0,"size":1000,"total":1}"""
                .formatted(CONTACT_ID))));
    }

    private String alert(String firstName) {
        return """
                {"id":"%s","caseId":"%s","status":"PENDING_APPROVAL","level":"TARGETED",
                 "area":{"latitude":50.8603,"longitude":4.362,"radiusKm":10.0},
                 "criteria":{"underEighteen":true,"lifeInDanger":true,"likelyInCountry":true,"enoughInformation":true},
                 "requestedBy":"alice","requestedAt":"2026-11-28T10:00:00Z","issuedAt":null,
                 "notice":{"childFirstName":"%s","childAge":12,"description":"Red jacket",
                           "lastSeenPlace":"Brussels-North station","lastSeenAt":"2026-11-28T08:30:00Z"}}"""
                .formatted(alertId, UUID.randomUUID(), firstName);
    }
}
