package org.childalert.notifications.volunteers;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.childalert.notifications.NotificationServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bound of sign-ups nobody finished (issue 13, item 4): a volunteer who confirmed no channel goes, with their
 * channels, consent and pending confirmation, 30 days after the newest of sign-up, channel added and code sent; a
 * confirmed or recent one stays. Old rows are made by dating them back; the job runs at the real time.
 */
@NotificationServiceTest
class UnverifiedVolunteerRetentionIntegrationTests {

    private static final Instant LONG_AGO = Instant.now().minus(Duration.ofDays(31));

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UnverifiedVolunteerRetention retention;

    @Autowired
    ScheduledTaskHolder scheduledTasks;

    @Test
    void deletesAVolunteerWhoConfirmedNoChannelWithinThePeriodAndKeepsTheOthers() {
        UUID unconfirmed = volunteer(LONG_AGO);
        channel(unconfirmed, "SMS", LONG_AGO, null);
        channel(unconfirmed, "EMAIL", LONG_AGO, null);
        pendingConfirmation(unconfirmed, "SMS", LONG_AGO);
        consent(unconfirmed);
        UUID confirmed = volunteer(LONG_AGO);
        channel(confirmed, "SMS", LONG_AGO, LONG_AGO);
        channel(confirmed, "EMAIL", LONG_AGO, null);
        UUID recent = volunteer(Instant.now().minus(Duration.ofDays(10)));
        channel(recent, "SMS", Instant.now().minus(Duration.ofDays(10)), null);
        UUID newChannel = volunteer(LONG_AGO);
        channel(newChannel, "EMAIL", Instant.now().minus(Duration.ofDays(5)), null);
        UUID newCode = volunteer(LONG_AGO);
        channel(newCode, "SMS", LONG_AGO, null);
        pendingConfirmation(newCode, "SMS", Instant.now().minus(Duration.ofDays(1)));

        assertThat(retention.deleteDueAt(Instant.now())).isGreaterThanOrEqualTo(1);

        assertThat(exists(unconfirmed)).isFalse();
        for (String table : new String[] {"volunteer_channel", "volunteer_consent", "channel_verification"}) {
            assertThat(jdbc.sql("select count(*) from " + table + " where volunteer_id = :id").param("id", unconfirmed)
                    .query(Long.class).single()).as(table).isZero();
        }
        assertThat(exists(confirmed)).as("one channel confirmed").isTrue();
        assertThat(exists(recent)).as("signed up 10 days ago").isTrue();
        assertThat(exists(newChannel)).as("a channel added 5 days ago").isTrue();
        assertThat(exists(newCode)).as("a code sent yesterday").isTrue();
        assertThat(retention.deleteDueAt(Instant.now())).as("nothing is deleted twice").isZero();
    }

    @Test
    void aDisabledScheduleDeletesNothingByItself() {
        assertThat(scheduledTasks.getScheduledTasks())
                .noneMatch(task -> task.toString().contains(UnverifiedVolunteerRetention.class.getSimpleName()));
    }

    private UUID volunteer(Instant registeredAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into volunteer (id, owner_subject, name, phone, email, language, home_latitude, home_longitude,
                                       radius_km, unsubscribe_token, registered_by, registered_at)
                values (:id, :subject, 'Lien Maes', '+32470000000', 'lien@example.org', 'nl', 51.05, 3.72, 10,
                        :token, 'self', :at)
                """)
                .param("id", id).param("subject", "retention-" + id).param("token", "token-" + id)
                .param("at", Timestamp.from(registeredAt)).update();
        return id;
    }

    private void channel(UUID volunteer, String channel, Instant addedAt, Instant verifiedAt) {
        jdbc.sql("""
                insert into volunteer_channel (volunteer_id, channel, verified_at, added_at)
                values (:id, :channel, :verifiedAt, :addedAt)
                """)
                .param("id", volunteer).param("channel", channel)
                .param("verifiedAt", verifiedAt == null ? null : Timestamp.from(verifiedAt), java.sql.Types.TIMESTAMP)
                .param("addedAt", Timestamp.from(addedAt)).update();
    }

    private void pendingConfirmation(UUID volunteer, String channel, Instant sentAt) {
        jdbc.sql("""
                insert into channel_verification (volunteer_id, channel, secret_hash, expires_at, attempts, sent_at)
                values (:id, :channel, :hash, :expiresAt, 0, :sentAt)
                """)
                .param("id", volunteer).param("channel", channel).param("hash", "hash-" + UUID.randomUUID())
                .param("expiresAt", Timestamp.from(sentAt.plus(Duration.ofMinutes(10))))
                .param("sentAt", Timestamp.from(sentAt)).update();
    }

    private void consent(UUID volunteer) {
        jdbc.sql("""
                insert into volunteer_consent (volunteer_id, text_version, given_at, ip_address, submitted_by)
                values (:id, 'volunteer-consent-2026-11', :at, '192.0.2.1', 'self')
                """)
                .param("id", volunteer).param("at", Timestamp.from(LONG_AGO)).update();
    }

    private boolean exists(UUID volunteer) {
        return jdbc.sql("select exists (select 1 from volunteer where id = :id)").param("id", volunteer)
                .query(Boolean.class).single();
    }
}
