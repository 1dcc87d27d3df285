package org.childalert.alerts.timers;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schedules timers in the database, in the caller's transaction: a timer exists exactly when the state change
 * that needs it has committed, and survives any restart until an instance fires it.
 */
@Component
public class AlertTimers {

    private final JdbcClient jdbc;

    AlertTimers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Schedules the timer; scheduling the same timer (alert, kind, detail, due time) again changes nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void schedule(UUID alertId, TimerKind kind, String detail, Instant dueAt) {
        jdbc.sql("""
                insert into alert_timer (alert_id, kind, detail, due_at) values (:alertId, :kind, :detail, :dueAt)
                on conflict (alert_id, kind, detail, due_at) do nothing
                """)
                .param("alertId", alertId)
                .param("kind", kind.name())
                .param("detail", detail)
                .param("dueAt", Timestamp.from(dueAt))
                .update();
    }
}
