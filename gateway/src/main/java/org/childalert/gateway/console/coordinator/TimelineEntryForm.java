package org.childalert.gateway.console.coordinator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.childalert.gateway.console.FormReader;
import org.childalert.gateway.console.LocalFormats;

/**
 * A note, call or sighting as typed on the case page; input names are the field names of case-service's
 * {@code POST /api/cases/{id}/timeline}. A blank time means "now" (case-service fills it in).
 */
record TimelineEntryForm(String kind, String at, String summary) {

    /** What a person may write on a timeline; the other kinds are written by the services themselves. */
    static final List<String> KINDS = List.of("NOTE", "CALL", "SIGHTING");

    static final Set<String> FIELDS = Set.of("kind", "at", "summary");

    static TimelineEntryForm empty() {
        return new TimelineEntryForm("NOTE", null, null);
    }

    Map<String, Object> toRequest(FormReader form, LocalFormats formats) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("kind", form.text(kind));
        request.put("at", formats.instantOf(form.dateTime("at", at)));
        request.put("summary", form.text(summary));
        return request;
    }
}
