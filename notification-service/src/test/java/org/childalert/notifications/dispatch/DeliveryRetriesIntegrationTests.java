package org.childalert.notifications.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.childalert.notifications.FakeProviders;
import org.childalert.notifications.NotificationServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deliveries that fail: a temporary failure is retried a bounded number of times (max-attempts 3 in tests),
 * a permanent one never, and neither holds up the deliveries queued after them.
 */
@NotificationServiceTest
class DeliveryRetriesIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    private final UUID alertId = UUID.randomUUID();
    private StubMapping refusal;

    @AfterEach
    void removeTheTwilioAnswer() {
        if (refusal != null) {
            FakeProviders.twilio().removeStub(refusal);
        }
    }

    @Test
    void deliveriesThatKeepFailingAreGivenUpAfterTheirLastAttemptWithoutHoldingUpNewOnes() {
        String unavailable = "+32498" + (100 + ThreadLocalRandom.current().nextInt(900)); // then 3 digits
        // throttled (429) rather than down (5xx): Twilio is up, so its circuit breaker stays closed
        refusal = FakeProviders.twilio().stubFor(twilioAnswer(matching(Pattern.quote(unavailable) + "\\d{3}"),
                429, 20429, "Too many requests"));
        notice();
        // more than one dispatcher batch (100) of older deliveries that Twilio keeps refusing for now
        List<UUID> failing = IntStream.range(0, 150)
                .mapToObj(i -> delivery(unavailable + "%03d".formatted(i), "1 hour"))
                .toList();
        UUID fresh = delivery(randomMobile(), "0 seconds");

        await().atMost(Duration.ofSeconds(20)).until(() -> "ACCEPTED".equals(state(fresh)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql("""
                        select count(*) from delivery
                        where id in (:ids) and state = 'FAILED' and attempts = 3 and error_code = '20429'
                        """).param("ids", failing).query(Long.class).single()).isEqualTo(failing.size()));
    }

    @Test
    void aTemporaryFailureIsRetriedUntilTheProviderTakesTheMessage() {
        String throttled = randomMobile();
        // Twilio throttles the first request (429, error 20429), then takes the message
        refusal = FakeProviders.twilio().stubFor(twilioAnswer(equalTo(throttled), 429, 20429, "Too many requests")
                .inScenario("throttled " + throttled)
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("taking messages again"));
        notice();
        UUID delivery = delivery(throttled, "0 seconds");

        await().atMost(Duration.ofSeconds(10)).until(() -> "ACCEPTED".equals(state(delivery)));
        assertThat(attempts(delivery)).isEqualTo(2);
    }

    @Test
    void aRecipientWhoTextedStopIsNeverTriedAgain() {
        String stopped = randomMobile();
        refusal = twilioAnswers(stopped, 400, 21610, "Attempt to send to unsubscribed recipient");
        notice();
        UUID delivery = delivery(stopped, "0 seconds");

        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(state(delivery)));
        assertThat(attempts(delivery)).isEqualTo(1);
        assertThat(jdbc.sql("select error_code from delivery where id = :id").param("id", delivery)
                .query(String.class).single()).isEqualTo("21610");
    }

    private static StubMapping twilioAnswers(String to, int status, int code, String message) {
        return FakeProviders.twilio().stubFor(twilioAnswer(equalTo(to), status, code, message));
    }

    private static MappingBuilder twilioAnswer(StringValuePattern to, int status, int code, String message) {
        return post(urlEqualTo(FakeProviders.MESSAGES_PATH))
                .atPriority(1)
                .withFormParam("To", to)
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}
                                """.formatted(code, message, code, status)));
    }

    private void notice() {
        jdbc.sql("""
                insert into alert_notice (alert_id, case_id, level, child_first_name, child_age, description, issued_at)
                values (:alertId, :caseId, 'TARGETED', 'Lena', 9, 'Green scarf.', now())
                """).param("alertId", alertId).param("caseId", UUID.randomUUID()).update();
    }

    /** A pending SMS queued {@code age} ago. */
    private UUID delivery(String phone, String age) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into delivery (id, alert_id, recipient_kind, recipient_id, channel, notice, address, language,
                                      created_at, next_attempt_at)
                values (:id, :alertId, 'VOLUNTEER', :recipientId, 'SMS', 'ISSUED', :phone, 'en',
                        now() - cast(:age as interval), now() - cast(:age as interval))
                """)
                .param("id", id).param("alertId", alertId).param("recipientId", UUID.randomUUID())
                .param("phone", phone).param("age", age).update();
        return id;
    }

    private String state(UUID delivery) {
        return jdbc.sql("select state from delivery where id = :id").param("id", delivery).query(String.class).single();
    }

    private int attempts(UUID delivery) {
        return jdbc.sql("select attempts from delivery where id = :id").param("id", delivery).query(Integer.class).single();
    }

    private static String randomMobile() {
        return "+32499" + (100000 + ThreadLocalRandom.current().nextInt(900000));
    }
}
