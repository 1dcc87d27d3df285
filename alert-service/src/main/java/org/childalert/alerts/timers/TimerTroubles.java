package org.childalert.alerts.timers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an operator must know about the timers: those given up (FAILED) recently, and active alerts past their
 * expiry by more than the grace (their child's data should be withdrawn by now). Read for the health report and
 * the metrics; identifiers only.
 */
@Component
public class TimerTroubles {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TimerSupervision supervision;

    TimerTroubles(JdbcClient jdbc, Clock clock, TimerSupervision supervision) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.supervision = supervision;
    }

    /** A timer given up after its last attempt. */
    public record FailedTimer(long id, UUID alertId, TimerKind kind, Instant givenUpAt) {
    }

    /** Timers given up within the warning window, newest first, at most {@code limit}. */
    public List<FailedTimer> recentlyFailed(int limit) {
        return jdbc.sql("""
                select id, alert_id, kind, fired_at from alert_timer
                where outcome = 'FAILED' and fired_at >= :since
                order by fired_at desc, id desc limit :limit
                """)
                .param("since", Timestamp.from(clock.instant().minus(supervision.failedWarningWindow())))
                .param("limit", limit)
                .query((rs, n) -> new FailedTimer(rs.getLong("id"), rs.getObject("alert_id", UUID.class),
                        TimerKind.valueOf(rs.getString("kind")), rs.getTimestamp("fired_at").toInstant()))
                .list();
    }

    /** How many timers were given up within the warning window. */
    public long recentlyFailedCount() {
        return jdbc.sql("select count(*) from alert_timer where outcome = 'FAILED' and fired_at >= :since")
                .param("since", Timestamp.from(clock.instant().minus(supervision.failedWarningWindow())))
                .query(Long.class).single();
    }

    /** Active alerts whose expiry passed more than the grace ago: the sweeper has not managed to end them. */
    public long overdueExpiries() {
        return jdbc.sql("select count(*) from alert where status = 'ACTIVE' and expires_at <= :cutoff")
                .param("cutoff", Timestamp.from(clock.instant().minus(supervision.expiryGrace())))
                .query(Long.class).single();
    }
}
