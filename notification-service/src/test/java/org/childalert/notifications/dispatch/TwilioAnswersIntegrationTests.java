package org.childalert.notifications.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import org.childalert.notifications.FakeProviders;
import org.childalert.notifications.NotificationServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.childalert.notifications.dispatch.QueuedDeliveries.randomMobile;
import static org.childalert.notifications.dispatch.QueuedDeliveries.twilioAnswer;
import static org.childalert.notifications.dispatch.QueuedDeliveries.twilioError;

/**
 * What the engine does with each kind of answer from Twilio (the real SDK against WireMock): a 5xx and a timeout
 * are retried; a number that texted STOP is never texted again and the person gets the notice by email instead.
 */
@NotificationServiceTest
class TwilioAnswersIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    private QueuedDeliveries queue;
    private final List<StubMapping> answers = new ArrayList<>();

    @AfterEach
    void removeTheTwilioAnswers() {
        answers.forEach(FakeProviders.twilio()::removeStub);
    }

    @Test
    void aServerErrorIsRetriedAndTheMessageGoesThroughOnceTwilioIsBack() {
        String phone = randomMobile("+32471");
        answers.add(FakeProviders.twilio().stubFor(twilioAnswer(equalTo(phone), twilioError(500, 20500, "Internal error"))
                .inScenario("500 for " + phone).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("back")));
        UUID delivery = queue().sms(queue().alert("Green scarf."), phone);

        await().atMost(Duration.ofSeconds(15)).until(() -> "ACCEPTED".equals(queue().state(delivery)));

        assertThat(queue().attempts(delivery)).isEqualTo(2);
        assertThat(requestsTo(phone)).isEqualTo(2);
    }

    @Test
    void noAnswerWithinTheReadTimeoutIsRetried() {
        String phone = randomMobile("+32472");
        // the first answer comes after 15 s, beyond the SDK's read timeout (10 s in tests)
        answers.add(FakeProviders.twilio().stubFor(twilioAnswer(equalTo(phone), aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json").withFixedDelay(15_000)
                        .withBody("{\"sid\": \"SMslow\", \"status\": \"queued\"}"))
                .inScenario("slow for " + phone).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("fast again")));
        UUID delivery = queue().sms(queue().alert("Green scarf."), phone);

        await().atMost(Duration.ofSeconds(45)).until(() -> "ACCEPTED".equals(queue().state(delivery)));

        assertThat(queue().attempts(delivery)).isEqualTo(2);
        assertThat(jdbc.sql("select provider_message_id from delivery where id = :id").param("id", delivery)
                .query(String.class).single()).isNotEqualTo("SMslow");
    }

    @Test
    void aNumberThatTextedStopIsOptedOutAndThePersonGetsTheNoticeByEmailInstead() throws Exception {
        String phone = randomMobile("+32473");
        String email = "stopped-" + UUID.randomUUID() + "@example.org";
        UUID volunteer = queue().volunteer(phone, email, false);
        answers.add(FakeProviders.twilio().stubFor(twilioAnswer(equalTo(phone),
                twilioError(400, 21610, "Attempt to send to unsubscribed recipient"))));
        UUID alertId = queue().alert("Green scarf, red boots.");
        UUID sms = queue().sms(alertId, volunteer, phone);

        await().atMost(Duration.ofSeconds(15)).until(() -> emailsTo(email).size() == 1);

        assertThat(queue().state(sms)).isEqualTo("FAILED");
        assertThat(queue().attempts(sms)).isEqualTo(1);
        assertThat(queue().errorCode(sms)).isEqualTo("21610");
        assertThat(queue().optedOut(volunteer, "SMS")).isTrue();
        assertThat(queue().optedOut(volunteer, "EMAIL")).isFalse();
        assertThat(emailsTo(email).get(0).getSubject()).contains("Lena");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                select state from delivery where alert_id = :alertId and recipient_id = :volunteer and channel = 'EMAIL'
                  and notice = 'ISSUED'
                """).param("alertId", alertId).param("volunteer", volunteer).query(String.class).single(), "ACCEPTED"::equals);
        assertThat(requestsTo(phone)).isEqualTo(1);
    }

    @Test
    void anInvalidNumberFallsBackToNothingWhenThePersonUnsubscribedFromEmails() {
        String phone = randomMobile("+32474");
        UUID volunteer = queue().volunteer(phone, "no-mail-" + UUID.randomUUID() + "@example.org", true);
        answers.add(FakeProviders.twilio().stubFor(twilioAnswer(equalTo(phone),
                twilioError(400, 21211, "The 'To' number is not a valid phone number"))));
        UUID alertId = queue().alert("Green scarf.");
        UUID sms = queue().sms(alertId, volunteer, phone);

        await().atMost(Duration.ofSeconds(15)).until(() -> "FAILED".equals(queue().state(sms)));

        assertThat(queue().optedOut(volunteer, "SMS")).isTrue();
        assertThat(jdbc.sql("select count(*) from delivery where alert_id = :alertId and channel = 'EMAIL'")
                .param("alertId", alertId).query(Long.class).single()).isZero();
    }

    private QueuedDeliveries queue() {
        if (queue == null) {
            queue = new QueuedDeliveries(jdbc);
        }
        return queue;
    }

    private static int requestsTo(String phone) {
        return FakeProviders.twilio().findAll(postRequestedFor(urlEqualTo(FakeProviders.MESSAGES_PATH))
                .withFormParam("To", equalTo(phone))).size();
    }

    private static List<MimeMessage> emailsTo(String address) {
        return Arrays.stream(FakeProviders.smtp().getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getRecipients(RecipientType.TO))
                                .anyMatch(to -> to.toString().equals(address));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
