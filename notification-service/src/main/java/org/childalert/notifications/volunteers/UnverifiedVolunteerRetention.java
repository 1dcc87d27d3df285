package org.childalert.notifications.volunteers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bound of sign-ups nobody finished: a volunteer none of whose channels was ever confirmed (the double opt-in
 * never completed, so nothing but the confirmation was ever sent to them) is deleted
 * {@code childalert.volunteers.unverified.period} (30 days) after the newest of their sign-up, a channel they added
 * and the last code or link sent to them. Their channels, consent record, pending confirmation and reach rows go
 * with them (the foreign keys cascade). A volunteer with one confirmed channel stays, even if opted out of it. The
 * send limits' counts stay: they hold only keyed hashes (SendLimits), so a deleted sign-up cannot restart them.
 *
 * <p>Batches are separate transactions; the volunteers of a batch are locked with {@code skip locked}, so several
 * instances share the work.
 */
@Component
class UnverifiedVolunteerRetention {

    private static final Logger log = LoggerFactory.getLogger(UnverifiedVolunteerRetention.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final UnverifiedVolunteerRetentionProperties properties;
    private final Clock clock;

    UnverifiedVolunteerRetention(JdbcClient jdbc, TransactionTemplate transactions,
                                 UnverifiedVolunteerRetentionProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    @Scheduled(cron = "${childalert.volunteers.unverified.schedule:0 25 3 * * *}")
    void deleteDue() {
        int deleted = deleteDueAt(clock.instant());
        if (deleted > 0) {
            log.info("Deleted {} volunteer(s) who confirmed no channel within {} days", deleted,
                    properties.period().toDays());
        }
    }

    /** Deletes the volunteers due at {@code now}; returns how many went. */
    int deleteDueAt(Instant now) {
        Timestamp cutoff = Timestamp.from(now.minus(properties.period()));
        int total = 0;
        int deleted;
        do {
            Integer batch = transactions.execute(status -> jdbc.sql("""
                    delete from volunteer where id in (
                        select v.id from volunteer v
                        where v.registered_at < :cutoff
                          and not exists (select 1 from volunteer_channel c
                                          where c.volunteer_id = v.id
                                            and (c.verified_at is not null or c.added_at >= :cutoff))
                          and not exists (select 1 from channel_verification p
                                          where p.volunteer_id = v.id and p.sent_at >= :cutoff)
                        order by v.registered_at
                        limit :limit
                        for update skip locked)
                    """)
                    .param("cutoff", cutoff)
                    .param("limit", properties.batchSize())
                    .update());
            deleted = batch == null ? 0 : batch;
            total += deleted;
        } while (deleted == properties.batchSize());
        return total;
    }
}
