package org.childalert.cases.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.childalert.events.CaseOutcome;

/** A case as the API shows it. */
record CaseView(
        UUID id,
        ChildView child,
        CaseCategory category,
        CaseSubtype subtype,
        Destination destination,
        String receptionCentre,
        CaseStatus status,
        LastSeen lastSeen,
        String description,
        String physicalDescription,
        String clothing,
        String vehicle,
        String suspect,
        List<RiskFactor> riskFactors,
        ReporterView reporter,
        String coordinator,
        String photo,
        Instant openedAt,
        String openedBy,
        CaseOutcome outcome,
        Instant resolvedAt,
        String resolvedBy,
        Instant closedAt,
        Instant personalDataErasedAt) {

    record ChildView(UUID id, String firstName, String lastName, LocalDate dateOfBirth) {
    }

    record Destination(String country, boolean inEurope) {
    }

    record ReporterView(String name, String phone) {
    }

    static CaseView of(CaseFile file) {
        CaseDetails details = file.details();
        return new CaseView(file.id(),
                new ChildView(file.child().id(), file.child().firstName(), file.child().lastName(),
                        file.child().dateOfBirth()),
                file.category(), details.subtype(),
                details.destinationCountry() == null ? null
                        : new Destination(details.destinationCountry(), Boolean.TRUE.equals(details.destinationInEurope())),
                details.receptionCentre(), file.status(), file.lastSeen(), details.description(),
                details.physicalDescription(), details.clothing(), details.vehicle(), details.suspect(),
                details.riskFactors(),
                details.reporterName() == null ? null : new ReporterView(details.reporterName(), details.reporterPhone()),
                file.coordinator(), file.hasPhoto() ? "/api/cases/" + file.id() + "/photo" : null,
                file.openedAt(), file.openedBy(), file.outcome(), file.resolvedAt(), file.resolvedBy(), file.closedAt(),
                file.personalDataErasedAt());
    }
}
