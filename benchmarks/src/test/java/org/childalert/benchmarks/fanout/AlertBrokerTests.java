package org.childalert.benchmarks.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AlertBrokerTests {

    /** The contract's own golden sample: what the alert-service publishes, and notification-service reads. */
    private static final Path GOLDEN = Path.of("../events/src/test/resources/events/alerts.AlertIssued.v1.json");

    @Test
    void theAlertIsTheGoldenSampleWithThisRunsIdsAndTimes() throws Exception {
        String golden = AlertBroker.readGoldenSample(GOLDEN);
        UUID eventId = UUID.randomUUID();
        UUID alertId = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        Instant approval = Instant.parse("2026-11-28T14:00:00.123Z");

        String json = AlertBroker.alertIssuedJson(golden, eventId, alertId, caseId, approval);

        assertThat(json)
                .contains("\"eventId\": \"" + eventId + "\"")
                .contains("\"alertId\": \"" + alertId + "\"")
                .contains("\"caseId\": \"" + caseId + "\"")
                .contains("\"occurredAt\": \"2026-11-28T14:00:00.123Z\"")
                .contains("\"expiresAt\": \"2026-11-28T20:00:00.123Z\"")
                .contains("\"level\": \"TARGETED\"")
                .contains("\"childFirstName\": \"Lina\"")
                .doesNotContain("2b1f0b1e-6a43-4b8e-9a57-1f1f6e0a0003", "a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f601");
    }

    @Test
    void recipientsAreSeededAroundTheGoldenSamplesArea() throws Exception {
        AlertBroker.Area area = AlertBroker.areaOf(AlertBroker.readGoldenSample(GOLDEN));

        assertThat(area).isEqualTo(new AlertBroker.Area(50.8603, 4.362, 10.0));
    }
}
