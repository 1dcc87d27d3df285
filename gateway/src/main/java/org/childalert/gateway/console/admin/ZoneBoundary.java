package org.childalert.gateway.console.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.childalert.gateway.console.FormReader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A zone's boundary as drawn on the zones map: the form's hidden field {@code polygon}, JSON
 * {@code [[latitude, longitude], ...]} written by console-map.js, read into the closed ring notification-service
 * expects (at least three distinct corners, the last pair repeating the first). What is not such a list is noted
 * against the field, and nothing is sent.
 */
final class ZoneBoundary {

    static final String FIELD = "polygon";
    static final String NOT_PAIRS = "must be a list of [latitude, longitude] pairs";
    static final String TOO_FEW_CORNERS = "must have at least three distinct corners";
    /** notification-service's own words when a zone has both (it refuses them on the postal codes). */
    static final String BOTH = "a zone is either a polygon or a set of postal codes: give exactly one of polygon and postalCodes";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MIN_CORNERS = 3;

    private ZoneBoundary() {
    }

    /** The closed ring of the boundary drawn, or null when none was drawn (the field is blank) or it is refused. */
    static List<List<Double>> read(String drawn, FormReader reader) {
        String text = reader.text(drawn);
        if (text == null) {
            return null;
        }
        List<List<Double>> ring = new ArrayList<>();
        try {
            JsonNode points = JSON.readTree(text);
            if (points == null || !points.isArray()) {
                return refuse(reader, NOT_PAIRS);
            }
            for (JsonNode point : points) {
                if (!point.isArray() || point.size() != 2 || !point.get(0).isNumber() || !point.get(1).isNumber()) {
                    return refuse(reader, NOT_PAIRS);
                }
                double latitude = point.get(0).asDouble();
                double longitude = point.get(1).asDouble();
                if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
                    return refuse(reader, NOT_PAIRS);
                }
                ring.add(List.of(latitude, longitude));
            }
        }
        catch (JacksonException e) {
            return refuse(reader, NOT_PAIRS);
        }
        if (new LinkedHashSet<>(ring).size() < MIN_CORNERS) {
            return refuse(reader, TOO_FEW_CORNERS);
        }
        if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
            ring.add(ring.get(0));
        }
        return ring;
    }

    private static List<List<Double>> refuse(FormReader reader, String message) {
        reader.reject(FIELD, message, true);
        return null;
    }
}
