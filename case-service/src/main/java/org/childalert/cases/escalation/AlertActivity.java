package org.childalert.cases.escalation;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.childalert.cases.audit.AuditLog;
import org.childalert.cases.timeline.Timeline;
import org.childalert.cases.timeline.TimelineKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the alert-service reports while an alert runs, without changing where the case stands: new information,
 * a wider circle, extensions granted or refused, police zones acknowledging it or failing to in time. Each report
 * lands on the case's timeline and in the audit log, in the caller's transaction (the inbound event's). The
 * summaries carry no personal data: they outlive the erasure of the case's personal data.
 */
@Service
public class AlertActivity {

    private static final String SOURCE = "alert-service";

    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final AuditLog audit;

    AlertActivity(JdbcClient jdbc, Timeline timeline, AuditLog audit) {
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.audit = audit;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void updated(UUID alertId, UUID caseId, Instant at, boolean withPhoto, String updatedBy) {
        report(alertId, caseId, at, TimelineKind.ALERT_UPDATED,
                "Alert " + alertId + " updated with new information" + (withPhoto ? " and a photo" : "")
                        + "; everyone reached is told again", updatedBy);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void widened(UUID alertId, UUID caseId, Instant at, String level, double previousRadiusKm, double radiusKm,
                        String widenedBy) {
        report(alertId, caseId, at, TimelineKind.ALERT_WIDENED,
                "Alert " + alertId + " widened from " + km(previousRadiusKm) + " to " + km(radiusKm) + " (" + level + ")",
                widenedBy);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void extended(UUID alertId, UUID caseId, Instant at, int extension, Instant expiresAt, String approvedBy) {
        report(alertId, caseId, at, TimelineKind.ALERT_EXTENDED,
                "Alert " + alertId + " extended (extension " + extension + ") until " + expiresAt, approvedBy);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void extensionRejected(UUID alertId, UUID caseId, Instant at, String reason, String rejectedBy) {
        report(alertId, caseId, at, TimelineKind.ALERT_EXTENSION_REJECTED,
                "Extension of alert " + alertId + " rejected: " + reason, rejectedBy);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void acknowledged(UUID alertId, UUID caseId, Instant at, String zoneId, String channel, String acknowledgedBy) {
        report(alertId, caseId, at, TimelineKind.ALERT_ACKNOWLEDGED,
                "Police zone " + zoneId + " acknowledged alert " + alertId + " (" + channel + ")", acknowledgedBy);
    }

    /** Nobody in the zone acknowledged in time: an entry the coordinator must follow up. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void acknowledgementOverdue(UUID alertId, UUID caseId, Instant at, String zoneId, String zoneName,
                                       Instant alertedAt, Instant deadline) {
        report(alertId, caseId, at, TimelineKind.ACKNOWLEDGEMENT_OVERDUE,
                "No acknowledgement of alert " + alertId + " from police zone " + zoneName + " (" + zoneId
                        + "), alerted at " + alertedAt + ", due by " + deadline + "; the zone's duty contact is alerted",
                SOURCE);
    }

    private void report(UUID alertId, UUID caseId, Instant at, TimelineKind kind, String summary, String author) {
        requireEscalation(alertId, caseId);
        timeline.record(caseId, at, kind, summary, author);
        audit.recordSystem(SOURCE, kind.name(), caseId, summary + " (by " + author + ")");
    }

    /** A report about an alert this case never asked for is an error: it goes to the dead-letter queue. */
    private void requireEscalation(UUID alertId, UUID caseId) {
        boolean known = jdbc.sql("select count(*) from escalation where alert_id = :alertId and case_id = :caseId")
                .param("alertId", alertId)
                .param("caseId", caseId)
                .query(Long.class)
                .single() == 1;
        if (!known) {
            throw new IllegalStateException("No escalation of case " + caseId + " for alert " + alertId);
        }
    }

    private static String km(double radiusKm) {
        return String.format(Locale.ROOT, "%.1f km", radiusKm);
    }
}
