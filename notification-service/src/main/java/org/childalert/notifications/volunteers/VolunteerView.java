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
        QuietHours quietHours,
        Instant pausedUntil,
        Consent consent,
        boolean selfRegistered,
        Instant registeredAt) {

    /** A channel is used once verified and until opted out of. */
    record Channel(String channel, Instant verifiedAt, Instant optedOutAt) {
    }

    /** Local time in Belgium; alerts other than PUBLIC wait for the end of them. */
    record QuietHours(java.time.LocalTime from, java.time.LocalTime until) {
    }

    record Home(String postalCode, double latitude, double longitude) {
    }

    record Consent(String textVersion, Instant givenAt) {
    }
}
