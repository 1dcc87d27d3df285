package org.childalert.e2e;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15, "the place is entered as raw latitude and longitude, and the 'map' is a circle on a blank square; a 500 km
 * radius passes without a warning": the coordinator finds the last-seen place by postal code or name, or clicks it on
 * a Leaflet map drawn over Belgium's border shipped with the gateway (no tile server in the tests); the alert's
 * circle is drawn on that map; a radius over 150 km is questioned before anything is sent. Screenshots, desktop and
 * phone, in target/screenshots/.
 */
class MapBrowserEndToEndTests {

    @BeforeAll
    static void startTheStack() throws Exception {
        Stack.up();
    }

    @Test
    void theLastSeenPlaceIsFoundByPostalCodeOrByAClickOnTheMap() throws Exception {
        try (Browser alice = Browser.open("en-GB,en")) {
            alice.signIn("alice").go("/cases/new");
            WebElement map = alice.find(By.id("place-map"));
            // the base layer shipped with the gateway: Belgium's border, drawn without any tile server
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(alice.findAll(By.cssSelector("#place-map .leaflet-overlay-pane path, #place-map canvas"))).isNotEmpty());
            assertThat(alice.findAll(By.cssSelector("#place-map img.leaflet-tile"))).isEmpty();

            alice.type(By.id("place-search"), "1050").click(By.id("place-search-button"));
            alice.click(By.cssSelector("#place-results button.place-choice"));
            double latitude = Double.parseDouble(alice.find(By.id("lastSeen-latitude")).getAttribute("value"));
            double longitude = Double.parseDouble(alice.find(By.id("lastSeen-longitude")).getAttribute("value"));
            assertThat(latitude).isBetween(50.80, 50.85);
            assertThat(longitude).isBetween(4.34, 4.40);
            assertThat(alice.find(By.id("lastSeen-place")).getAttribute("value")).contains("1050");
            alice.evidence("map-place-found-desktop");

            new Actions(alice.driver()).moveToElement(map, 40, 30).click().perform();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                    Double.parseDouble(alice.find(By.id("lastSeen-latitude")).getAttribute("value"))).isNotEqualTo(latitude));
            alice.size(Browser.PHONE);
            alice.evidence("map-place-picker-phone");
        }
    }

    @Test
    void theAlertsCircleIsOnTheMapAndARadiusOver150KmIsQuestioned() throws Exception {
        Api alice = Api.as("alice");
        String caseId = Scenarios.openCase(alice, "Map-" + System.nanoTime(), Scenarios.BRUSSELS_LAT,
                Scenarios.BRUSSELS_LON, "Brussels-Central station");
        try (Browser browser = Browser.open("en-GB,en")) {
            browser.signIn("alice").go("/cases/" + caseId + "/escalation");
            assertThat(browser.findAll(By.cssSelector("#radius-warning.hidden"))).isNotEmpty();
            browser.type(By.id("radiusKm"), "400");
            assertThat(browser.find(By.id("radius-warning")).getText()).contains("150 km");
            for (String criterion : new String[] {"underEighteen", "lifeInDanger"}) {
                browser.click(By.cssSelector("label[for='criteria-" + criterion + "']"));
            }
            browser.follow(By.id("submit-escalation"));
            // nothing was sent: the form asks whether 400 km is meant
            assertThat(browser.currentPath()).isEqualTo("/cases/" + caseId + "/escalation");
            assertThat(browser.text(By.id("wide-radius-question"))).contains("400 km");
            assertThat(Api.as("alice").get("/api/cases/" + caseId + "/escalations").body().strip()).isEqualTo("[]");
            browser.evidence("map-radius-questioned-desktop");

            browser.type(By.id("radiusKm"), "10").follow(By.id("submit-escalation"));
            String link = browser.find(By.cssSelector("#escalations a")).getAttribute("href");
            // alert-service makes the alert from case-service's event a moment later
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                browser.go(link.substring(link.indexOf("/alerts/")));
                assertThat(browser.findAll(By.id("area-leaflet"))).isNotEmpty();
            });
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(browser.findAll(By.cssSelector("#area-leaflet .leaflet-overlay-pane path, #area-leaflet canvas"))).isNotEmpty());
            assertThat(browser.find(By.id("area-leaflet")).getAttribute("data-radius-km")).isEqualTo("10");
            browser.evidence("map-alert-circle-desktop");
            browser.size(Browser.PHONE);
            browser.evidence("map-alert-circle-phone");
        }
    }
}
