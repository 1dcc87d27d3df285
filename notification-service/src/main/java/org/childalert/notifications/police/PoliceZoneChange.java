package org.childalert.notifications.police;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an admin sends to change a police zone: everything {@link PoliceZoneRequest} holds but its code, replaced as a
 * whole (a zone is either a polygon or postal codes, and a missing {@code dutyContactId} names nobody on duty). The
 * code is the zone's identity in the events about it, in the alerts that reached it and in officers' tokens, so it
 * never changes: it may be sent (a zone read back and sent again carries it) but then must be the zone's own; a zone
 * under another code is a new zone.
 */
record PoliceZoneChange(
        @Pattern(regexp = PoliceZoneRequest.CODE, message = "must be 1 to 40 letters, digits or hyphens") String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String unit,
        @Size(max = 1000) List<List<Double>> polygon,
        @Size(max = 500) List<String> postalCodes,
        UUID dutyContactId) {
}
