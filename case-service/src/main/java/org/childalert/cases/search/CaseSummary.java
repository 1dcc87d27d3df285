package org.childalert.cases.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.childalert.cases.casefile.CaseCategory;
import org.childalert.cases.casefile.CaseStatus;
import org.childalert.cases.casefile.CaseSubtype;

/** One line of a list of cases; the whole case is at {@code GET /api/cases/{id}}. */
record CaseSummary(UUID id, ChildName child, CaseCategory category, CaseSubtype subtype, CaseStatus status,
                   Instant openedAt, Instant lastSeenAt, String lastSeenPlace, String coordinator) {

    record ChildName(UUID id, String firstName, String lastName, LocalDate dateOfBirth) {
    }
}
