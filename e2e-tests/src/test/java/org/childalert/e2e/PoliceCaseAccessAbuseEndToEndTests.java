package org.childalert.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 4 (Medium): police read and searched cases that were never escalated to them (any case not OPEN),
 * with the reporter's phone number and the suspect.
 */
class PoliceCaseAccessAbuseEndToEndTests {

    @BeforeAll
    static void startTheStack() throws Exception {
        Stack.up();
    }

    @Test
    void policeCannotReadOrFindACaseThatWasResolvedWithoutEverBeingEscalated() throws Exception {
        Api alice = Api.as("alice");
        Api bob = Api.as("bob");
        String lastName = "Unescalated" + System.nanoTime();
        String caseId = Scenarios.openCase(alice, lastName, Scenarios.LIEGE_LAT, Scenarios.LIEGE_LON, "Liège");
        Api.Response resolved = alice.post("/api/cases/" + caseId + "/resolution", "{\"outcome\":\"RETURNED\"}");
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);

        Api.Response read = bob.get("/api/cases/" + caseId);
        assertThat(read.status()).as("police reading a case never escalated: " + read).isIn(403, 404);
        Api.Response timeline = bob.get("/api/cases/" + caseId + "/timeline");
        assertThat(timeline.status()).as(timeline.toString()).isIn(403, 404);
        Api.Response found = bob.get("/api/cases?name=" + URLEncoder.encode(lastName, StandardCharsets.UTF_8));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.body()).as("police search results").doesNotContain(caseId);
    }

    @Test
    void policeReadACaseOnceTheCoordinatorAsksForAnAlert() throws Exception {
        Api alice = Api.as("alice");
        Api bob = Api.as("bob");
        String lastName = "Escalated" + System.nanoTime();
        String caseId = Scenarios.openCase(alice, lastName, Scenarios.LIEGE_LAT, Scenarios.LIEGE_LON, "Liège");
        assertThat(bob.get("/api/cases/" + caseId).status()).isIn(403, 404);

        Scenarios.requestAlert(alice, caseId, 5);
        Api.Response read = bob.get("/api/cases/" + caseId);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        Api.Response found = bob.get("/api/cases?name=" + URLEncoder.encode(lastName, StandardCharsets.UTF_8));
        assertThat(found.body()).contains(caseId);
    }
}
