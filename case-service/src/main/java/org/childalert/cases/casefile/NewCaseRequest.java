package org.childalert.cases.casefile;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * What a coordinator gives to open a case. Only child, category and lastSeen are required; the rest of the
 * case file is filled in as far as it is known. The coordinator in charge is the caller unless named.
 */
public record NewCaseRequest(
        @NotNull @Valid ChildDetails child,
        @NotNull CaseCategory category,
        CaseSubtype subtype,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code such as MA") String destinationCountry,
        @Size(max = 200) String receptionCentre,
        @NotNull @Valid LastSeen lastSeen,
        @Size(max = 4000) String description,
        @Size(max = 2000) String physicalDescription,
        @Size(max = 2000) String clothing,
        @Size(max = 500) String vehicle,
        @Size(max = 2000) String suspect,
        @Size(max = 20) List<@NotNull RiskFactor> riskFactors,
        @Valid Reporter reporter,
        @Size(max = 100) String coordinator) {

    public record ChildDetails(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotNull @PastOrPresent(message = "must not be in the future") LocalDate dateOfBirth) {
    }

    /** Who reported the disappearance and how to reach them. */
    public record Reporter(
            @NotBlank @Size(max = 200) String name,
            @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be a phone number in E.164 form such as +32470123456")
            String phone) {
    }

    CaseDetails details() {
        return new CaseDetails(subtype, destinationCountry,
                destinationCountry == null ? null : Destinations.inEurope(destinationCountry), receptionCentre,
                description, physicalDescription, clothing, vehicle, suspect, riskFactors,
                reporter == null ? null : reporter.name(), reporter == null ? null : reporter.phone());
    }
}
