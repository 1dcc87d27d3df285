package org.childalert.cases.escalation;

import java.time.Instant;
import java.util.UUID;

import org.childalert.events.DisclosureLevel;

record Escalation(UUID alertId, UUID caseId, DisclosureLevel level, double radiusKm, EscalationStatus status,
                  Instant requestedAt, String requestedBy) {
}
