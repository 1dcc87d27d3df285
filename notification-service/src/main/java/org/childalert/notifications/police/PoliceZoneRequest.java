package org.childalert.notifications.police;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an admin sends to define a police zone: either a polygon of {@code [latitude, longitude]} pairs, closed
 * (the last pair repeats the first) with at least four pairs as in CAP, or a set of Belgian postal codes; and
 * optionally the contact of the unit on duty for it. The {@code code} is the zone's stable, human-chosen identity
 * (in Belgium the official police zone number, e.g. {@code 5339}): the events about a zone carry it, and Keycloak
 * puts the same value in an officer's token (claim {@code police_zone}), so it must never be a generated id.
 */
record PoliceZoneRequest(
        @NotNull @Pattern(regexp = CODE, message = "must be 1 to 40 letters, digits or hyphens") String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String unit,
        @Size(max = 1000) List<List<Double>> polygon,
        @Size(max = 500) List<String> postalCodes,
        UUID dutyContactId) {

    static final String CODE = "[A-Za-z0-9-]{1,40}";
}
