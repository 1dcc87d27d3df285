package org.childalert.notifications.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.childalert.notifications.NotificationServiceTest;
import org.childalert.notifications.limits.SendLimits.Action;
import org.childalert.notifications.limits.SendLimits.Requester;
import org.childalert.notifications.web.TooManyRequestsException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The limits per account, per client address and overall, against the real PostgreSQL with small limits. The
 * test profile's limits are generous (every test signs up from MockMvc's 127.0.0.1), so these build their own
 * {@link SendLimits} with a clock in a year of their own (no other test's counts fall in its window), and roll
 * their transaction back.
 */
@NotificationServiceTest
class SendLimitsIntegrationTests {

    private static final SendLimitProperties SMALL = new SendLimitProperties(Duration.ofHours(1), 3, 2, 4, 6,
            "test-limits-hash-key-of-the-test-profile");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void oneAccountIsRefusedOnceItAskedForItsLimitWhateverTheNumbers() {
        SendLimits limits = limitsAt(aMomentOfItsOwn());
        inRolledBackTransaction(() -> {
            Requester account = new Requester("account-" + UUID.randomUUID(), "203.0.113.7");
            limits.take(Action.VERIFICATION_SMS, number(), account);
            limits.take(Action.VERIFICATION_SMS, number(), account);

            assertThatThrownBy(() -> limits.take(Action.VERIFICATION_SMS, number(), account))
                    .isInstanceOf(TooManyRequestsException.class)
                    .hasMessageContaining("Your account asked for 2 confirmation codes by SMS in the last 1 hour");
        });
    }

    @Test
    void oneClientAddressIsRefusedOnceItAskedForItsLimitWhateverTheAccounts() {
        SendLimits limits = limitsAt(aMomentOfItsOwn());
        inRolledBackTransaction(() -> {
            String client = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
            for (int i = 0; i < 4; i++) {
                limits.take(Action.VERIFICATION_EMAIL, "someone-" + UUID.randomUUID() + "@example.org",
                        new Requester("account-" + UUID.randomUUID(), client));
            }

            assertThatThrownBy(() -> limits.take(Action.VERIFICATION_EMAIL, "next-" + UUID.randomUUID() + "@example.org",
                    new Requester("account-" + UUID.randomUUID(), client)))
                    .isInstanceOf(TooManyRequestsException.class)
                    .hasMessageContaining("from your network address");
        });
    }

    @Test
    void thePlatformSendsNoMoreThanItsOverallLimitWhoeverAsks() {
        Instant at = aMomentOfItsOwn();
        SendLimits limits = limitsAt(at);
        inRolledBackTransaction(() -> {
            for (int i = 0; i < 6; i++) {
                limits.take(Action.VERIFICATION_SMS, number(), new Requester("account-" + UUID.randomUUID(), "192.0.2." + i));
            }

            assertThatThrownBy(() -> limits.take(Action.VERIFICATION_SMS, number(),
                    new Requester("account-" + UUID.randomUUID(), "192.0.2.99")))
                    .isInstanceOf(TooManyRequestsException.class)
                    .hasMessageContaining("The platform sent 6 confirmation codes by SMS in the last 1 hour")
                    .extracting(e -> ((TooManyRequestsException) e).retryAfter())
                    .isEqualTo(Duration.ofHours(1));
            // the limits are per kind of message: emails are counted apart
            limits.take(Action.VERIFICATION_EMAIL, "other-" + UUID.randomUUID() + "@example.org", new Requester(null, null));
        });
    }

    @Test
    void aNumberIsCountedWhatEverWayItIsAskedForAndCountsLeaveWithTheWindow() {
        Instant at = aMomentOfItsOwn();
        inRolledBackTransaction(() -> {
            String number = number();
            for (int i = 0; i < 3; i++) {
                limitsAt(at.plus(Duration.ofMinutes(i * 10))).take(Action.VERIFICATION_SMS, number,
                        new Requester("account-" + UUID.randomUUID(), null));
            }
            assertThatThrownBy(() -> limitsAt(at.plus(Duration.ofMinutes(30))).take(Action.VERIFICATION_SMS, number,
                    new Requester("account-" + UUID.randomUUID(), null)))
                    .isInstanceOf(TooManyRequestsException.class)
                    .hasMessageContaining("This number was sent 3")
                    .extracting(e -> ((TooManyRequestsException) e).retryAfter())
                    .isEqualTo(Duration.ofMinutes(30));

            // an hour after the first, it no longer counts, and the purge deletes it
            limitsAt(at.plus(Duration.ofMinutes(61))).take(Action.VERIFICATION_SMS, number, new Requester(null, null));
            assertThat(limitsAt(at).purgeAt(at.plus(Duration.ofMinutes(61)).plus(Duration.ofHours(1)))).isGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void onlyKeyedHashesAreStored() {
        Instant at = aMomentOfItsOwn();
        inRolledBackTransaction(() -> {
            String number = number();
            limitsAt(at).take(Action.VERIFICATION_SMS, number, new Requester("subject-1", "203.0.113.9"));

            String row = jdbc.sql("select concat_ws(' ', destination_hash, account_hash, client_hash) from send_limit_event where at = :at")
                    .param("at", java.sql.Timestamp.from(at)).query(String.class).single();
            assertThat(row).doesNotContain(number.substring(1)).doesNotContain("subject-1").doesNotContain("203.0.113.9");
        });
    }

    private SendLimits limitsAt(Instant now) {
        return new SendLimits(jdbc, SMALL, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** A moment centuries away, different for every test, so that only the test's own rows count. */
    private static Instant aMomentOfItsOwn() {
        return Instant.parse("2300-01-01T00:00:00Z").plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(1, 300_000)));
    }

    private static String number() {
        return "+32470" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    private void inRolledBackTransaction(Runnable test) {
        transactions.executeWithoutResult(status -> {
            try {
                test.run();
            } finally {
                status.setRollbackOnly();
            }
        });
    }
}
