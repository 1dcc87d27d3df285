package org.childalert.alerts.cap;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.childalert.events.AlertExtended;
import org.childalert.events.AlertIssued;
import org.childalert.events.AlertUpdated;
import org.childalert.events.AlertWidened;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The history of an alert's CAP messages, so that each Update and the Cancel can reference every earlier
 * message: the issue is revision 0 (an {@code Alert}), and each change the public must know of (new
 * information, extension, widening) is the next revision (an {@code Update}). Recorded by listening, in the
 * changing transaction, to the events those changes publish.
 */
@Component
public class CapRevisions {

    private final JdbcClient jdbc;

    CapRevisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(AlertIssued issued) {
        jdbc.sql("insert into cap_revision (alert_id, revision, kind, sent_at) values (:alertId, 0, 'Alert', :sentAt)")
                .param("alertId", issued.alertId())
                .param("sentAt", Timestamp.from(issued.occurredAt()))
                .update();
    }

    @EventListener
    void on(AlertUpdated updated) {
        nextUpdate(updated.alertId(), updated.occurredAt());
    }

    @EventListener
    void on(AlertExtended extended) {
        nextUpdate(extended.alertId(), extended.occurredAt());
    }

    @EventListener
    void on(AlertWidened widened) {
        nextUpdate(widened.alertId(), widened.occurredAt());
    }

    /** When each message of the alert was sent, the issuing Alert first. */
    public List<Instant> sentTimesOf(UUID alertId) {
        return jdbc.sql("select sent_at from cap_revision where alert_id = :alertId order by revision")
                .param("alertId", alertId)
                .query((rs, row) -> rs.getTimestamp("sent_at").toInstant())
                .list();
    }

    private void nextUpdate(UUID alertId, Instant sentAt) {
        // the caller holds the alert's row lock, so revisions of one alert are numbered one at a time
        jdbc.sql("""
                insert into cap_revision (alert_id, revision, kind, sent_at)
                select :alertId, coalesce(max(revision), 0) + 1, 'Update', :sentAt
                from cap_revision where alert_id = :alertId
                """)
                .param("alertId", alertId)
                .param("sentAt", Timestamp.from(sentAt))
                .update();
    }
}
