package org.childalert.gateway.console.volunteer;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A volunteer's own record, as notification-service shows it to them. */
record VolunteerRecord(UUID id, String name, String phone, String email, String language, List<Channel> channels,
                       Home home, double radiusKm, QuietHours quietHours, Instant pausedUntil, Consent consent,
                       Instant registeredAt) {

    VolunteerRecord {
        channels = channels == null ? List.of() : channels;
    }

    /** A channel is used once verified and until opted out of. */
    record Channel(String channel, Instant verifiedAt, Instant optedOutAt) {

        public boolean isVerified() {
            return verifiedAt != null;
        }

        public boolean isOptedOut() {
            return optedOutAt != null;
        }
    }

    record Home(String postalCode, double latitude, double longitude) {
    }

    record QuietHours(LocalTime from, LocalTime until) {
    }

    record Consent(String textVersion, Instant givenAt) {
    }

    public boolean isPaused() {
        return pausedUntil != null && pausedUntil.isAfter(Instant.now());
    }

    /** Opted out of every channel: nothing is sent until the volunteer opts in again. */
    public boolean isOptedOut() {
        return !channels.isEmpty() && channels.stream().allMatch(Channel::isOptedOut);
    }

    /** Whether alerts reach the volunteer now, and if not what is missing. */
    public org.childalert.gateway.console.VolunteerState state() {
        return org.childalert.gateway.console.VolunteerState.of(channels.stream()
                .map(c -> new org.childalert.gateway.console.VolunteerState.Channel(c.channel(), c.isVerified(),
                        c.isOptedOut()))
                .toList(), pausedUntil, Instant.now());
    }

    /** Whether the volunteer chose the channel (verified or not); its address may be kept without it. */
    public boolean hasChannel(String channel) {
        return channels.stream().anyMatch(c -> c.channel().equals(channel));
    }

    public boolean awaitsSmsCode() {
        return channels.stream().anyMatch(c -> "SMS".equals(c.channel()) && !c.isVerified());
    }
}
