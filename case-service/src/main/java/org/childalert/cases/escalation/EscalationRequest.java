package org.childalert.cases.escalation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.childalert.events.DisclosureLevel;

/** A coordinator's request that a case become an alert, with their answers to the criteria checklist. */
record EscalationRequest(
        @NotNull DisclosureLevel level,
        @NotNull @Positive(message = "must be more than 0 km")
        @DecimalMax(value = "500", message = "must be at most 500 km") Double radiusKm,
        @NotNull @Valid Criteria criteria) {

    record Criteria(
            @NotNull Boolean underEighteen,
            @NotNull Boolean lifeInDanger,
            @NotNull Boolean likelyInCountry,
            @NotNull Boolean enoughInformation) {
    }
}
