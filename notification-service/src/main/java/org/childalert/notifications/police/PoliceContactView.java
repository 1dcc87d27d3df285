package org.childalert.notifications.police;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A police contact as admins see it. */
record PoliceContactView(UUID id, String name, String unit, String phone, String email, String language,
                         List<String> channels, Zone zone, boolean onDuty, Instant registeredAt) {

    record Zone(double latitude, double longitude, double radiusKm) {
    }
}
