package org.childalert.e2e;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.interactions.Actions;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15, "preferences have no quiet hours and no change of area": a volunteer, on a desktop (1366 px) and on a
 * phone (390 px), sets quiet hours and moves their home to another postal code found with the place search, sees the
 * area's circle on the map and their new home in words, and the change is what notification-service now keeps (read
 * back through the gateway's {@code GET /api/volunteers/me}); then removes the quiet hours and moves home by a click on
 * the map. Quiet hours given by half, or ending when they start, are refused next to their field, with the summary
 * focused, and nothing is stored. Screenshots in target/screenshots/ (preferences-desktop.png, preferences-phone.png).
 */
class PreferencesBrowserEndToEndTests {

    private static final Dimension DESKTOP = new Dimension(1366, 900);

    @BeforeAll
    static void startTheStack() throws Exception {
        Stack.up();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"desktop", "phone"})
    void aVolunteerSetsQuietHoursAndMovesTheirHomeAndReadsItBack(String screen) throws Exception {
        Dimension size = screen.equals("phone") ? Browser.PHONE : DESKTOP;
        try (ThrowawayUser user = ThrowawayUser.create("prefs", "volunteer", Map.of());
             Browser browser = Browser.open("en-GB,en")) {
            Api api = user.api();
            signUp(api, "1000");
            browser.size(size).signIn(user.username, user.password).go("/volunteer");
            assertThat(browser.text(By.id("home-now"))).isEqualTo("Your home now: 1000 Brussel / Bruxelles");
            assertThat(browser.text(By.id("record-quiet-hours"))).isEqualTo("None: alerts reach you at any hour");
            assertThat(browser.text(By.id("channels-hint"))).contains("We keep your phone number and e-mail address",
                    "a channel ticked again must be confirmed again");
            assertThat(browser.text(By.id("kept-EMAIL"))).endsWith("kept, not used for alerts");
            theMapShowsTheArea(browser);

            // quiet hours over midnight, and a home found by its postal code
            browser.click(By.cssSelector("label[for='quiet-set']"))
                    .setValue(By.id("quietHours-from"), "22:30")
                    .setValue(By.id("quietHours-until"), "06:45");
            browser.type(By.id("home-search"), "9000").click(By.id("home-search-button"));
            browser.click(By.cssSelector("#home-results button.place-choice"));
            assertThat(browser.find(By.id("home-postalCode")).getAttribute("value")).isEqualTo("9000");
            assertThat(browser.text(By.id("home-chosen"))).isEqualTo("New home: 9000 Gent. Save your preferences to keep it.");
            assertThat(Double.parseDouble(browser.find(By.id("home-map")).getAttribute("data-home-latitude")))
                    .isBetween(51.0, 51.1);
            fitsTheScreen(browser, "preferences-chosen-" + screen, "home-fieldset");
            browser.follow(By.id("save-preferences"));

            assertThat(browser.text(By.cssSelector(".notice"))).isEqualTo("Your preferences are saved.");
            assertThat(browser.text(By.id("home-now"))).isEqualTo("Your home now: 9000 Gent");
            assertThat(browser.text(By.id("record-home"))).isEqualTo("9000 Gent, alerts within 5 km");
            assertThat(browser.text(By.id("record-quiet-hours"))).isEqualTo("From 22:30 until 06:45, Belgian time");
            assertThat(browser.find(By.id("quietHours-from")).getAttribute("value")).isEqualTo("22:30");
            JsonNode me = me(api);
            assertThat(me.path("home").path("postalCode").asText()).isEqualTo("9000");
            assertThat(me.path("home").path("latitude").asDouble()).isBetween(51.0, 51.1);
            assertThat(me.path("quietHours").path("from").asText()).startsWith("22:30");
            assertThat(me.path("quietHours").path("until").asText()).startsWith("06:45");
            theMapShowsTheArea(browser);
            fitsTheScreen(browser, "preferences-" + screen, "home-fieldset");
            fitsTheScreen(browser, "preferences-quiet-hours-" + screen, "quiet-hours");

            // no quiet hours any more, and home moved by a click on the map
            browser.click(By.cssSelector("label[for='quiet-none']"));
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.find(By.id("home-map")));
            new Actions(browser.driver()).moveToElement(browser.find(By.id("home-map")), 30, -40).click().perform();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(browser.find(By.id("home-latitude")).getAttribute("value")).isNotEmpty());
            assertThat(browser.find(By.id("home-postalCode")).getAttribute("value")).isEmpty();
            double latitude = Double.parseDouble(browser.find(By.id("home-latitude")).getAttribute("value"));
            double longitude = Double.parseDouble(browser.find(By.id("home-longitude")).getAttribute("value"));
            assertThat(browser.text(By.id("home-chosen"))).startsWith("New home: a point on the map (");
            browser.follow(By.id("save-preferences"));

            assertThat(browser.text(By.cssSelector(".notice"))).isEqualTo("Your preferences are saved.");
            assertThat(browser.text(By.id("home-now"))).startsWith("Your home now: a point on the map (");
            assertThat(browser.text(By.id("record-quiet-hours"))).isEqualTo("None: alerts reach you at any hour");
            me = me(api);
            assertThat(me.path("quietHours").isNull() || me.path("quietHours").isMissingNode()).as(me.toString()).isTrue();
            assertThat(me.path("home").path("postalCode").isNull()).as(me.toString()).isTrue();
            assertThat(me.path("home").path("latitude").asDouble()).isCloseTo(latitude, org.assertj.core.data.Offset.offset(0.0001));
            assertThat(me.path("home").path("longitude").asDouble()).isCloseTo(longitude, org.assertj.core.data.Offset.offset(0.0001));
            fitsTheScreen(browser, "preferences-point-" + screen, "home-fieldset");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"desktop", "phone"})
    void quietHoursGivenByHalfOrEndingWhenTheyStartAreRefusedNextToTheirField(String screen) throws Exception {
        Dimension size = screen.equals("phone") ? Browser.PHONE : DESKTOP;
        try (ThrowawayUser user = ThrowawayUser.create("prefs-bad", "volunteer", Map.of());
             Browser browser = Browser.open("en-GB,en")) {
            Api api = user.api();
            signUp(api, "1000");
            browser.size(size).signIn(user.username, user.password).go("/volunteer");

            // only the start
            browser.click(By.cssSelector("label[for='quiet-set']")).setValue(By.id("quietHours-from"), "22:00");
            browser.follow(By.id("save-preferences"));
            assertThat(browser.text(By.id("form-errors"))).isEqualTo("Please correct the fields marked below.");
            assertThat(browser.focusedId()).isEqualTo("form-errors");
            assertThat(browser.text(By.id("error-quietHours-until"))).isEqualTo("Please fill this in.");
            assertThat(browser.find(By.id("quietHours-until")).getAttribute("aria-describedby"))
                    .contains("error-quietHours-until");
            assertThat(browser.find(By.id("quietHours-until")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.find(By.id("quietHours-from")).getAttribute("value")).isEqualTo("22:00");
            fitsTheScreen(browser, "preferences-error-" + screen, "quiet-hours");

            // the end at the start
            browser.setValue(By.id("quietHours-until"), "22:00").follow(By.id("save-preferences"));
            assertThat(browser.text(By.id("error-quietHours-until")))
                    .isEqualTo("Choose an end that differs from the start of your quiet hours.");
            assertThat(browser.focusedId()).isEqualTo("form-errors");

            // a postal code notification-service does not know: its refusal on the home field
            browser.setValue(By.id("quietHours-until"), "07:00").type(By.id("home-postalCode"), "1001")
                    .follow(By.id("save-preferences"));
            assertThat(browser.text(By.id("error-home-postalCode"))).isEqualTo("This is not a Belgian postal code we know.");
            assertThat(browser.find(By.id("home-postalCode")).getAttribute("aria-describedby")).contains("error-home-postalCode");

            JsonNode me = me(api);
            assertThat(me.path("quietHours").isNull() || me.path("quietHours").isMissingNode()).as(me.toString()).isTrue();
            assertThat(me.path("home").path("postalCode").asText()).isEqualTo("1000");
        }
    }

    /**
     * The volunteer signs up through the API (as the console's sign-up would) for SMS, not confirmed yet, leaving an
     * e-mail address too (kept, not used for alerts); one confirmation code is sent, within the per-client limit.
     */
    private static void signUp(Api volunteer, String postalCode) throws Exception {
        Api.Response created = volunteer.post("/api/volunteers", """
                {"name":"Pat Prefs","phone":"%s","email":"%s","language":"en","channels":["SMS"],
                 "home":{"postalCode":"%s"},"radiusKm":5,"consent":true}
                """.formatted(Scenarios.uniqueMobile(), Scenarios.uniqueEmail("prefs"), postalCode));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private static JsonNode me(Api volunteer) throws Exception {
        Api.Response me = volunteer.get("/api/volunteers/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        return me.json();
    }

    /** The Leaflet map of the home picker, drawn over the shipped base layer, with the circle of the radius. */
    private static void theMapShowsTheArea(Browser browser) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(browser.findAll(By.cssSelector("#home-map .leaflet-overlay-pane path, #home-map canvas"))).isNotEmpty());
        assertThat(browser.find(By.id("home-map")).getAttribute("data-radius-km")).isEqualTo("5");
        assertThat(browser.findAll(By.cssSelector("#home-sketch.hidden"))).as("the sketch gives way to the map").hasSize(1);
    }

    /** Nothing scrolls sideways at this size; saved, scrolled to the given part, as evidence in target/screenshots/. */
    private static void fitsTheScreen(Browser browser, String evidence, String shownId) throws Exception {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'})", browser.find(By.id(shownId)));
        Object sideways = browser.script(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        browser.evidence(evidence);
        assertThat(sideways).as(evidence + ": the page scrolls sideways").isEqualTo(false);
    }
}
