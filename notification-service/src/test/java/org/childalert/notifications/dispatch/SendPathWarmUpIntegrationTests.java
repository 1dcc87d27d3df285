package org.childalert.notifications.dispatch;

import java.util.Arrays;
import java.util.UUID;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import org.childalert.notifications.FakeProviders;
import org.childalert.notifications.NotificationServiceTest;
import org.childalert.notifications.sms.SmsThrottle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The start-up warm-up of the send path goes through the Twilio SDK, the throttle, the mail encoding and the SMTP
 * connection without reaching anybody or changing anything, and a provider that is unwell at start does not stop it.
 */
@NotificationServiceTest
class SendPathWarmUpIntegrationTests {

    /** The number the Twilio SDK's in-memory round trip is built for. */
    private static final String WARM_UP_NUMBER = "+32470000000";

    @Autowired
    SendPathWarmUp warmUp;

    @Autowired
    SmsThrottle throttle;

    @Autowired
    JdbcClient jdbc;

    @Test
    void warmingUpSendsNoSmsAndNoEmailButChecksTheTwilioAccount() {
        int accountChecks = FakeProviders.twilio().findAll(getRequestedFor(urlEqualTo(FakeProviders.ACCOUNT_PATH))).size();

        warmUp.run(null);

        assertThat(FakeProviders.twilio().findAll(getRequestedFor(urlEqualTo(FakeProviders.ACCOUNT_PATH))))
                .hasSize(accountChecks + 1);
        assertThat(FakeProviders.twilio().findAll(postRequestedFor(urlEqualTo(FakeProviders.MESSAGES_PATH))
                .withFormParam("To", equalTo(WARM_UP_NUMBER)))).isEmpty();
        assertThat(Arrays.stream(FakeProviders.smtp().getReceivedMessages()).filter(SendPathWarmUpIntegrationTests::toTheWarmUpAddress))
                .isEmpty();
    }

    @Test
    void theThrottlesWarmUpTakesNoSlot() {
        String sender = "+3246" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 10_000_000);

        throttle.warmUp(sender);

        assertThat(jdbc.sql("select count(*) from sms_send_slot where sender = :sender").param("sender", sender)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aTwilioThatRefusesOurCredentialsAtStartIsLoggedAndTheServiceGoesOn() {
        StubMapping refused = FakeProviders.twilio().stubFor(get(urlEqualTo(FakeProviders.ACCOUNT_PATH)).atPriority(1)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20003, \"message\": \"Authenticate\", \"status\": 401}")));
        int accountChecks = FakeProviders.twilio().findAll(getRequestedFor(urlEqualTo(FakeProviders.ACCOUNT_PATH))).size();
        try {
            assertThatCode(() -> warmUp.run(null)).doesNotThrowAnyException();
            assertThat(FakeProviders.twilio().findAll(getRequestedFor(urlEqualTo(FakeProviders.ACCOUNT_PATH))))
                    .hasSize(accountChecks + 1);
        } finally {
            FakeProviders.twilio().removeStub(refused);
        }
    }

    private static boolean toTheWarmUpAddress(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(RecipientType.TO)).anyMatch(to -> to.toString().endsWith(".invalid"));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
