package org.childalert.alerts.approval;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.childalert.events.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Extension requests and their decisions, in the {@code alert_extension} table. */
@Repository
class ExtensionRequests {

    private final JdbcClient jdbc;

    ExtensionRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PendingExtension extension) {
        jdbc.sql("""
                insert into alert_extension (alert_id, number, status, requested_by_subject, requested_by_username,
                    requested_at)
                values (:alertId, :number, 'PENDING', :subject, :username, :at)
                """)
                .param("alertId", extension.alertId())
                .param("number", extension.number())
                .param("subject", extension.requestedBy().subject())
                .param("username", extension.requestedBy().username())
                .param("at", Timestamp.from(extension.requestedAt()))
                .update();
    }

    /** The extension of this alert waiting for a decision; the caller holds the alert's lock. */
    Optional<PendingExtension> pendingOf(UUID alertId) {
        return jdbc.sql("""
                select alert_id, number, requested_by_subject, requested_by_username, requested_at
                from alert_extension where alert_id = :alertId and status = 'PENDING'
                """)
                .param("alertId", alertId)
                .query((rs, row) -> new PendingExtension(rs.getObject("alert_id", UUID.class), rs.getInt("number"),
                        new Actor(rs.getString("requested_by_subject"), rs.getString("requested_by_username")),
                        rs.getTimestamp("requested_at").toInstant()))
                .optional();
    }

    void decide(PendingExtension extension, boolean approved, Actor officer, String reason, Instant at) {
        jdbc.sql("""
                update alert_extension set status = :status, decided_by_subject = :subject,
                    decided_by_username = :username, decided_at = :at, reason = :reason
                where alert_id = :alertId and number = :number and status = 'PENDING'
                """)
                .param("status", approved ? "APPROVED" : "REJECTED")
                .param("subject", officer.subject())
                .param("username", officer.username())
                .param("at", Timestamp.from(at))
                .param("reason", reason)
                .param("alertId", extension.alertId())
                .param("number", extension.number())
                .update();
    }

    /** Every extension ever asked for this alert, decided or not: numbers them. */
    int countOf(UUID alertId) {
        return jdbc.sql("select count(*) from alert_extension where alert_id = :alertId")
                .param("alertId", alertId)
                .query(Integer.class)
                .single();
    }
}
