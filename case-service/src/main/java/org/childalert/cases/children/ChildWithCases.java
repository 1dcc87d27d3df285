package org.childalert.cases.children;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A child as the API shows it, with the cases opened for them over the years. */
record ChildWithCases(UUID id, String firstName, String lastName, LocalDate dateOfBirth, UUID mergedInto,
                      List<CaseSummary> cases) {

    record CaseSummary(UUID id, String category, String status, Instant openedAt) {
    }

    static ChildWithCases of(Child child, List<CaseSummary> cases) {
        return new ChildWithCases(child.id(), child.firstName(), child.lastName(), child.dateOfBirth(), null, cases);
    }

    ChildWithCases mergedInto(UUID target) {
        return new ChildWithCases(id, firstName, lastName, dateOfBirth, target, cases);
    }
}
