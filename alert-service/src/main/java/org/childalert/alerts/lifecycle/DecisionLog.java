package org.childalert.alerts.lifecycle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.childalert.events.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail of escalation decisions: who decided what about which alert, when and why. Append only
 * (the table refuses updates and deletes); written in the same transaction as the decision itself.
 */
@Component
public class DecisionLog {

    private final JdbcClient jdbc;

    DecisionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID alertId, Decision decision, Actor actor, String reason, Instant at) {
        jdbc.sql("""
                insert into alert_decision (alert_id, decision, actor_subject, actor_username, reason, decided_at)
                values (:alertId, :decision, :subject, :username, :reason, :at)
                """)
                .param("alertId", alertId)
                .param("decision", decision.name())
                .param("subject", actor.subject())
                .param("username", actor.username())
                .param("reason", reason)
                .param("at", Timestamp.from(at))
                .update();
    }
}
