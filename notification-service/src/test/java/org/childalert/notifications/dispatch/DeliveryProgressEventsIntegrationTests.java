package org.childalert.notifications.dispatch;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.childalert.notifications.NotificationServiceTest;
import org.childalert.notifications.dispatch.DeliveryProgressEvents.Progress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outcome recorder adds each batch's counts to its alert's row; a publication pass turns what accumulated into
 * one DeliveryProgressed per alert, with the sums, and a count is never published twice nor lost. The service's own
 * passes are an hour apart here, so that this test decides when one runs.
 */
@NotificationServiceTest
@TestPropertySource(properties = "childalert.delivery.progress-interval=1h")
class DeliveryProgressEventsIntegrationTests {

    @Autowired
    DeliveryProgressEvents progressEvents;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    private final UUID alertA = UUID.randomUUID();
    private final UUID alertB = UUID.randomUUID();
    private final UUID alertC = UUID.randomUUID();

    @Test
    void batchesOfOutcomesBecomeOneEventPerAlertPerPassWithTheirSums() {
        add(alertA, 3, 0, 0);
        add(alertA, 2, 1, 1);
        add(alertB, 0, 4, 0);

        progressEvents.publish();

        assertThat(events(alertA)).containsExactly(List.of(5, 1, 1));
        assertThat(events(alertB)).containsExactly(List.of(0, 4, 0));

        progressEvents.publish();
        add(alertA, 1, 0, 0);
        progressEvents.publish();

        assertThat(events(alertA)).as("what came after the first pass, in an event of its own")
                .containsExactlyInAnyOrder(List.of(5, 1, 1), List.of(1, 0, 0));
        assertThat(events(alertB)).hasSize(1);
    }

    @Test
    void aPassStepsOverARowARecorderIsWritingAndTheNextPassTakesIt() throws Exception {
        add(alertC, 7, 0, 0);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> recorder = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            progressEvents.add(Map.of(alertC, progress(2, 0, 0)));
            written.countDown();
            try {
                mayCommit.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();

        progressEvents.publish(); // returns at once: the row is locked by the recorder

        assertThat(events(alertC)).isEmpty();
        mayCommit.countDown();
        recorder.get(10, TimeUnit.SECONDS);
        progressEvents.publish();
        assertThat(events(alertC)).containsExactly(List.of(9, 0, 0));
    }

    private void add(UUID alertId, int sms, int email, int failed) {
        transactions.executeWithoutResult(status -> progressEvents.add(Map.of(alertId, progress(sms, email, failed))));
    }

    private static Progress progress(int sms, int email, int failed) {
        Progress progress = new Progress();
        progress.sms = sms;
        progress.email = email;
        progress.failed = failed;
        return progress;
    }

    private List<List<Integer>> events(UUID alertId) {
        return jdbc.sql("""
                select (payload ->> 'smsHandedOver')::int sms, (payload ->> 'emailHandedOver')::int email,
                       (payload ->> 'failed')::int failed
                from outbox_event where type_name = 'notifications.DeliveryProgressed.v1' and subject_id = :alert
                """).param("alert", alertId)
                .query((rs, n) -> List.of(rs.getInt("sms"), rs.getInt("email"), rs.getInt("failed"))).list();
    }
}
