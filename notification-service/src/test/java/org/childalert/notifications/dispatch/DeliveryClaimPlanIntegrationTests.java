package org.childalert.notifications.dispatch;

import java.util.List;
import java.util.UUID;

import org.childalert.events.DeliveryChannel;
import org.childalert.notifications.NotificationServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A big alert fills the queue faster than PostgreSQL's statistics follow (autovacuum, when it runs at all, looks
 * once a minute). The claim must still walk the channel's due index in order and stop at its limit, not read and
 * sort every pending row: that is what made each claim of 64 SMS take 0.36 s during the fan-out benchmark, where
 * the planner, on stale statistics, costed the two plans within 2% of each other and took the wrong one. The claim therefore turns
 * bitmap scans off for its own transaction; these tests check that it does, only there, and that the plan it then
 * gets is the walk of the index.
 */
@NotificationServiceTest
class DeliveryClaimPlanIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    DeliveryQueue queue;

    @Test
    void theClaimTurnsBitmapScansOffForItsOwnTransactionOnly() {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        String during = transaction.execute(status -> {
            status.setRollbackOnly(); // whatever it claims goes back
            queue.claim(DeliveryChannel.SMS, 1);
            return jdbc.sql("show enable_bitmapscan").query(String.class).single();
        });
        String after = transaction.execute(status -> jdbc.sql("show enable_bitmapscan").query(String.class).single());

        assertThat(during).isEqualTo("off");
        assertThat(after).isEqualTo("on");
    }

    @Test
    void withBitmapScansOffTheClaimWalksItsChannelsDueIndexInOrderEvenWhenTheStatisticsHaveNotSeenTheQueueGrow() {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        List<String> plan = transaction.execute(status -> {
            status.setRollbackOnly(); // nobody else sees these rows, the statistics are rolled back too
            UUID alertId = UUID.randomUUID();
            jdbc.sql("""
                    insert into alert_notice (alert_id, case_id, level, child_first_name, child_age, description,
                                              issued_at, expires_at)
                    values (:alertId, :caseId, 'TARGETED', 'Lena', 9, 'Green scarf.', now(), now() + interval '6 hours')
                    """).param("alertId", alertId).param("caseId", UUID.randomUUID()).update();
            // 20,000 deliveries already handed over, which the statistics have seen ...
            deliveries(alertId, 1, "ACCEPTED");
            jdbc.sql("analyze delivery").update();
            // ... and 20,000 queued since, which they have not
            deliveries(alertId, 20_001, "PENDING");

            jdbc.sql(DeliveryQueue.WALK_THE_DUE_INDEX).update();
            return jdbc.sql("explain " + DeliveryQueue.CLAIM_DUE).param("channel", "SMS").param("limit", 64)
                    .query(String.class).list();
        });

        String claimable = String.join("\n", plan);
        assertThat(claimable)
                .contains("Index Scan using delivery_due_per_channel")
                .doesNotContain("Bitmap")
                .doesNotContain("Seq Scan")
                .doesNotContainPattern("Sort Key: delivery\\.");
    }

    /** 20,000 deliveries from number {@code from} on, nine in ten by SMS, in that state, due in an hour. */
    private void deliveries(UUID alertId, int from, String state) {
        jdbc.sql("""
                insert into delivery (id, alert_id, recipient_kind, recipient_id, channel, notice, address, language,
                                      state, next_attempt_at)
                select gen_random_uuid(), :alertId, 'VOLUNTEER', gen_random_uuid(),
                       case when n % 10 = 0 then 'EMAIL' else 'SMS' end, 'ISSUED',
                       case when n % 10 = 0 then 'plan-' || n || '@example.org' else '+3247' || lpad(n::text, 7, '0') end,
                       'nl', :state, now() + interval '1 hour'
                from generate_series(:from, :from + 19999) n
                """).param("alertId", alertId).param("state", state).param("from", from).update();
    }
}
