package org.childalert.cases.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.childalert.events.CaseOutcome;

/** A case as the API shows it. */
record CaseView(
        UUID id,
        ChildView child,
        CaseCategory category,
        CaseStatus status,
        LastSeen lastSeen,
        String description,
        Instant openedAt,
        String openedBy,
        CaseOutcome outcome,
        Instant resolvedAt,
        String resolvedBy) {

    record ChildView(UUID id, String firstName, String lastName, LocalDate dateOfBirth) {
    }

    static CaseView of(CaseFile file) {
        return new CaseView(file.id(),
                new ChildView(file.child().id(), file.child().firstName(), file.child().lastName(),
                        file.child().dateOfBirth()),
                file.category(), file.status(), file.lastSeen(), file.description(), file.openedAt(), file.openedBy(),
                file.outcome(), file.resolvedAt(), file.resolvedBy());
    }
}
