package org.childalert.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

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
        assertThat(update.status()).as(update.toString()).isBetween(200, 299);

        Api.Response shown = alice.get("/api/alerts/" + alertId);
        assertThat(shown.json().get("notice").get("description").asText()).as("the description recipients read")
                .isEqualTo(approvedDescription);
        assertThat(shown.body().toLowerCase(Locale.ROOT)).as("the alert shows a pending change").contains("pending");
        assertThat(shown.body()).contains(rewritten);
        Thread.sleep(5000);
        assertThat(TwilioFake.messagesTo(phone)).as("SMS to a recipient before the change is approved").hasSize(1);

        // the police officer who approved the alert is not the requester of the change: dave approves it
        Api.Response approved = approveChange(Api.as("dave"), alertId, update, shown);
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
        Api.Response widened = alice.post("/api/alerts/" + alertId + "/widening", "{\"radiusKm\":400}");
        assertThat(widened.status()).as(widened.toString()).isBetween(200, 499);
        JsonNode alert = alice.get("/api/alerts/" + alertId).json();
        assertThat(alert.get("area").get("radiusKm").asDouble()).as("the radius recipients are chosen by")
                .isEqualTo(5.0);
    }

    /**
     * Approves the pending change with the approval operation the alerts' OpenAPI document offers for changes (a
     * POST under the alert whose path names an approval, other than the alert's and the extension's own).
     */
    private static Api.Response approveChange(Api police, String alertId, Api.Response update, Api.Response alert)
            throws Exception {
        JsonNode paths = Api.anonymous().get("/api-docs/alerts").json().get("paths");
        List<String> candidates = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            String template = path.getKey();
            if (path.getValue().has("post") && template.startsWith("/api/alerts/{") && template.contains("approv")
                    && !template.matches("/api/alerts/\\{[^}]+}/(extensions/)?approval")) {
                candidates.add(template);
            }
        }
        assertThat(candidates).as("an approval operation for pending changes in /api-docs/alerts").isNotEmpty();
        String template = candidates.get(0);
        String changeId = firstId(update.json(), alert.json());
        Matcher variables = PATH_VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        boolean first = true;
        while (variables.find()) {
            variables.appendReplacement(path, first ? alertId : changeId);
            first = false;
        }
        variables.appendTail(path);
        return police.post(path.toString(), "{}");
    }

    /** The id of the pending change: in the update's answer, else in the alert's pending change. */
    private static String firstId(JsonNode update, JsonNode alert) {
        for (String field : new String[] {"changeId", "id"}) {
            if (update.hasNonNull(field) && !update.get(field).asText().equals(alert.path("id").asText())) {
                return update.get(field).asText();
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = alert.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().toLowerCase(Locale.ROOT).contains("pending")) {
                JsonNode pending = field.getValue().isArray() && !field.getValue().isEmpty()
                        ? field.getValue().get(0) : field.getValue();
                if (pending.hasNonNull("id")) {
                    return pending.get("id").asText();
                }
            }
        }
        return alert.path("id").asText();
    }
}
