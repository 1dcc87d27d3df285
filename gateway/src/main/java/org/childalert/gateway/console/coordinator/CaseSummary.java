package org.childalert.gateway.console.coordinator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One line of case-service's case list; the whole case is read when it is opened. */
record CaseSummary(UUID id, Child child, String category, String status, Instant openedAt, Instant lastSeenAt,
                   String lastSeenPlace, String coordinator) {

    record Child(UUID id, String firstName, String lastName, LocalDate dateOfBirth) {
    }
}
