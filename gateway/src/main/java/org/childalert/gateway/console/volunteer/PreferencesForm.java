package org.childalert.gateway.console.volunteer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.childalert.gateway.console.FormReader;

/** A volunteer's changes to their preferences: how far from home, in which language, on which channels. */
record PreferencesForm(String radiusKm, String language, List<String> channels) {

    /** The fields the form marks a service's error on; any other goes above the form. */
    static final java.util.Set<String> FIELDS = java.util.Set.of("radiusKm", "channels");

    static PreferencesForm of(VolunteerRecord volunteer) {
        return new PreferencesForm(String.valueOf(volunteer.radiusKm()), volunteer.language(),
                volunteer.channels().stream().map(VolunteerRecord.Channel::channel).toList());
    }

    public boolean chose(String channel) {
        return channels != null && channels.contains(channel);
    }

    /**
     * The body of {@code PUT /api/volunteers/{id}/preferences}, which replaces all preferences: what the form
     * does not change (home, quiet hours, pause) is sent as it is. An unreadable radius is noted in the reader.
     */
    Map<String, Object> toRequest(VolunteerRecord current, FormReader form) {
        Map<String, Object> request = preferencesOf(current, current.pausedUntil());
        request.put("radiusKm", form.decimal("radiusKm", radiusKm));
        request.put("language", form.text(language));
        request.put("channels", channels == null ? List.of() : channels);
        return request;
    }

    /** The volunteer's current preferences as the body of a replacement, paused until the given time (or not). */
    static Map<String, Object> preferencesOf(VolunteerRecord current, Instant pausedUntil) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("channels", current.channels().stream().map(VolunteerRecord.Channel::channel).toList());
        request.put("language", current.language());
        request.put("home", current.home().postalCode() != null
                ? Map.of("postalCode", current.home().postalCode())
                : Map.of("latitude", current.home().latitude(), "longitude", current.home().longitude()));
        request.put("radiusKm", current.radiusKm());
        if (current.quietHours() != null) {
            request.put("quietHours", Map.of("from", current.quietHours().from().toString(),
                    "until", current.quietHours().until().toString()));
        }
        request.put("pausedUntil", pausedUntil != null && pausedUntil.isAfter(Instant.now()) ? pausedUntil.toString() : null);
        return request;
    }
}
