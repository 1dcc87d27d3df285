package org.childalert.notifications.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a Belgian postal code into coordinates, from the list in {@code geo/} (see its NOTICE.md). Several
 * places share a code: the first one listed with coordinates stands for the code, and all of them together
 * stand for its area.
 */
@Component
public class PostalCodeGeocoder {

    /**
     * A place of the list stands for an area a few kilometres across: whatever is within this distance of one
     * of a postal code's places counts as inside that postal code's area.
     */
    public static final double PLACE_REACH_KM = 3;

    private static final String LIST = "geo/be-postal-codes.json";

    public record Coordinates(double latitude, double longitude) {
    }

    private record Place(String zipcode, String name, String latitude, String longitude) {
    }

    private final Map<String, List<Coordinates>> placesByPostalCode;

    public PostalCodeGeocoder() {
        this.placesByPostalCode = load();
    }

    /** Where the code's main place is; empty for codes that are unknown or listed without coordinates. */
    public Optional<Coordinates> locate(String postalCode) {
        return places(postalCode).stream().findFirst();
    }

    /** Every place listed under the code, main place first. */
    public List<Coordinates> places(String postalCode) {
        return postalCode == null ? List.of() : placesByPostalCode.getOrDefault(postalCode.trim(), List.of());
    }

    /** Every known code with its places, in the order of the list. */
    public Map<String, List<Coordinates>> all() {
        return placesByPostalCode;
    }

    private static Map<String, List<Coordinates>> load() {
        try (InputStream in = new ClassPathResource(LIST).getInputStream()) {
            List<Place> places = JsonMapper.builder().build().readValue(in, new TypeReference<List<Place>>() {
            });
            Map<String, List<Coordinates>> byCode = new LinkedHashMap<>();
            for (Place place : places) {
                if (place.zipcode() == null || isBlank(place.latitude()) || isBlank(place.longitude())) {
                    continue;
                }
                byCode.computeIfAbsent(place.zipcode().trim(), code -> new ArrayList<>())
                        .add(new Coordinates(Double.parseDouble(place.latitude()), Double.parseDouble(place.longitude())));
            }
            Map<String, List<Coordinates>> immutable = new LinkedHashMap<>();
            byCode.forEach((code, coordinates) -> immutable.put(code, List.copyOf(coordinates)));
            return java.util.Collections.unmodifiableMap(immutable);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the postal code list " + LIST, e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
