package org.childalert.notifications.fanout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.childalert.events.DisclosureLevel;
import org.childalert.events.GeoCircle;
import org.childalert.events.NoticeKind;
import org.childalert.notifications.NotificationServiceTest;
import org.childalert.notifications.dispatch.DeliveryQueue;
import org.childalert.notifications.targeting.RecipientResolver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fan-out job whose worker stopped half-way (its lease ran out with some chunks committed) is taken up again
 * and completed, without queuing anyone twice; a stopped job is never resumed. The volunteers are queued nearest
 * first, the nearest in a small first chunk.
 */
@NotificationServiceTest
class FanOutResumeIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FanOutWorker worker;

    @Autowired
    FanOutJobs jobs;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DeliveryQueue queue;

    @Autowired
    PoliceZoneAlerts zones;

    @Autowired
    RecipientResolver resolver;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactionManager;

    private final double latitude = ThreadLocalRandom.current().nextDouble(-60, 60);
    private final double longitude = ThreadLocalRandom.current().nextDouble(-170, 170);
    private final UUID alertId = UUID.randomUUID();

    @Test
    void aJobLeftHalfDoneByAWorkerThatStoppedIsCompletedWithoutDuplicates() {
        notice();
        List<UUID> volunteers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            volunteers.add(volunteer(i * 0.5));
        }
        // the first chunk committed before the worker died: three of them have their delivery already
        for (UUID queuedBefore : volunteers.subList(0, 3)) {
            jdbc.sql("""
                    insert into delivery (id, alert_id, recipient_kind, recipient_id, channel, notice, address, language, state)
                    select gen_random_uuid(), :alertId, 'VOLUNTEER', id, 'EMAIL', 'ISSUED', email, language, 'ACCEPTED'
                    from volunteer where id = :id
                    """).param("alertId", alertId).param("id", queuedBefore).update();
        }
        UUID job = job("RUNNING", "now() - interval '1 second'", 3);

        worker.runPending();

        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(state(job)));
        assertThat(jdbc.sql("""
                select count(*) from delivery where alert_id = :alertId group by recipient_id, channel having count(*) > 1
                """).param("alertId", alertId).query(Long.class).list()).isEmpty();
        assertThat(jdbc.sql("select count(distinct recipient_id) from delivery where alert_id = :alertId")
                .param("alertId", alertId).query(Long.class).single()).isEqualTo(8);
        assertThat(jdbc.sql("select queued from fanout_job where id = :id").param("id", job).query(Integer.class).single())
                .isEqualTo(3 + 5);
        assertThat(jdbc.sql("select attempts from fanout_job where id = :id").param("id", job).query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void aJobStillHeldByALiveWorkerOrStoppedIsNotTaken() {
        notice();
        volunteer(1);
        UUID held = job("RUNNING", "now() + interval '1 hour'", 0);

        worker.runPending();

        assertThat(state(held)).isEqualTo("RUNNING");
        jdbc.sql("update fanout_job set state = 'STOPPED' where id = :id").param("id", held).update();
        worker.runPending();
        assertThat(state(held)).isEqualTo("STOPPED");
        assertThat(jdbc.sql("select count(*) from delivery where alert_id = :alertId").param("alertId", alertId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anAlertThatEndsStopsItsRunningJobAtTheWorkersNextChunk() {
        notice();
        UUID job = job("RUNNING", "now() + interval '1 hour'", 0); // held by a live worker
        UUID runningWorker = jdbc.sql("select lease_owner from fanout_job where id = :id").param("id", job)
                .query(UUID.class).single();

        assertThat(renew(job, runningWorker)).isTrue();
        assertThat(renew(job, UUID.randomUUID())).isFalse();
        transactions.executeWithoutResult(status -> jobs.stop(alertId)); // what a cancellation or an expiry does

        assertThat(renew(job, runningWorker)).isFalse();
        assertThat(Boolean.TRUE.equals(transactions.execute(status -> jobs.finish(job, runningWorker)))).isFalse();
        assertThat(state(job)).isEqualTo("STOPPED");
    }

    @Test
    void theNearestVolunteersAreCommittedFirstInASmallChunkThenTheOthersInFullChunks() {
        notice();
        List<UUID> nearestFirst = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            nearestFirst.add(volunteer(i * 0.5));
        }
        UUID workerId = UUID.randomUUID();
        UUID job = job("RUNNING", "now() + interval '1 hour'", 0); // held by this test's worker alone
        jdbc.sql("update fanout_job set lease_owner = :owner where id = :id").param("owner", workerId).param("id", job)
                .update();
        FanOutProperties properties = new FanOutProperties(5, 2, 1, Duration.ofMinutes(5), Duration.ofHours(1));
        List<List<UUID>> commits = new ArrayList<>(); // who was queued when each chunk committed
        FanOutWorker chunked = new FanOutWorker(jobs, queue, zones, resolver,
                () -> commits.add(jdbc.sql("select recipient_id from delivery where alert_id = :alertId")
                        .param("alertId", alertId).query(UUID.class).list()),
                events, properties, transactionManager);
        try {
            boolean finished = chunked.run(new FanOutJob(job, alertId, NoticeKind.ISSUED, DisclosureLevel.TARGETED,
                    new GeoCircle(latitude, longitude, 10), null, 1), workerId);

            assertThat(finished).isTrue();
        } finally {
            chunked.destroy();
        }
        assertThat(commits).extracting(List::size).containsExactly(2, 7, 8);
        assertThat(commits.get(0)).containsExactlyInAnyOrderElementsOf(nearestFirst.subList(0, 2));
        assertThat(commits.get(1)).containsExactlyInAnyOrderElementsOf(nearestFirst.subList(0, 7));
    }

    /** What a worker does before it commits a chunk. */
    private boolean renew(UUID job, UUID worker) {
        return Boolean.TRUE.equals(transactions.execute(status -> jobs.renew(job, worker, Duration.ofMinutes(5), 3)));
    }

    private void notice() {
        jdbc.sql("""
                insert into alert_notice (alert_id, case_id, level, child_first_name, child_age, issued_at)
                values (:alertId, :caseId, 'TARGETED', 'Test', 8, now())
                """).param("alertId", alertId).param("caseId", UUID.randomUUID()).update();
    }

    private UUID job(String state, String leaseUntil, int queued) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into fanout_job (id, alert_id, notice, level, latitude, longitude, radius_km, state, lease_owner,
                                        lease_until, attempts, queued)
                values (:id, :alertId, 'ISSUED', 'TARGETED', :latitude, :longitude, 10, :state, :owner, %s, 1, :queued)
                """.formatted(leaseUntil))
                .param("id", id).param("alertId", alertId).param("latitude", latitude).param("longitude", longitude)
                .param("state", state).param("owner", UUID.randomUUID()).param("queued", queued).update();
        return id;
    }

    private String state(UUID job) {
        return jdbc.sql("select state from fanout_job where id = :id").param("id", job).query(String.class).single();
    }

    /** A volunteer {@code kmNorth} of the alert's centre with one verified EMAIL channel. */
    private UUID volunteer(double kmNorth) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into volunteer (id, name, email, language, home_latitude, home_longitude, radius_km,
                                       unsubscribe_token, registered_by)
                values (:id, 'Fan-out test', :email, 'en', :latitude, :longitude, 10, :token, 'test')
                """)
                .param("id", id).param("email", "fanout-" + id + "@example.org")
                .param("latitude", latitude + kmNorth / 111.195).param("longitude", longitude)
                .param("token", UUID.randomUUID().toString()).update();
        jdbc.sql("insert into volunteer_channel (volunteer_id, channel, verified_at) values (:id, 'EMAIL', now())")
                .param("id", id).update();
        return id;
    }
}
