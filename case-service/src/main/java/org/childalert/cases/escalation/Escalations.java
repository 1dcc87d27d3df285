package org.childalert.cases.escalation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.childalert.cases.audit.AuditLog;
import org.childalert.cases.casefile.CaseFile;
import org.childalert.cases.casefile.CaseFiles;
import org.childalert.cases.casefile.CaseStatus;
import org.childalert.cases.security.Caller;
import org.childalert.cases.timeline.Timeline;
import org.childalert.cases.timeline.TimelineKind;
import org.childalert.kit.web.ConflictException;
import org.childalert.events.CaseEscalationRequested;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a coordinator's escalation request and hands it to the alert-service. The alert id is assigned
 * here, so the coordinator gets it at once; the alert-service creates the alert under that id.
 */
@Service
class Escalations {

    private final CaseFiles cases;
    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Escalations(CaseFiles cases, JdbcClient jdbc, Timeline timeline, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Escalation request(UUID caseId, EscalationRequest request, Caller coordinator) {
        CaseFile file = cases.lockForChange(caseId);
        if (file.status() != CaseStatus.OPEN) {
            throw new ConflictException("Case " + caseId + " is " + file.status()
                    + "; an escalation can be requested only for an open case.");
        }
        Instant now = clock.instant();
        Escalation escalation = new Escalation(UUID.randomUUID(), caseId, request.level(), request.radiusKm(),
                EscalationStatus.REQUESTED, now, coordinator.username());
        EscalationRequest.Criteria criteria = request.criteria();
        jdbc.sql("""
                insert into escalation (alert_id, case_id, level, radius_km, under_eighteen, life_in_danger,
                    likely_in_country, enough_information, status, requested_at, requested_by, requested_by_subject)
                values (:alertId, :caseId, :level, :radiusKm, :under18, :danger, :inCountry, :enoughInfo, :status,
                    :requestedAt, :requestedBy, :requestedBySubject)
                """)
                .param("alertId", escalation.alertId())
                .param("caseId", caseId)
                .param("level", request.level().name())
                .param("radiusKm", BigDecimal.valueOf(request.radiusKm()))
                .param("under18", criteria.underEighteen())
                .param("danger", criteria.lifeInDanger())
                .param("inCountry", criteria.likelyInCountry())
                .param("enoughInfo", criteria.enoughInformation())
                .param("status", escalation.status().name())
                .param("requestedAt", Timestamp.from(now))
                .param("requestedBy", coordinator.username())
                .param("requestedBySubject", coordinator.subject())
                .update();
        cases.changeStatus(caseId, CaseStatus.ESCALATION_REQUESTED);
        timeline.record(caseId, now, TimelineKind.ESCALATION_REQUESTED,
                "Escalation requested: " + request.level() + ", " + request.radiusKm() + " km", coordinator.username());
        audit.record(coordinator, "ESCALATION_REQUESTED", caseId, "alert " + escalation.alertId());
        events.publishEvent(new CaseEscalationRequested(UUID.randomUUID(), now, caseId, escalation.alertId(),
                request.level(), request.radiusKm(),
                new CaseEscalationRequested.Criteria(criteria.underEighteen(), criteria.lifeInDanger(),
                        criteria.likelyInCountry(), criteria.enoughInformation()),
                new CaseEscalationRequested.LastSeen(file.lastSeen().at(), file.lastSeen().latitude(),
                        file.lastSeen().longitude(), file.lastSeen().place()),
                new CaseEscalationRequested.ChildNotice(file.child().firstName(),
                        file.child().ageOn(now.atZone(ZoneOffset.UTC).toLocalDate()), file.description()),
                coordinator.asActor()));
        return escalation;
    }

    List<Escalation> of(UUID caseId) {
        return jdbc.sql("""
                select alert_id, case_id, level, radius_km, status, requested_at, requested_by
                from escalation where case_id = :caseId order by requested_at
                """)
                .param("caseId", caseId)
                .query((rs, n) -> new Escalation(rs.getObject("alert_id", UUID.class), rs.getObject("case_id", UUID.class),
                        org.childalert.events.DisclosureLevel.valueOf(rs.getString("level")),
                        rs.getBigDecimal("radius_km").doubleValue(), EscalationStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("requested_at").toInstant(), rs.getString("requested_by")))
                .list();
    }
}
