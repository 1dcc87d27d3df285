package org.childalert.cases.casefile;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** What a coordinator gives to open a case. */
public record NewCaseRequest(
        @NotNull @Valid ChildDetails child,
        @NotNull CaseCategory category,
        @NotNull @Valid LastSeen lastSeen,
        @Size(max = 4000) String description) {

    public record ChildDetails(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotNull @PastOrPresent(message = "must not be in the future") LocalDate dateOfBirth) {
    }
}
