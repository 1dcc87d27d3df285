package org.childalert.gateway.console.coordinator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.childalert.gateway.console.FormReader;
import org.childalert.gateway.console.LocalFormats;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The new-case form as typed; input names are the field names of case-service's JSON. A parental abduction
 * needs its subtype (and, for an actual abduction, the destination country); an unaccompanied minor may name a
 * reception centre. Those are sent only with the category they belong to, so that a choice made before the
 * category was changed does not refuse the case.
 */
record NewCaseForm(
        @BindParam("child.firstName") String childFirstName,
        @BindParam("child.lastName") String childLastName,
        @BindParam("child.dateOfBirth") String childDateOfBirth,
        String category,
        String subtype,
        String destinationCountry,
        String receptionCentre,
        @BindParam("lastSeen.at") String lastSeenAt,
        @BindParam("lastSeen.latitude") String lastSeenLatitude,
        @BindParam("lastSeen.longitude") String lastSeenLongitude,
        @BindParam("lastSeen.place") String lastSeenPlace,
        String description) {

    static final String PARENTAL_ABDUCTION = "PARENTAL_ABDUCTION";
    static final String UNACCOMPANIED_MINOR = "UNACCOMPANIED_MINOR";

    /** What case-service calls the two kinds of parental abduction case. */
    static final java.util.List<String> SUBTYPES = java.util.List.of("PREVENTIVE_ADVICE", "ACTUAL_ABDUCTION");

    /** The fields the form marks a service's error on; any other goes above the form, in words. */
    static final Set<String> FIELDS = Set.of("child.firstName", "child.lastName", "child.dateOfBirth", "category",
            "subtype", "destinationCountry", "receptionCentre", "lastSeen.at", "lastSeen.latitude",
            "lastSeen.longitude", "lastSeen.place", "description");

    static NewCaseForm startingAt(String now) {
        return new NewCaseForm(null, null, null, null, null, null, null, now, null, null, null, null);
    }

    /** The body of {@code POST /api/cases}; unreadable values are noted in the reader instead. */
    Map<String, Object> toRequest(FormReader form, LocalFormats formats) {
        Map<String, Object> child = new LinkedHashMap<>();
        child.put("firstName", form.text(childFirstName));
        child.put("lastName", form.text(childLastName));
        child.put("dateOfBirth", form.date("child.dateOfBirth", childDateOfBirth));
        Map<String, Object> lastSeen = new LinkedHashMap<>();
        lastSeen.put("at", formats.instantOf(form.dateTime("lastSeen.at", lastSeenAt)));
        lastSeen.put("latitude", form.decimal("lastSeen.latitude", lastSeenLatitude));
        lastSeen.put("longitude", form.decimal("lastSeen.longitude", lastSeenLongitude));
        lastSeen.put("place", form.text(lastSeenPlace));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("child", child);
        String chosenCategory = form.text(category);
        request.put("category", chosenCategory);
        if (PARENTAL_ABDUCTION.equals(chosenCategory)) {
            putIfGiven(request, "subtype", form.text(subtype));
            String country = form.text(destinationCountry);
            putIfGiven(request, "destinationCountry", country == null ? null : country.toUpperCase(Locale.ROOT));
        }
        if (UNACCOMPANIED_MINOR.equals(chosenCategory)) {
            putIfGiven(request, "receptionCentre", form.text(receptionCentre));
        }
        request.put("lastSeen", lastSeen);
        request.put("description", form.text(description));
        return request;
    }

    private static void putIfGiven(Map<String, Object> request, String field, Object value) {
        if (value != null) {
            request.put(field, value);
        }
    }
}
