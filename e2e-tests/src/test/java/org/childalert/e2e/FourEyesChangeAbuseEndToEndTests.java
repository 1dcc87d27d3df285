package org.childalert.e2e;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finding 7 (Medium): after police approval, a coordinator alone could rewrite the description that everyone
 * reached is sent, and widen the area up to 500 km. A change of an approved alert must wait, pending and visible
 * as such, for a police officer other than its requester; recipients hear of it only then.
 */
class FourEyesChangeAbuseEndToEndTests {

    @BeforeAll
    static void startTheStack() throws Exception {
        Stack.up();
    }

    @Test
    void aNewDescriptionWaitsForASecondPoliceOfficerBeforeAnyoneReadsIt() throws Exception {
        Api admin = Api.as("admin");
        Api alice = Api.as("alice");
        Api bob = Api.as("bob");
        String phone = Scenarios.uniqueMobile();
        // a volunteer 1 km from the last-seen place near Namur, reached by the alert
        Scenarios.verifiedVolunteer(admin, phone, Scenarios.uniqueEmail("four-eyes"), 50.4770, 4.8700);
        String alertId = Scenarios.activeAlert(alice, bob, 50.4680, 4.8650, "Namur station", 5);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TwilioFake.messagesTo(phone)).hasSize(1));
        String approvedDescription = alice.get("/api/alerts/" + alertId).json().get("notice").get("description").asText();

        String rewritten = "Rewritten by the coordinator alone " + System.nanoTime();
        Api.Response update = alice.post("/api/alerts/" + alertId + "/updates",
                "{\"description\":\"" + rewritten + "\"}");
        assertThat(update.status()).as("the change is accepted for approval: " + update).isEqualTo(202);

        Api.Response shown = alice.get("/api/alerts/" + alertId);
        assertThat(shown.json().get("notice").get("description").asText()).as("the description recipients read")
                .isEqualTo(approvedDescription);
        assertThat(shown.body().toLowerCase(Locale.ROOT)).as("the alert shows a pending change").contains("pending");
        assertThat(shown.body()).contains(rewritten);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7)).untilAsserted(() ->
                assertThat(TwilioFake.messagesTo(phone)).as("SMS to a recipient before the change is approved").hasSize(1));

        // the coordinator who asked may not decide; another police officer (dave) approves it
        assertThat(alice.post("/api/alerts/" + alertId + "/changes/approval", "{}").status()).isEqualTo(403);
        Api.Response approved = Api.as("dave").post("/api/alerts/" + alertId + "/changes/approval", "{}");
        assertThat(approved.status()).as(approved.toString()).isBetween(200, 299);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(alice.get("/api/alerts/" + alertId).json().get("notice").get("description").asText())
                    .isEqualTo(rewritten);
            assertThat(TwilioFake.messagesTo(phone)).hasSize(2);
        });
    }

    @Test
    void widerThanTheApprovedAreaWaitsForPoliceApproval() throws Exception {
        Api alice = Api.as("alice");
        String alertId = Scenarios.activeAlert(alice, Api.as("bob"), Scenarios.LIEGE_LAT, Scenarios.LIEGE_LON,
                "Liège-Guillemins", 5);

        Api.Response tooWide = alice.post("/api/alerts/" + alertId + "/widening", "{\"radiusKm\":400}");
        assertThat(tooWide.status()).as("a manual widening past the bound: " + tooWide).isEqualTo(400);

        Api.Response widened = alice.post("/api/alerts/" + alertId + "/widening", "{\"radiusKm\":20}");
        assertThat(widened.status()).as(widened.toString()).isEqualTo(202);
        JsonNode alert = alice.get("/api/alerts/" + alertId).json();
        assertThat(alert.get("area").get("radiusKm").asDouble()).as("the radius recipients are chosen by")
                .isEqualTo(5.0);
        assertThat(alert.get("pendingChange").get("radiusKm").asDouble()).isEqualTo(20.0);

        Api.Response approved = Api.as("dave").post("/api/alerts/" + alertId + "/changes/approval", "{}");
        assertThat(approved.status()).as(approved.toString()).isBetween(200, 299);
        assertThat(alice.get("/api/alerts/" + alertId).json().get("area").get("radiusKm").asDouble()).isEqualTo(20.0);
    }
}
