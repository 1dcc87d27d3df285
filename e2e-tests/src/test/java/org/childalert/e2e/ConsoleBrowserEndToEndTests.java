package org.childalert.e2e;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real browser (headless chromium), signed in through Keycloak's own login page, against
 * the whole stack: a coordinator opens cases and asks for alerts, one officer rejects an escalation with a
 * reason, another approves one, the coordinator watches the deliveries arrive on the open page and ends the
 * alert when the child is found; a volunteer signs up and widens their radius. Every main page is saved as a
 * screenshot in docs/screenshots/, and the alert's way from request to "found" as the frames of the README's
 * animated image (target/recording/, assembled by bin/console-recording).
 */
class ConsoleBrowserEndToEndTests {

    /** Brussels-North station. */
    private static final double LAT = 50.8603;
    private static final double LON = 4.3620;
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    /** The volunteer near the station, who answers the alert's SMS. */
    private static String volunteerPhone;

    @BeforeAll
    static void startTheStackWithSomeoneToReach() throws Exception {
        Stack.up();
        // a police zone and a volunteer around the station (registered by an administrator who attests their
        // channels), so that an approved alert has recipients
        Api admin = Api.as("admin");
        Api.Response police = admin.post("/api/police-contacts", """
                {"name":"Dispatch Brussels North","unit":"Zone 5344 Polbru","phone":"%s",
                 "email":"console-north-%d@police.example","language":"nl","channels":["SMS","EMAIL"],
                 "zone":{"latitude":50.866,"longitude":4.37,"radiusKm":8}}
                """.formatted(uniqueMobile(), System.nanoTime()));
        assertThat(police.status()).as(police.toString()).isEqualTo(201);
        PoliceZone5339.contactOnDuty(admin);
        volunteerPhone = uniqueMobile();
        Api.Response volunteer = admin.post("/api/volunteers", """
                {"name":"Console Volunteer","phone":"%s","email":"console-%d@volunteer.example","language":"fr",
                 "channels":["SMS","EMAIL"],"home":{"latitude":%s,"longitude":%s},"radiusKm":5,"consent":true,
                 "verifiedBy":"admin"}
                """.formatted(volunteerPhone, System.nanoTime(), LAT + 0.01, LON));
        assertThat(volunteer.status()).as(volunteer.toString()).isEqualTo(201);
    }

    @Test
    void coordinatorAndPoliceTakeAnAlertFromRequestToFoundThroughTheConsole() throws Exception {
        String rejectedCase;
        String rejectedAlert;
        String approvedAlert;
        Browser.startRecording();
        try (Browser alice = Browser.open("en-GB,en")) {
            alice.signIn("alice");
            alice.screenshot("01-start");

            rejectedCase = openCase(alice, "Sami");
            rejectedAlert = requestAlert(alice, rejectedCase, false);
            String approvedCase = openCase(alice, "Lina");
            approvedAlert = requestAlert(alice, approvedCase, true);
            alice.screenshot("05-case");
            alice.frame("case-escalation-requested");
            alice.go("/cases?status=ESCALATION_REQUESTED");
            assertThat(alice.text(By.id("case-list"))).contains("Lina", "Sami");
            alice.screenshot("02-cases");
        }

        // the coordinator has a photo of Sami on file: the officer deciding sees it on the card
        Api.Response photo = Api.as("alice").putImage("/api/cases/" + rejectedCase + "/photo", aPng(), "image/png");
        assertThat(photo.status()).as(photo.toString()).isBetween(200, 299);

        try (Browser bob = Browser.open("fr-BE,fr")) {
            bob.signIn("bob");
            awaitWaitingForDecision(bob, rejectedAlert);
            assertThat(bob.language()).isEqualTo("fr");
            // the card: the alert's circle on the map, the child's photo (served by the console), a link to the case
            String map = "#approval-map-" + rejectedAlert;
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    bob.findAll(By.cssSelector(map + " .leaflet-overlay-pane path, " + map + " canvas"))).isNotEmpty());
            assertThat(bob.find(By.cssSelector(map)).getAttribute("data-radius-km")).isEqualTo("10");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(bob.script(
                    "return document.getElementById('approval-photo-" + rejectedAlert + "').naturalWidth"))
                    .isEqualTo(4L));
            assertThat(bob.find(By.id("approval-photo-" + rejectedAlert)).getAttribute("src"))
                    .endsWith("/cases/" + rejectedCase + "/photo");
            bob.screenshot("06-approvals");
            bob.follow(By.id("approval-case-" + rejectedAlert));
            assertThat(bob.currentPath()).isEqualTo("/cases/" + rejectedCase);
            assertThat(bob.text(By.id("case-title"))).startsWith("Sami");
            assertThat(bob.findAll(By.id("case-photo"))).isNotEmpty();
            // police read the case; acting on it stays the coordinator's
            assertThat(bob.findAll(By.cssSelector("#timeline-form, #resolve-form, #request-escalation"))).isEmpty();
            bob.go("/approvals");
            bob.type(By.id("reason-" + rejectedAlert), "L'enfant a été vu avec sa mère, pas de danger immédiat.");
            bob.follow(By.id("reject-" + rejectedAlert));
            assertThat(bob.text(By.cssSelector(".notice"))).contains("Refusée");
            assertThat(bob.findAll(By.id("approval-" + rejectedAlert))).isEmpty();
        }

        try (Browser alice = Browser.open("en-GB,en"); Browser dave = Browser.open("nl-BE,nl")) {
            alice.signIn("alice").go("/alerts/" + approvedAlert);
            assertThat(alice.text(By.id("alert-status"))).isEqualTo("Waiting for police approval");
            assertThat(alice.text(By.id("delivery-progress"))).contains("No messages yet");

            alice.frame("alert-waiting-for-police");

            dave.signIn("dave");
            awaitWaitingForDecision(dave, approvedAlert);
            dave.frame("police-approvals");
            dave.follow(By.id("approve-" + approvedAlert));
            // approving sends the alert at once: the console asks again on a page of its own (no script needed)
            assertThat(dave.text(By.id("confirm-question"))).contains("Lina");
            dave.frame("police-confirms-approval");
            dave.follow(By.id("confirm-action"));
            assertThat(dave.text(By.cssSelector(".notice"))).contains("Goedgekeurd");
            // the alert reaches dave's police zone (5339) once its contacts are sent it: his list shows it then
            String zoneRow = "active-" + approvedAlert + "-" + PoliceZone5339.CODE;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                dave.go("/active-alerts");
                assertThat(dave.findAll(By.id(zoneRow))).isNotEmpty();
            });
            assertThat(dave.text(By.id("active-alerts"))).contains("Lina");
            dave.screenshot("08-active-alerts");
            dave.frame("police-zone-reached");
            dave.follow(By.id("acknowledge-" + approvedAlert + "-" + PoliceZone5339.CODE));
            assertThat(dave.text(By.cssSelector(".notice"))).contains("Bevestigd");
            assertThat(dave.text(By.id(zoneRow))).contains("Bevestigd");

            // the coordinator's page, left open, shows the messages going out (pushed by server-sent events, which
            // replace parts of the page: an element read just as it is replaced is stale, and read again)
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(alice.findAll(By.id("deliveries-summary"))).isNotEmpty());
            live().untilAsserted(() -> {
                String summary = alice.driver().findElement(By.id("deliveries-summary")).getText();
                assertThat(summary).matches("\\d+ of \\d+ messages accepted by the provider \\(\\d+%\\)");
                // at least the police zone and the volunteer near the station, by SMS and email
                assertThat(Integer.parseInt(summary.substring(0, summary.indexOf(' ')))).isGreaterThanOrEqualTo(4);
            });
            live().untilAsserted(() -> assertThat(alice.text(By.id("counts-by-channel"))).contains("SMS"));
            alice.frame("alert-live-deliveries");

            // the volunteer answers the SMS; the reply appears on the open page with a number to call back
            Api.Response answer = TwilioWebhooks.incomingSms(volunteerPhone, "VU");
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            live().untilAsserted(() ->
                    assertThat(alice.findAll(By.cssSelector("#reply-list a[href='tel:" + volunteerPhone + "']")))
                            .isNotEmpty());
            // the README's picture of the deliveries: since the actions come first, they are below the alert's facts
            alice.scrollTo(By.id("deliveries-heading")).screenshot("07-alert-deliveries");
            alice.frame("alert-reply-received");
            // on a desktop the alert's facts keep a readable column beside the deliveries' tables (they once shrank
            // to one character per line as soon as deliveries arrived)
            assertThat(alice.find(By.id("alert-facts")).getSize().getWidth()).isGreaterThanOrEqualTo(250);
            // the counts tables once scrolled sideways even at 1366 px, cutting columns, and the message cards on a
            // phone (issue 15 review, findings 3 and 5); what the coordinator acts on comes before the messages (2)
            nothingScrollsSideways(alice, "alert");
            assertThat(alice.find(By.id("messages")).getLocation().getY())
                    .isGreaterThan(alice.find(By.id("replies")).getLocation().getY());
            alice.refresh();
            assertThat(alice.text(By.id("alert-status"))).isEqualTo("Active");

            alice.follow(By.id("cancel-alert"));
            assertThat(alice.findAll(By.id("confirm-action"))).isNotEmpty();
            alice.frame("coordinator-confirms-found");
            alice.follow(By.id("confirm-action"));
            assertThat(alice.text(By.id("alert-status"))).isEqualTo("Ended");
            assertThat(alice.text(By.id("cancellation-reason"))).isEqualTo("Child found safe");
            live().untilAsserted(() ->
                    assertThat(alice.driver().findElement(By.id("delivery-list")).getText()).contains("Found"));
            alice.frame("alert-ended-found");

            alice.go("/alerts/" + rejectedAlert);
            assertThat(alice.text(By.id("alert-status"))).isEqualTo("Rejected by police");
        }
    }

    @Test
    void volunteerSignsUpInTheirLanguageAndWidensTheirRadius() throws Exception {
        try (Browser carol = Browser.open("nl-BE,nl")) {
            carol.signIn("carol").go("/volunteer");
            assertThat(carol.language()).isEqualTo("nl");
            if (!carol.findAll(By.id("sign-up-form")).isEmpty()) {
                carol.type(By.id("name"), "Carol Janssens")
                        .type(By.id("phone"), uniqueMobile())
                        .type(By.id("email"), "carol-" + System.nanoTime() + "@volunteer.example")
                        .type(By.id("home-postalCode"), "1000")
                        .type(By.id("radiusKm"), "10")
                        .click(By.cssSelector("label[for='consent']"));
                carol.screenshot("09-volunteer-sign-up");
                carol.follow(By.id("sign-up"));
                assertThat(carol.text(By.cssSelector(".notice"))).contains("Welkom");
            }
            WebElement radius = carol.find(By.id("radiusKm"));
            String wider = Double.parseDouble(radius.getAttribute("value")) == 25.0 ? "30" : "25";
            carol.type(By.id("radiusKm"), wider).follow(By.id("save-preferences"));

            assertThat(carol.text(By.cssSelector(".notice"))).isEqualTo("Uw voorkeuren zijn bewaard.");
            assertThat(Double.parseDouble(carol.find(By.id("radiusKm")).getAttribute("value")))
                    .isEqualTo(Double.parseDouble(wider));
            // the area's circle on the home's Leaflet map; the sketch it replaces (for pages without script) says the same
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(carol.find(By.id("home-map")).getAttribute("data-radius-km")).isEqualTo(wider));
            assertThat(carol.findAll(By.cssSelector("#home-sketch svg")).get(0).getAttribute("aria-label")).contains(wider + " km");
            carol.screenshot("10-volunteer-profile");
            carol.screenshot("11-volunteer-profile-phone", Browser.PHONE);
        }
    }

    /** Fills in the new-case form for a child seen an hour ago at the station; returns the case's id. */
    private static String openCase(Browser alice, String firstName) throws Exception {
        alice.follow(By.id("nav-new-case"));
        String lastSeen = LocalDateTime.now(BRUSSELS).minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString();
        alice.type(By.id("child-firstName"), firstName)
                .type(By.id("child-lastName"), "Console-" + System.nanoTime())
                .setValue(By.id("child-dateOfBirth"), "2014-05-01")
                .setValue(By.id("lastSeen-at"), lastSeen)
                .type(By.id("lastSeen-place"), "Brussels-North station")
                .type(By.id("lastSeen-latitude"), String.valueOf(LAT))
                .type(By.id("lastSeen-longitude"), String.valueOf(LON))
                .type(By.id("description"), "Red jacket, blue backpack, 1m40");
        new org.openqa.selenium.support.ui.Select(alice.find(By.id("category"))).selectByValue("CRIMINAL_ABDUCTION");
        if ("Lina".equals(firstName)) {
            alice.screenshot("03-new-case");
            alice.frame("new-case");
        }
        alice.follow(By.id("open-case"));
        assertThat(alice.text(By.id("case-status"))).as(alice::bodyText).isEqualTo("Open");
        return alice.currentPath().substring("/cases/".length());
    }

    /**
     * Asks for a targeted alert of 10 km with every criterion met; returns the alert's id. A recorded request is a
     * frame of the README's animated image.
     */
    private static String requestAlert(Browser alice, String caseId, boolean recorded) throws Exception {
        alice.follow(By.id("request-escalation"));
        alice.click(By.cssSelector("label[for='level-TARGETED']"));
        alice.type(By.id("radiusKm"), "10");
        for (String criterion : new String[] {"underEighteen", "lifeInDanger", "likelyInCountry", "enoughInformation"}) {
            alice.click(By.cssSelector("label[for='criteria-" + criterion + "']"));
        }
        // before police are asked: what the alert would reach, per channel and language, and each language's
        // messages as they will read, with the SMS's segments (notification-service's estimate, live as the form changes)
        live().untilAsserted(() -> {
            assertThat(alice.text(By.id("reach-total"))).containsPattern("[1-9]");
            // each language's messages fold open under a summary that gives the SMS's segments and encoding
            assertThat(alice.text(By.cssSelector("#reach-preview-nl summary"))).containsPattern("SMS: [1-9]");
        });
        alice.screenshot("04-escalation");
        if (recorded) {
            alice.frame("escalation-request");
            // the reach table once scrolled sideways on a phone, its languages off screen (issue 15 review, finding 4)
            nothingScrollsSideways(alice, "escalation");
        }
        alice.follow(By.id("submit-escalation"));
        // back on the case, whose list of alerts links to the new one
        String link = alice.find(By.cssSelector("#escalations a")).getAttribute("href");
        assertThat(alice.currentPath()).isEqualTo("/cases/" + caseId);
        return link.substring(link.lastIndexOf('/') + 1);
    }

    /** The review's desktop (issue 15). */
    private static final org.openqa.selenium.Dimension WIDE_DESKTOP = new org.openqa.selenium.Dimension(1366, 900);

    /**
     * Neither the page nor anything in it (a table in its scrolling box) scrolls sideways, on a desktop or on a
     * phone; the window is a desktop's again afterwards.
     */
    private static void nothingScrollsSideways(Browser browser, String page) throws Exception {
        for (org.openqa.selenium.Dimension size : java.util.List.of(Browser.PHONE, WIDE_DESKTOP)) {
            browser.size(size);
            Object wide = browser.script("""
                    const wide = [...document.querySelectorAll('main *')].filter(e => !e.closest('.leaflet-container'))
                        .filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
                        .filter(e => e.scrollWidth > e.clientWidth + 1)
                        .map(e => (e.id || e.className) + ' ' + e.scrollWidth + '>' + e.clientWidth);
                    if (document.documentElement.scrollWidth > document.documentElement.clientWidth) wide.push('page');
                    return wide.join(', ');""");
            // and no word in a table or the facts is broken in its middle ("En atte|nte"), addresses aside
            Object broken = browser.script("""
                    const broken = [];
                    for (const cell of document.querySelectorAll('main td, main th, main .facts dd')) {
                        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                        for (let node; (node = walker.nextNode());) {
                            if (node.parentElement.closest('.address')) continue;
                            for (const word of node.textContent.matchAll(/[^\\s\\-\\u2010\\u00b7\\/]{2,}/g)) {
                                const range = document.createRange();
                                range.setStart(node, word.index);
                                range.setEnd(node, word.index + word[0].length);
                                const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                                if (tops.size > 1) broken.push(word[0]);
                            }
                        }
                    }
                    return broken.join(', ');""");
            if (size == Browser.PHONE) {
                browser.evidence(page + "-phone");
            }
            assertThat(wide).as(page + " at " + size.getWidth() + " px scrolls sideways").isEqualTo("");
            assertThat(broken).as(page + " at " + size.getWidth() + " px breaks words").isEqualTo("");
        }
        browser.size(Browser.DESKTOP);
    }

    /** Waiting for what the live alert page shows: parts of it are replaced as events arrive. */
    private static org.awaitility.core.ConditionFactory live() {
        return await().atMost(Duration.ofSeconds(60)).ignoreException(StaleElementReferenceException.class);
    }

    /** The escalation reaches alert-service through an event: reload the approvals until it is listed. */
    private static void awaitWaitingForDecision(Browser officer, String alertId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            officer.go("/approvals");
            assertThat(officer.findAll(By.id("approval-" + alertId))).isNotEmpty();
        });
    }

    /** A 4 × 4 PNG, as a coordinator would upload a photo. */
    private static byte[] aPng() throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xa4161a);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    private static String uniqueMobile() {
        return "+32470" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }
}
