package org.childalert.notifications.fanout;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.childalert.events.DisclosureLevel;
import org.childalert.events.GeoCircle;
import org.childalert.events.NoticeKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fan-out jobs' table. A job goes PENDING → RUNNING (held by one worker under a lease it renews after each
 * chunk) → DONE, or STOPPED when its alert ends. A RUNNING job whose lease ran out belongs to a worker that
 * stopped: another worker claims it and runs it again from the start, which queues only what is missing.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class FanOutJobs {

    private final JdbcClient jdbc;

    FanOutJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID alertId, NoticeKind notice, DisclosureLevel level, GeoCircle area, Double previousRadiusKm) {
        jdbc.sql("""
                insert into fanout_job (id, alert_id, notice, level, latitude, longitude, radius_km, previous_radius_km)
                values (:id, :alertId, :notice, :level, :latitude, :longitude, :radiusKm, :previousRadiusKm)
                """)
                .param("id", UUID.randomUUID())
                .param("alertId", alertId)
                .param("notice", notice.name())
                .param("level", level.name())
                .param("latitude", area.latitude())
                .param("longitude", area.longitude())
                .param("radiusKm", area.radiusKm())
                .param("previousRadiusKm", previousRadiusKm)
                .update();
    }

    /**
     * Claims the oldest job that is pending or whose worker's lease ran out, skipping jobs other workers are
     * claiming; and never a job of an alert that has an older job still open, so that an alert's fan-outs
     * (its issue, then each widening) run one after the other and each sees what the previous one queued.
     */
    Optional<FanOutJob> claim(UUID worker, Duration lease) {
        return jdbc.sql("""
                with claimable as (
                    select j.id from fanout_job j
                    where (j.state = 'PENDING' or (j.state = 'RUNNING' and j.lease_until < clock_timestamp()))
                      and not exists (select 1 from fanout_job older
                                      where older.alert_id = j.alert_id and older.state in ('PENDING', 'RUNNING')
                                        and older.created_at < j.created_at)
                    order by j.created_at
                    limit 1
                    for update skip locked
                )
                update fanout_job j set state = 'RUNNING', lease_owner = :worker, attempts = j.attempts + 1,
                                        lease_until = clock_timestamp() + cast(:lease as interval)
                from claimable where j.id = claimable.id
                returning j.id, j.alert_id, j.notice, j.level, j.latitude, j.longitude, j.radius_km,
                          j.previous_radius_km, j.attempts
                """)
                .param("worker", worker)
                .param("lease", lease.toMillis() + " milliseconds")
                .query((rs, n) -> new FanOutJob(rs.getObject("id", UUID.class), rs.getObject("alert_id", UUID.class),
                        NoticeKind.valueOf(rs.getString("notice")), DisclosureLevel.valueOf(rs.getString("level")),
                        new GeoCircle(rs.getDouble("latitude"), rs.getDouble("longitude"), rs.getDouble("radius_km")),
                        rs.getObject("previous_radius_km", Double.class), rs.getInt("attempts")))
                .optional();
    }

    /**
     * Renews the worker's lease before it commits a chunk, locking the job's row until that commit: false when
     * the job was stopped (its alert ended) or another worker took it over, and the chunk must not be queued.
     */
    boolean renew(UUID jobId, UUID worker, Duration lease, int queued) {
        return jdbc.sql("""
                update fanout_job set lease_until = clock_timestamp() + cast(:lease as interval), queued = queued + :queued
                where id = :id and state = 'RUNNING' and lease_owner = :worker
                """)
                .param("id", jobId)
                .param("worker", worker)
                .param("lease", lease.toMillis() + " milliseconds")
                .param("queued", queued)
                .update() == 1;
    }

    boolean finish(UUID jobId, UUID worker) {
        return jdbc.sql("""
                update fanout_job set state = 'DONE', finished_at = clock_timestamp(), lease_owner = null, lease_until = null
                where id = :id and state = 'RUNNING' and lease_owner = :worker
                """)
                .param("id", jobId)
                .param("worker", worker)
                .update() == 1;
    }

    /** Stops the alert's open jobs (it was cancelled or expired): a worker running one stops at its next chunk. */
    int stop(UUID alertId) {
        return jdbc.sql("""
                update fanout_job set state = 'STOPPED', finished_at = clock_timestamp(), lease_owner = null,
                                      lease_until = null
                where alert_id = :alertId and state in ('PENDING', 'RUNNING')
                """)
                .param("alertId", alertId)
                .update();
    }
}
