package org.childalert.notifications.police;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A police zone as admins see it: its code (the zone id in events and in officers' tokens), its area (a polygon
 * or postal codes) and who is on duty for it.
 */
record PoliceZoneView(UUID id, String code, String name, String unit, List<List<Double>> polygon, List<String> postalCodes,
                      DutyContact dutyContact, Instant registeredAt) {

    record DutyContact(UUID id, String name, boolean onDuty) {
    }
}
