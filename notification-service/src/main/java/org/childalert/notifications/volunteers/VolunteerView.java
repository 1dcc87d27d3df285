package org.childalert.notifications.volunteers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A volunteer as the API shows them to themselves or to an admin. */
record VolunteerView(
        UUID id,
        String name,
        String phone,
        String email,
        String language,
        List<Channel> channels,
        Home home,
        double radiusKm,
        Consent consent,
        boolean selfRegistered,
        Instant registeredAt) {

    record Channel(String channel, Instant verifiedAt) {
    }

    record Home(String postalCode, double latitude, double longitude) {
    }

    record Consent(String textVersion, Instant givenAt) {
    }
}
