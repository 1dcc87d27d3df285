package org.childalert.cases.escalation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.childalert.cases.audit.AuditLog;
import org.childalert.cases.casefile.CaseFile;
import org.childalert.cases.casefile.CaseFiles;
import org.childalert.cases.casefile.CaseStatus;
import org.childalert.cases.casefile.PoliceVisibility;
import org.childalert.cases.timeline.Timeline;
import org.childalert.cases.timeline.TimelineKind;
import org.childalert.events.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the alert-service reports back about an escalation: issued, rejected, cancelled or expired. Each report
 * moves the escalation and the case along and lands on the case's timeline; what happens while an alert runs,
 * without changing where the case stands, is {@link AlertActivity}. Runs in the caller's transaction (the
 * inbound event's), so that the effect and the record of the handled event commit together.
 */
@Service
public class AlertProgress {

    private static final String SOURCE = "alert-service";

    private final CaseFiles cases;
    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final AuditLog audit;

    AlertProgress(CaseFiles cases, JdbcClient jdbc, Timeline timeline, AuditLog audit) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.audit = audit;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void issued(UUID alertId, UUID caseId, Instant at, String approvedBy) {
        CaseFile file = cases.lockForChange(caseId);
        setEscalationStatus(alertId, EscalationStatus.ISSUED);
        if (!file.status().isClosed()) {
            cases.changeStatus(caseId, CaseStatus.ALERT_ACTIVE);
        }
        timeline.record(caseId, at, TimelineKind.ALERT_ISSUED, "Alert " + alertId + " approved and issued", approvedBy);
        audit.recordSystem(SOURCE, "ALERT_ISSUED", caseId, "alert " + alertId + " approved by " + approvedBy);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void rejected(UUID alertId, UUID caseId, Instant at, String reason, Actor rejector) {
        String rejectedBy = rejector.username();
        CaseFile file = cases.lockForChange(caseId);
        setEscalationStatus(alertId, EscalationStatus.REJECTED);
        if (PoliceVisibility.refusedByPolicy(rejector)) {
            // refused before any officer saw it: on its own, it does not make the case police business
            jdbc.sql("update escalation set refused_by_policy = true where alert_id = :alertId")
                    .param("alertId", alertId)
                    .update();
        }
        if (file.status() == CaseStatus.ESCALATION_REQUESTED) {
            cases.changeStatus(caseId, CaseStatus.OPEN);
        }
        timeline.record(caseId, at, TimelineKind.ALERT_REJECTED, "Escalation rejected: " + reason, rejectedBy);
        audit.recordSystem(SOURCE, "ALERT_REJECTED", caseId, "alert " + alertId + " rejected by " + rejectedBy);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void cancelled(UUID alertId, UUID caseId, Instant at, String reason, String cancelledBy) {
        CaseFile file = cases.lockForChange(caseId);
        setEscalationStatus(alertId, EscalationStatus.CANCELLED);
        if (file.status() == CaseStatus.ALERT_ACTIVE || file.status() == CaseStatus.ESCALATION_REQUESTED) {
            cases.changeStatus(caseId, CaseStatus.OPEN);
        }
        timeline.record(caseId, at, TimelineKind.ALERT_CANCELLED, "Alert cancelled: " + reason, cancelledBy);
        audit.recordSystem(SOURCE, "ALERT_CANCELLED", caseId, "alert " + alertId + " cancelled by " + cancelledBy);
    }

    /** The alert ran out of time: the case is back on the coordinator's desk, as after a cancellation. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void expired(UUID alertId, UUID caseId, Instant at) {
        CaseFile file = cases.lockForChange(caseId);
        setEscalationStatus(alertId, EscalationStatus.EXPIRED);
        if (file.status() == CaseStatus.ALERT_ACTIVE) {
            cases.changeStatus(caseId, CaseStatus.OPEN);
        }
        timeline.record(caseId, at, TimelineKind.ALERT_EXPIRED,
                "Alert " + alertId + " expired without extension; its public forms are withdrawn", SOURCE);
        audit.recordSystem(SOURCE, "ALERT_EXPIRED", caseId, "alert " + alertId + " expired");
    }

    private void setEscalationStatus(UUID alertId, EscalationStatus status) {
        Optional.of(jdbc.sql("update escalation set status = :status where alert_id = :alertId")
                        .param("status", status.name())
                        .param("alertId", alertId)
                        .update())
                .filter(updated -> updated == 1)
                .orElseThrow(() -> new IllegalStateException("No escalation for alert " + alertId));
    }
}
