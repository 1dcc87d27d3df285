package org.childalert.gateway.console.volunteer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.childalert.gateway.console.FormReader;
import org.springframework.web.bind.annotation.BindParam;

/** The volunteer sign-up form as typed; input names are the field names of notification-service's JSON. */
record SignUpForm(String name, String phone, String email, String language, List<String> channels,
                  @BindParam("home.postalCode") String postalCode, String radiusKm, Boolean consent) {

    /** The fields the form marks a service's error on; any other goes above the form. */
    static final java.util.Set<String> FIELDS = java.util.Set.of("name", "phone", "email", "channels", "language",
            "home.postalCode", "home", "radiusKm", "consent");

    /** An empty form but for what the volunteer's account already says: their name and e-mail address. */
    static SignUpForm blank(String language, String name, String email) {
        return new SignUpForm(name, null, email, language, List.of("SMS", "EMAIL"), null, "10", false);
    }

    public boolean chose(String channel) {
        return channels != null && channels.contains(channel);
    }

    /** The body of {@code POST /api/volunteers}; an unreadable radius is noted in the reader. */
    Map<String, Object> toRequest(FormReader form) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", form.text(name));
        request.put("phone", form.text(phone));
        request.put("email", form.text(email));
        request.put("language", form.text(language));
        request.put("channels", channels == null ? List.of() : channels);
        Map<String, Object> home = new LinkedHashMap<>();
        home.put("postalCode", form.text(postalCode));
        request.put("home", home);
        request.put("radiusKm", form.decimal("radiusKm", radiusKm));
        request.put("consent", Boolean.TRUE.equals(consent)); // an unticked box is not sent
        checkEverything(form);
        return request;
    }

    /**
     * What the console can tell before asking notification-service, all of it at once: a first try with several
     * fields missing is answered in one go, not one service check after the other.
     */
    private void checkEverything(FormReader form) {
        form.reject("name", "must not be blank", form.text(name) == null);
        form.reject("channels", "must choose at least one channel", channels == null || channels.isEmpty());
        form.reject("phone", "must not be blank", chose("SMS") && form.text(phone) == null);
        form.reject("email", "must not be blank", chose("EMAIL") && form.text(email) == null);
        form.reject("home.postalCode", "must not be blank", form.text(postalCode) == null);
        form.reject("radiusKm", "must not be blank", form.text(radiusKm) == null);
        form.reject("consent", "must be ticked to sign up", !Boolean.TRUE.equals(consent));
    }
}
