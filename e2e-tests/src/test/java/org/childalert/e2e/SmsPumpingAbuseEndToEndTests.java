package org.childalert.e2e;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finding 3 (Medium): SMS pumping. Erasing a volunteer forgot the per-number count of verification SMS, so
 * sign-up, two resends, erase, sign-up again repeated without bound; any international number was accepted;
 * verification emails behaved the same.
 */
class SmsPumpingAbuseEndToEndTests {

    /** Verification codes or links one phone number or mailbox is sent per hour, whoever asks. */
    private static final int PER_ADDRESS_PER_HOUR = 3;

    @BeforeAll
    static void startTheStack() throws Exception {
        Stack.up();
    }

    @Test
    void verificationSmsToOneNumberStopAtTheHourlyLimitAcrossErasures() throws Exception {
        String phone = Scenarios.uniqueMobile();
        try (ThrowawayUser volunteer = ThrowawayUser.create("pumper", "volunteer", java.util.Map.of())) {
            pump(volunteer.api(), "SMS", phone, null);
        }
        // SMS are sent after commit: the count must stay within the limit while the last ones reach the fake
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(TwilioFake.messagesTo(phone)).hasSizeLessThanOrEqualTo(PER_ADDRESS_PER_HOUR));
        int sent = TwilioFake.messagesTo(phone).size();
        System.out.println("Verification SMS to one number after 3 rounds of sign-up, 2 resends, erase: " + sent);
        assertThat(sent).as("verification SMS sent to " + phone).isLessThanOrEqualTo(PER_ADDRESS_PER_HOUR);
    }

    @Test
    void verificationEmailsToOneMailboxStopAtTheHourlyLimitAcrossErasures() throws Exception {
        String email = Scenarios.uniqueEmail("pumped");
        try (ThrowawayUser volunteer = ThrowawayUser.create("pumper", "volunteer", java.util.Map.of())) {
            pump(volunteer.api(), "EMAIL", null, email);
        }
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(MailFake.inbox(email)).hasSizeLessThanOrEqualTo(PER_ADDRESS_PER_HOUR));
        int sent = MailFake.inbox(email).size();
        System.out.println("Verification emails to one mailbox after 3 rounds of sign-up, 2 resends, erase: " + sent);
        assertThat(sent).as("verification emails sent to " + email).isLessThanOrEqualTo(PER_ADDRESS_PER_HOUR);
    }

    @Test
    void refusesAUnitedStatesNumber() throws Exception {
        Api.Response us = Scenarios.signUp(Api.as("admin"), "SMS", "+12124567890", null);
        assertThat(us.status()).as("a +1 number: " + us).isEqualTo(400);
        assertThat(us.contentType()).contains("application/problem+json");
    }

    @Test
    void refusesABritishNumber() throws Exception {
        Api.Response uk = Scenarios.signUp(Api.as("admin"), "SMS", "+447400123456", null);
        assertThat(uk.status()).as("a +44 number: " + uk).isEqualTo(400);
    }

    /** Three rounds of: sign up, ask twice more for the code, erase the record (a volunteer erasing themself). */
    private static void pump(Api volunteer, String channel, String phone, String email) throws Exception {
        for (int round = 0; round < 3; round++) {
            Api.Response signedUp = Scenarios.signUp(volunteer, channel, phone, email);
            if (signedUp.status() != 201) {
                // a fixed platform may refuse the sign-up itself once the number is used up: never a 5xx
                assertThat(signedUp.status()).as(signedUp.toString()).isBetween(400, 499);
                continue;
            }
            String id = signedUp.text("id");
            for (int i = 0; i < 2; i++) {
                Api.Response again = volunteer.post("/api/volunteers/" + id + "/verifications/" + channel, "");
                assertThat(again.status()).as(again.toString()).isIn(202, 429);
                if (again.status() == 429) {
                    assertThat(again.header("Retry-After")).isNotNull();
                }
            }
            Api.Response erased = volunteer.delete("/api/volunteers/" + id);
            assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
        }
    }
}
