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
        CaseDetails details,
        CaseStatus status,
        LastSeen lastSeen,
        Instant openedAt,
        String openedBy,
        String coordinator,
        CaseOutcome outcome,
        Instant resolvedAt,
        String resolvedBy,
        Instant closedAt,
        Instant personalDataErasedAt,
        boolean hasPhoto) {

    public String description() {
        return details.description();
    }
}
