package org.childalert.notifications.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.childalert.events.AlertCancelled;
import org.childalert.notifications.FakeProviders;
import org.childalert.notifications.NotificationServiceTest;
import org.childalert.notifications.fanout.AlertNotices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault suite's database cut (docs/reliability.md, run 2, finding 2): an SMS handed to Twilio whose outcome
 * could not be written for longer than the sending lease. The instance still holds it, so it must not be given
 * back to the queue as if abandoned: given back, it was withdrawn by the cancellation that followed (its
 * recipient, who had the alert, was never told the child was found) or claimed and sent a second time.
 */
@NotificationServiceTest
class InHandDeliveriesIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeliveryDispatcher dispatcher;

    @Autowired
    AlertNotices alertNotices;

    @Autowired
    TransactionTemplate transactions;

    private StubMapping slowTwilio;

    @AfterEach
    void removeTheTwilioAnswer() {
        if (slowTwilio != null) {
            FakeProviders.twilio().removeStub(slowTwilio);
        }
    }

    @Test
    void aDeliveryInHandPastItsLeaseIsNotGivenBackAndItsRecipientIsToldTheChildWasFound() {
        QueuedDeliveries queued = new QueuedDeliveries(jdbc);
        String phone = QueuedDeliveries.randomMobile("+32497");
        // Twilio takes the message, but only after 4 s: meanwhile the outcome cannot be recorded, as during a cut
        slowTwilio = FakeProviders.twilio().stubFor(QueuedDeliveries.twilioAnswer(equalTo(phone), aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json").withFixedDelay(4000)
                .withBody("""
                        {"sid": "SM%s", "to": "%s", "status": "queued", "num_segments": "1"}
                        """.formatted(UUID.randomUUID().toString().replace("-", ""), phone))));
        UUID alertId = queued.alert("Red coat.");
        UUID volunteer = queued.volunteer(phone, "found-" + UUID.randomUUID() + "@example.org", false);
        UUID delivery = queued.sms(alertId, volunteer, phone);
        dispatcher.dispatchSoon();
        await().atMost(Duration.ofSeconds(10)).until(() -> twilioRequestsTo(phone) == 1);

        // the outage lasted longer than the lease; then the database is back, the poll runs, the alert is cancelled
        jdbc.sql("update delivery set updated_at = now() - interval '1 hour' where id = :id").param("id", delivery).update();
        dispatcher.poll();
        transactions.executeWithoutResult(status -> alertNotices.on(new AlertCancelled(UUID.randomUUID(), Instant.now(),
                alertId, UUID.randomUUID(), "FOUND_SAFE", null)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(queued.state(delivery)).isEqualTo("ACCEPTED");
            assertThat(jdbc.sql("""
                    select state from delivery where alert_id = :alertId and recipient_id = :volunteer and notice = 'FOUND'
                    """).param("alertId", alertId).param("volunteer", volunteer).query(String.class).optional())
                    .contains("ACCEPTED");
        });
        assertThat(queued.attempts(delivery)).isEqualTo(1);
        assertThat(twilioRequestsTo(phone)).as("the alert once, then the found notice").isEqualTo(2);
    }

    private static int twilioRequestsTo(String phone) {
        return FakeProviders.twilio().countRequestsMatching(postRequestedFor(urlEqualTo(FakeProviders.MESSAGES_PATH))
                .withFormParam("To", equalTo(phone)).build()).getCount();
    }
}
