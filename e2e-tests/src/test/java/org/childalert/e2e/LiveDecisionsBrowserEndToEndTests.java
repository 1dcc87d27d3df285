package org.childalert.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15, "the approvals page shows the request only after a reload" and "the alert's status badge is not live":
 * an officer's open approvals page lists a new request and drops a decided one by itself, and the coordinator's
 * open alert page shows approval, rejection and the end of the alert without a reload. Each page is marked when
 * opened; the mark still being there proves no reload happened. Screenshots in target/screenshots/.
 */
class LiveDecisionsBrowserEndToEndTests {

    @BeforeAll
    static void startTheStack() throws Exception {
        Stack.up();
    }

    @Test
    void theOpenApprovalsPageListsANewRequestAndDropsADecidedOneWithoutAReload() throws Exception {
        Api alice = Api.as("alice");
        try (Browser bob = Browser.open("fr-BE,fr")) {
            bob.signIn("bob").go("/approvals").markThePage();

            String alertId = Scenarios.requestAlert(alice, openCase(alice, "Yara"), 10);
            live().untilAsserted(() -> assertThat(bob.findAll(By.id("approval-" + alertId))).isNotEmpty());
            assertThat(bob.stillTheSamePage()).as("the approvals page was reloaded").isTrue();
            assertThat(bob.text(By.id("approval-" + alertId))).contains("Yara");
            bob.evidence("approvals-live-desktop-fr");
            bob.size(Browser.PHONE);
            bob.evidence("approvals-live-phone-fr");

            Api.Response approved = Api.as("dave").post("/api/alerts/" + alertId + "/approval", "{}");
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            live().untilAsserted(() -> assertThat(bob.findAll(By.id("approval-" + alertId))).isEmpty());
            assertThat(bob.stillTheSamePage()).as("the approvals page was reloaded").isTrue();
        }
    }

    @Test
    void theOpenAlertPageShowsApprovalAndEndAndAnotherOneItsRejectionWithoutAReload() throws Exception {
        Api alice = Api.as("alice");
        String approvedAlert = Scenarios.requestAlert(alice, openCase(alice, "Mila"), 10);
        String rejectedAlert = Scenarios.requestAlert(alice, openCase(alice, "Adam"), 10);
        try (Browser approvedPage = Browser.open("en-GB,en"); Browser rejectedPage = Browser.open("en-GB,en")) {
            approvedPage.signIn("alice").go("/alerts/" + approvedAlert).markThePage();
            rejectedPage.signIn("alice").go("/alerts/" + rejectedAlert).markThePage();
            assertThat(approvedPage.text(By.id("alert-status"))).isEqualTo("Waiting for police approval");

            Api.Response approved = Api.as("bob").post("/api/alerts/" + approvedAlert + "/approval", "{}");
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            live().untilAsserted(() -> assertThat(approvedPage.text(By.id("alert-status"))).isEqualTo("Active"));
            approvedPage.evidence("alert-badge-live-active-desktop");

            Api.Response rejected = Api.as("bob").post("/api/alerts/" + rejectedAlert + "/rejection",
                    "{\"reason\":\"Seen with her aunt, no immediate danger.\"}");
            assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
            live().untilAsserted(() ->
                    assertThat(rejectedPage.text(By.id("alert-status"))).isEqualTo("Rejected by police"));
            rejectedPage.size(Browser.PHONE);
            rejectedPage.evidence("alert-badge-live-rejected-phone");

            Api.Response ended = alice.post("/api/alerts/" + approvedAlert + "/cancellation", "{\"reason\":\"FOUND_SAFE\"}");
            assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
            live().untilAsserted(() -> assertThat(approvedPage.text(By.id("alert-status"))).isEqualTo("Ended"));
            approvedPage.evidence("alert-badge-live-ended-desktop");

            assertThat(approvedPage.stillTheSamePage()).as("the approved alert's page was reloaded").isTrue();
            assertThat(rejectedPage.stillTheSamePage()).as("the rejected alert's page was reloaded").isTrue();
        }
    }

    private static String openCase(Api coordinator, String firstName) throws Exception {
        Api.Response opened = coordinator.post("/api/cases", """
                {"child":{"firstName":"%s","lastName":"Live-%d","dateOfBirth":"2014-02-11"},
                 "category":"CRIMINAL_ABDUCTION",
                 "lastSeen":{"at":"%s","latitude":50.8453,"longitude":4.3571,"place":"Brussels-Central station"},
                 "description":"Yellow raincoat, pink backpack"}
                """.formatted(firstName, System.nanoTime(), Instant.now().minus(1, ChronoUnit.HOURS)));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.text("id");
    }

    /** What a live page shows: parts of it are replaced as events arrive (an element read as it goes is stale). */
    private static org.awaitility.core.ConditionFactory live() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .ignoreException(StaleElementReferenceException.class)
                .ignoreException(AssertionError.class);
    }
}
