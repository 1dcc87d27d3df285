package org.childalert.gateway.console.coordinator;

import java.time.Instant;
import java.util.UUID;

import org.childalert.gateway.console.Actors;

/**
 * An escalation of a case, as case-service lists them: the alert it asked for and where it stands. case-service
 * calls every refusal REJECTED; for those the console asks alert-service who decided (its status tells an
 * officer's rejection, REJECTED, from the escalation policy's, REFUSED), so that a policy refusal never reads as
 * a police decision.
 *
 * @param decidedBy who refused, when the console found out (null otherwise)
 */
record EscalationSummary(UUID alertId, UUID caseId, String level, double radiusKm, String status,
                         Instant requestedAt, String requestedBy, String decidedBy) {

    boolean isRefusal() {
        return "REJECTED".equals(status) || "REFUSED".equals(status);
    }

    /** The same escalation with the refusal as alert-service knows it. */
    EscalationSummary decidedAs(String alertStatus, String decider) {
        String refusal = "REFUSED".equals(alertStatus) || Actors.isEscalationPolicy(decider) ? "REFUSED" : status;
        return new EscalationSummary(alertId, caseId, level, radiusKm, refusal, requestedAt, requestedBy, decider);
    }

    public boolean refusedByPolicy() {
        return "REFUSED".equals(status);
    }
}
