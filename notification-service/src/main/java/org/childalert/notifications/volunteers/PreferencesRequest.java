package org.childalert.notifications.volunteers;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.childalert.events.DeliveryChannel;
import org.childalert.notifications.templates.Language;

/** How and where a volunteer wants to be reached; replaces their previous preferences. */
record PreferencesRequest(
        @NotEmpty Set<DeliveryChannel> channels,
        @NotNull @Pattern(regexp = Language.CODES, message = "must be one of nl, fr, de, en") String language,
        @NotNull @Valid VolunteerSignUp.Home home,
        @NotNull @Min(1) @Max(50) Double radiusKm,
        @Valid QuietHours quietHours,
        @Future(message = "must be in the future (leave it out to not pause)") Instant pausedUntil) {

    /** Local time in Belgium, for instance 22:00 to 07:00. */
    record QuietHours(@NotNull LocalTime from, @NotNull LocalTime until) {
    }
}
