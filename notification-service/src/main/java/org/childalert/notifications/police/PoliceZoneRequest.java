package org.childalert.notifications.police;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What an admin sends to define a police zone: either a polygon of {@code [latitude, longitude]} pairs, closed
 * (the last pair repeats the first) with at least four pairs as in CAP, or a set of Belgian postal codes; and
 * optionally the contact of the unit on duty for it.
 */
record PoliceZoneRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String unit,
        @Size(max = 1000) List<List<Double>> polygon,
        @Size(max = 500) List<String> postalCodes,
        UUID dutyContactId) {
}
