package org.childalert.e2e;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15, "police zone 5339 (bob and dave) saw 'No alert is running' while two alerts covered Brussels". The list
 * came from alert-service's alerts for the zone, which holds only the alerts notification-service reported as having
 * reached it; notification-service reports a zone only when it knows the zone and one of its contacts is on duty
 * (a fresh stack knows no zone). The page said "no alert is running" all the same. Now an officer sees every running
 * alert: those that reached the zone to acknowledge, the others with why they did not, and never "no alert is
 * running" while one runs; on a phone, the rows stack instead of scrolling sideways. Screenshots in
 * target/screenshots/.
 */
class PoliceZoneAlertsBrowserEndToEndTests {

    @BeforeAll
    static void startTheStack() throws Exception {
        Stack.up();
    }

    @Test
    void anOfficerSeesTheAlertRunningOverBrusselsWhetherOrNotItReachedTheirZone() throws Exception {
        String alertId = Scenarios.activeAlert(Api.as("alice"), Api.as("bob"), Scenarios.BRUSSELS_LAT,
                Scenarios.BRUSSELS_LON, "Brussels-Central station", 5);
        try (Browser dave = Browser.open("nl-BE,nl")) {
            dave.signIn("dave").go("/active-alerts");
            String page = dave.bodyText();
            assertThat(page).doesNotContain("Er loopt geen alert");
            boolean reachedTheZone = !dave.findAll(By.id("active-" + alertId + "-" + PoliceZone5339.CODE)).isEmpty();
            if (!reachedTheZone) {
                // the stack knows no zone 5339 with a contact on duty: the alert is listed with the reason
                assertThat(dave.text(By.id("running-" + alertId))).contains("Brussels-Central station");
                assertThat(dave.text(By.id("other-alerts-why"))).contains("5339");
            }
            dave.evidence("police-zone-alerts-desktop-nl");

            dave.size(Browser.PHONE).go("/active-alerts");
            Object sideways = dave.script("""
                    return document.documentElement.scrollWidth > document.documentElement.clientWidth
                        || [...document.querySelectorAll('main table')].some(t => t.parentElement.scrollWidth > t.parentElement.clientWidth + 1);
                    """);
            assertThat(sideways).as("a table scrolls sideways on a phone").isEqualTo(false);
            dave.evidence("police-zone-alerts-phone-nl");
        }
    }

    /**
     * Issue 15, "the approvals and zone pages update live": dave's open zone page shows a new alert reaching zone
     * 5339, bob's acknowledgement, and the alert's end, each without a reload (the page is marked when opened; the
     * mark still being there proves no reload happened).
     */
    @Test
    void theOpenZonePageShowsANewAlertItsAcknowledgementAndItsEndWithoutAReload() throws Exception {
        PoliceZone5339.contactOnDuty(Api.as("admin"));
        Api alice = Api.as("alice");
        try (Browser dave = Browser.open("nl-BE,nl")) {
            dave.signIn("dave").go("/active-alerts").markThePage();

            String alertId = Scenarios.activeAlert(alice, Api.as("bob"), Scenarios.BRUSSELS_LAT,
                    Scenarios.BRUSSELS_LON, "Brussels-Central station", 3);
            By zoneRow = By.id("active-" + alertId + "-" + PoliceZone5339.CODE);
            live().untilAsserted(() -> assertThat(dave.text(zoneRow)).contains("Brussels-Central station", "Wacht"));
            assertThat(dave.findAll(By.id("acknowledge-" + alertId + "-" + PoliceZone5339.CODE))).isNotEmpty();
            assertThat(dave.stillTheSamePage()).as("the zone page was reloaded").isTrue();
            dave.evidence("police-zone-live-new-alert-desktop-nl");

            Api.Response acknowledged = Api.as("bob").post("/api/alerts/" + alertId + "/acknowledgements",
                    "{\"zoneId\":\"" + PoliceZone5339.CODE + "\"}");
            assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
            live().untilAsserted(() -> assertThat(dave.text(zoneRow)).contains("Bevestigd", "bob"));
            assertThat(dave.findAll(By.id("acknowledge-" + alertId + "-" + PoliceZone5339.CODE))).isEmpty();
            dave.size(Browser.PHONE);
            dave.evidence("police-zone-live-acknowledged-phone-nl");

            Api.Response ended = alice.post("/api/alerts/" + alertId + "/cancellation", "{\"reason\":\"FOUND_SAFE\"}");
            assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
            live().untilAsserted(() -> assertThat(dave.findAll(zoneRow)).isEmpty());
            assertThat(dave.stillTheSamePage()).as("the zone page was reloaded").isTrue();
        }
    }

    /** What a live page shows: parts of it are replaced as they change (an element read as it goes is stale). */
    private static org.awaitility.core.ConditionFactory live() {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .ignoreException(StaleElementReferenceException.class)
                .ignoreException(AssertionError.class)
                .ignoreException(org.openqa.selenium.NoSuchElementException.class)
                .ignoreException(org.openqa.selenium.TimeoutException.class);
    }
}
