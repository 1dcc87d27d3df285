package org.childalert.gateway.console.coordinator;

import java.util.LinkedHashMap;
import java.util.Map;

import org.childalert.gateway.console.FormReader;
import org.childalert.gateway.console.LocalFormats;
import org.springframework.web.bind.annotation.BindParam;

/** The new-case form as typed; input names are the field names of case-service's JSON. */
record NewCaseForm(
        @BindParam("child.firstName") String childFirstName,
        @BindParam("child.lastName") String childLastName,
        @BindParam("child.dateOfBirth") String childDateOfBirth,
        String category,
        @BindParam("lastSeen.at") String lastSeenAt,
        @BindParam("lastSeen.latitude") String lastSeenLatitude,
        @BindParam("lastSeen.longitude") String lastSeenLongitude,
        @BindParam("lastSeen.place") String lastSeenPlace,
        String description) {

    static NewCaseForm startingAt(String now) {
        return new NewCaseForm(null, null, null, null, now, null, null, null, null);
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
        request.put("category", form.text(category));
        request.put("lastSeen", lastSeen);
        request.put("description", form.text(description));
        return request;
    }
}
