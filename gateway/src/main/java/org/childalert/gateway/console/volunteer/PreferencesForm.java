package org.childalert.gateway.console.volunteer;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.childalert.gateway.console.FormReader;
import org.springframework.web.bind.annotation.BindParam;

/**
 * A volunteer's changes to their preferences: where they live (a postal code, or a point on the map), how far from
 * home, in which language, on which channels, and their quiet hours. Input names are the field names of
 * notification-service's JSON, so that its refusals land on the right field.
 *
 * @param quiet {@value #NO_QUIET_HOURS} or {@value #QUIET_HOURS}; when absent, quiet hours are set if a time is given
 */
record PreferencesForm(String radiusKm, String language, List<String> channels,
                       @BindParam("home.postalCode") String postalCode,
                       @BindParam("home.latitude") String latitude,
                       @BindParam("home.longitude") String longitude,
                       String quiet,
                       @BindParam("quietHours.from") String quietFrom,
                       @BindParam("quietHours.until") String quietUntil) {

    static final String NO_QUIET_HOURS = "NONE";
    static final String QUIET_HOURS = "HOURS";

    /** The fields the form marks a service's error on; any other goes above the form. */
    static final Set<String> FIELDS = Set.of("radiusKm", "channels", "language", "home", "home.postalCode",
            "home.latitude", "home.longitude", "quietHours", "quietHours.from", "quietHours.until");

    private static final DateTimeFormatter HOURS_AND_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    static PreferencesForm of(VolunteerRecord volunteer) {
        VolunteerRecord.Home home = volunteer.home();
        boolean byPostalCode = home.postalCode() != null && !home.postalCode().isBlank();
        VolunteerRecord.QuietHours quietHours = volunteer.quietHours();
        // "5", not "5.0" (issue 15 review, finding 12); a number input reads a dot whatever the page's language
        return new PreferencesForm(java.math.BigDecimal.valueOf(volunteer.radiusKm()).stripTrailingZeros().toPlainString(),
                volunteer.language(),
                volunteer.channels().stream().map(VolunteerRecord.Channel::channel).toList(),
                byPostalCode ? home.postalCode() : null,
                byPostalCode ? null : coordinate(home.latitude()),
                byPostalCode ? null : coordinate(home.longitude()),
                quietHours == null ? NO_QUIET_HOURS : QUIET_HOURS,
                quietHours == null ? null : HOURS_AND_MINUTES.format(quietHours.from()),
                quietHours == null ? null : HOURS_AND_MINUTES.format(quietHours.until()));
    }

    public boolean chose(String channel) {
        return channels != null && channels.contains(channel);
    }

    /** Whether the form asks for quiet hours (the choice made, or else a time given). */
    public boolean wantsQuietHours() {
        if (quiet != null) {
            return QUIET_HOURS.equals(quiet);
        }
        return !(quietFrom == null || quietFrom.isBlank()) || !(quietUntil == null || quietUntil.isBlank());
    }

    /** Whether the home is given as a point (latitude and longitude) rather than a postal code. */
    public boolean homeIsAPoint() {
        return (postalCode == null || postalCode.isBlank())
                && !((latitude == null || latitude.isBlank()) && (longitude == null || longitude.isBlank()));
    }

    /**
     * The body of {@code PUT /api/volunteers/{id}/preferences}, which replaces all preferences: what the form does not
     * change (the pause) is sent as it is. What the console can tell is wrong (a radius or time it cannot read, one
     * time of the two, quiet hours that start and end at the same minute, no home) is noted in the reader, all of it
     * at once, and nothing is sent.
     */
    Map<String, Object> toRequest(VolunteerRecord current, FormReader form) {
        Map<String, Object> request = preferencesOf(current, current.pausedUntil());
        request.put("radiusKm", form.decimal("radiusKm", radiusKm));
        request.put("language", form.text(language));
        request.put("channels", channels == null ? List.of() : channels);
        request.put("home", home(form));
        request.put("quietHours", quietHours(form));
        return request;
    }

    /** A postal code wins over a point: a volunteer who types one means it (the map clears it when clicked). */
    private Map<String, Object> home(FormReader form) {
        String code = form.text(postalCode);
        if (code != null) {
            return Map.of("postalCode", code);
        }
        boolean noLatitude = form.text(latitude) == null;
        boolean noLongitude = form.text(longitude) == null;
        Double lat = form.decimal("home.latitude", latitude);
        Double lon = form.decimal("home.longitude", longitude);
        if (noLatitude && noLongitude) {
            form.reject("home.postalCode", "must not be blank", true);
            return null;
        }
        form.reject("home.latitude", "must not be blank", noLatitude);
        form.reject("home.longitude", "must not be blank", noLongitude);
        if (lat == null || lon == null) {
            return null;
        }
        Map<String, Object> home = new LinkedHashMap<>();
        home.put("latitude", lat);
        home.put("longitude", lon);
        return home;
    }

    private Map<String, Object> quietHours(FormReader form) {
        if (!wantsQuietHours()) {
            return null;
        }
        LocalTime from = form.time("quietHours.from", quietFrom);
        LocalTime until = form.time("quietHours.until", quietUntil);
        form.reject("quietHours.from", "must not be blank", form.text(quietFrom) == null);
        form.reject("quietHours.until", "must not be blank", form.text(quietUntil) == null);
        form.reject("quietHours.until", "must differ from the start of the quiet hours",
                from != null && from.equals(until));
        if (from == null || until == null || from.equals(until)) {
            return null;
        }
        return Map.of("from", HOURS_AND_MINUTES.format(from), "until", HOURS_AND_MINUTES.format(until));
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
            request.put("quietHours", Map.of("from", HOURS_AND_MINUTES.format(current.quietHours().from()),
                    "until", HOURS_AND_MINUTES.format(current.quietHours().until())));
        }
        request.put("pausedUntil", pausedUntil != null && pausedUntil.isAfter(Instant.now()) ? pausedUntil.toString() : null);
        return request;
    }

    /** A coordinate as the form shows it: a dot, five decimals (about a metre). */
    private static String coordinate(double degrees) {
        return String.format(Locale.ROOT, "%.5f", degrees);
    }
}
