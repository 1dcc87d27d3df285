package org.childalert.gateway.console.coordinator;

import java.time.Instant;
import java.util.UUID;

/** An escalation of a case, as case-service lists them: the alert it asked for and where it stands. */
record EscalationSummary(UUID alertId, UUID caseId, String level, double radiusKm, String status,
                         Instant requestedAt, String requestedBy) {
}
