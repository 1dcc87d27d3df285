package org.childalert.notifications.police;

import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.childalert.events.DeliveryChannel;
import org.childalert.notifications.templates.Language;

/** What an admin sends to register a police unit's contact and the zone it covers. */
record PoliceContactRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String unit,
        @Size(max = 40) String phone,
        @Size(max = 254) String email,
        @NotNull @Pattern(regexp = Language.CODES, message = "must be one of nl, fr, de, en") String language,
        @NotEmpty Set<DeliveryChannel> channels,
        @NotNull @Valid Zone zone) {

    record Zone(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("200") Double radiusKm) {
    }
}
