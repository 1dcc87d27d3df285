package org.childalert.cases.casefile;

import java.time.Instant;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * Where and when the child was last seen. Historic (imported) cases and cases whose personal data was erased
 * may lack the place; a new case must have it.
 */
public record LastSeen(
        @NotNull @PastOrPresent(message = "must not be in the future") Instant at,
        @NotNull @DecimalMin(value = "-90", message = "must be a latitude between -90 and 90")
        @DecimalMax(value = "90", message = "must be a latitude between -90 and 90") Double latitude,
        @NotNull @DecimalMin(value = "-180", message = "must be a longitude between -180 and 180")
        @DecimalMax(value = "180", message = "must be a longitude between -180 and 180") Double longitude,
        @NotBlank @Size(max = 200) String place) {
}
