package org.childalert.e2e;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, "a case page has no way to add a note, call or sighting to the timeline": a coordinator writes them on
 * the case page, on a desktop and on a phone, and a refused entry says why beside its field (tied to it for screen
 * readers, the summary of errors taking the focus, in words rather than "must not be blank"). Screenshots in
 * target/screenshots/.
 */
class CaseTimelineBrowserEndToEndTests {

    @BeforeAll
    static void startTheStack() throws Exception {
        Stack.up();
    }

    @Test
    void coordinatorAddsACallAndASightingToTheTimelineOnADesktopAndOnAPhone() throws Exception {
        String caseId = openCase("Noor");
        try (Browser alice = Browser.open("en-GB,en")) {
            alice.signIn("alice").go("/cases/" + caseId);

            alice.click(By.cssSelector("label[for='entry-kind-CALL']"))
                    .type(By.id("entry-summary"), "The mother called: Noor phoned her from a friend's flat.")
                    .follow(By.id("add-to-timeline"));
            assertThat(alice.text(By.cssSelector(".notice"))).isEqualTo("The call is on the timeline.");
            assertThat(alice.text(By.id("timeline")))
                    .contains("Call", "The mother called: Noor phoned her from a friend's flat.", "alice");
            alice.evidence("timeline-call-desktop");

            alice.size(Browser.PHONE).go("/cases/" + caseId);
            alice.click(By.cssSelector("label[for='entry-kind-SIGHTING']"))
                    .type(By.id("entry-summary"), "Seen at the tram stop Rogier at 17:10, grey hoodie.")
                    .follow(By.id("add-to-timeline"));
            assertThat(alice.text(By.cssSelector(".notice"))).isEqualTo("The sighting is on the timeline.");
            assertThat(alice.text(By.id("timeline"))).contains("Sighting", "Seen at the tram stop Rogier at 17:10");
            alice.evidence("timeline-sighting-phone");
        }
    }

    @Test
    void aRefusedEntrySaysWhyBesideItsFieldInWordsAndTakesTheFocus() throws Exception {
        String caseId = openCase("Ilias");
        try (Browser alice = Browser.open("nl-BE,nl")) {
            alice.signIn("alice").go("/cases/" + caseId);
            alice.follow(By.id("add-to-timeline")); // nothing written

            assertThat(alice.text(By.id("error-summary"))).isEqualTo("Vul dit in.");
            assertThat(alice.find(By.id("entry-summary")).getAttribute("aria-describedby")).contains("error-summary");
            assertThat(alice.find(By.id("entry-summary")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(alice.focusedId()).isEqualTo("form-errors");
            assertThat(alice.bodyText()).doesNotContain("must not be blank");
            alice.evidence("timeline-refused-desktop-nl");
            alice.size(Browser.PHONE);
            alice.evidence("timeline-refused-phone-nl");
        }
    }

    private static String openCase(String firstName) throws Exception {
        Api.Response opened = Api.as("alice").post("/api/cases", """
                {"child":{"firstName":"%s","lastName":"Timeline-%d","dateOfBirth":"2013-09-14"},
                 "category":"RUNAWAY",
                 "lastSeen":{"at":"%s","latitude":50.8453,"longitude":4.3571,"place":"Brussels-Central station"},
                 "description":"Grey hoodie, black trainers"}
                """.formatted(firstName, System.nanoTime(), Instant.now().minus(2, ChronoUnit.HOURS)));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.text("id");
    }
}
