package org.childalert.alerts.lifecycle;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

import org.childalert.alerts.policy.Criteria;
import org.childalert.alerts.policy.EscalationPolicy;
import org.childalert.alerts.policy.PolicyVerdict;
import org.childalert.events.Actor;
import org.childalert.events.AlertApprovalRequested;
import org.childalert.events.AlertRejected;
import org.childalert.events.CaseEscalationRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a coordinator's escalation request into an alert under the id the case-service assigned. The
 * escalation policy checks the criteria checklist for the level first: a request it permits waits for a
 * police decision, and the police on duty are told so by an {@link AlertApprovalRequested}; one it refuses is
 * stored as {@code REFUSED} with the reasons, and the case-service is told by an {@link AlertRejected}.
 */
@Service
public class EscalationIntake {

    /** The actor named in the audit trail and in events when the policy, not a person, refuses. */
    static final Actor POLICY = new Actor("alert-service", "escalation-policy");

    private static final Logger log = LoggerFactory.getLogger(EscalationIntake.class);

    private final EscalationPolicy policy;
    private final AlertRepository alerts;
    private final DecisionLog decisions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EscalationIntake(EscalationPolicy policy, AlertRepository alerts, DecisionLog decisions,
                     ApplicationEventPublisher events, Clock clock) {
        this.policy = policy;
        this.alerts = alerts;
        this.decisions = decisions;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void open(CaseEscalationRequested request) {
        Alert alert = requestedAlert(request);
        PolicyVerdict verdict = policy.assess(alert.level(), alert.criteria());
        if (verdict.permits()) {
            if (!alerts.insert(alert)) {
                log.warn("Alert {} already exists; escalation request {} ignored", alert.id(), request.eventId());
                return;
            }
            events.publishEvent(alert.approvalRequested(clock.instant()));
            return;
        }
        Alert refused = alert.refusedByPolicy(verdict.refusals(), POLICY, clock.instant());
        if (!alerts.insert(refused)) {
            log.warn("Alert {} already exists; escalation request {} ignored", alert.id(), request.eventId());
            return;
        }
        String reasons = String.join(" ", verdict.refusals());
        decisions.record(refused.id(), Decision.REFUSED_BY_POLICY, POLICY, reasons, refused.decidedAt());
        events.publishEvent(new AlertRejected(UUID.randomUUID(), refused.decidedAt(), refused.id(), refused.caseId(),
                reasons, POLICY));
    }

    /** The alert the request asks for; a request missing what an alert needs is a broken message. */
    private static Alert requestedAlert(CaseEscalationRequested request) {
        CaseEscalationRequested.Criteria criteria = required(request.criteria(), "criteria", request);
        CaseEscalationRequested.LastSeen lastSeen = required(request.lastSeen(), "lastSeen", request);
        CaseEscalationRequested.ChildNotice child = required(request.child(), "child", request);
        Actor requestedBy = required(request.requestedBy(), "requestedBy", request);
        if (!(request.radiusKm() > 0)) {
            throw new IllegalArgumentException("Escalation request " + request.eventId() + " has no positive radiusKm");
        }
        return Alert.requested(
                required(request.alertId(), "alertId", request),
                required(request.caseId(), "caseId", request),
                required(request.level(), "level", request),
                request.radiusKm(),
                new Criteria(criteria.underEighteen(), criteria.lifeInDanger(), criteria.likelyInCountry(),
                        criteria.enoughInformation()),
                new Alert.LastSeen(required(lastSeen.at(), "lastSeen.at", request), lastSeen.latitude(),
                        lastSeen.longitude(), required(lastSeen.place(), "lastSeen.place", request)),
                new Alert.Child(required(child.firstName(), "child.firstName", request), child.age(),
                        child.description()),
                new Actor(required(requestedBy.subject(), "requestedBy.subject", request),
                        required(requestedBy.username(), "requestedBy.username", request)),
                required(request.occurredAt(), "occurredAt", request));
    }

    private static <T> T required(T value, String field, CaseEscalationRequested request) {
        return Objects.requireNonNull(value, () -> "Escalation request " + request.eventId() + " misses " + field);
    }
}
