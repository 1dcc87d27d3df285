package org.childalert.cases.casefile;

import java.time.Instant;
import java.time.LocalDate;

import org.childalert.events.CaseOutcome;

/** A case from before the platform, imported with its original dates so the yearly figures cover those years. */
public record HistoricCase(
        String reference,
        Instant openedAt,
        CaseCategory category,
        CaseSubtype subtype,
        String destinationCountry,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        CaseOutcome outcome,
        Instant resolvedAt,
        String lastSeenPlace) {
}
