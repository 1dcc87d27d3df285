package org.childalert.notifications.reach;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.childalert.events.DisclosureLevel;

/**
 * An alert as it would be issued, to estimate before police are asked: its area and level as {@code AlertIssued}
 * carries them, and the notice the messages are rendered from ({@code AlertIssued.Notice}).
 */
record ReachEstimateRequest(
        @NotNull @Valid Area area,
        @NotNull DisclosureLevel level,
        @NotNull @Valid Notice notice) {

    /** The widest radius alert-service lets an alert cover ({@code Alert.MAX_RADIUS_KM}; the console warns past 150 km). */
    static final String MAX_RADIUS_KM = "500";

    record Area(
            @NotNull @DecimalMin(value = "-90", message = "must be between -90 and 90")
            @DecimalMax(value = "90", message = "must be between -90 and 90") Double latitude,
            @NotNull @DecimalMin(value = "-180", message = "must be between -180 and 180")
            @DecimalMax(value = "180", message = "must be between -180 and 180") Double longitude,
            @NotNull @Positive(message = "must be more than 0 km")
            @DecimalMax(value = MAX_RADIUS_KM, message = "must be at most " + MAX_RADIUS_KM + " km") Double radiusKm) {
    }

    record Notice(
            @NotBlank @Size(max = 100) String childFirstName,
            @NotNull @Min(0) @Max(17) Integer childAge,
            @Size(max = 2000) String description,
            @Size(max = 200) String lastSeenPlace,
            Instant lastSeenAt) {
    }
}
