package org.childalert.notifications.volunteers;

import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.childalert.events.DeliveryChannel;
import org.childalert.notifications.templates.Language;

/**
 * What a volunteer (or an admin on their behalf) sends to sign up. Their channels are confirmed by double
 * opt-in (a code by SMS, a link by email), unless an admin attests with {@code "verifiedBy":"admin"}.
 */
record VolunteerSignUp(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 40) String phone,
        @Size(max = 254) String email,
        @NotNull @Pattern(regexp = Language.CODES, message = "must be one of nl, fr, de, en") String language,
        @NotEmpty Set<DeliveryChannel> channels,
        @NotNull @Valid Home home,
        @NotNull @Min(1) @Max(50) Double radiusKm,
        @NotNull @AssertTrue(message = "must be true: alerts are only sent to volunteers who consent") Boolean consent,
        @Pattern(regexp = ATTESTED_BY_ADMIN, message = "must be \"admin\" or absent") String verifiedBy) {

    /**
     * The value of {@code verifiedBy} with which an admin attests that the person confirmed their phone and
     * mailbox to them: their channels are used at once, and the attestation is kept in the consent record.
     */
    static final String ATTESTED_BY_ADMIN = "admin";

    boolean attestedByAdmin() {
        return ATTESTED_BY_ADMIN.equals(verifiedBy);
    }

    /** Either a Belgian postal code or coordinates. */
    record Home(
            @Pattern(regexp = "\\d{4}", message = "must be a 4-digit Belgian postal code") String postalCode,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }
}
