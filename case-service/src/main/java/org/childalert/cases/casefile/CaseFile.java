package org.childalert.cases.casefile;

import java.time.Instant;
import java.util.UUID;

import org.childalert.cases.children.Child;
import org.childalert.events.CaseOutcome;

/** A disappearance case as the case-service holds it. */
public record CaseFile(
        UUID id,
        Child child,
        CaseCategory category,
        CaseStatus status,
        LastSeen lastSeen,
        String description,
        Instant openedAt,
        String openedBy,
        CaseOutcome outcome,
        Instant resolvedAt,
        String resolvedBy) {
}
