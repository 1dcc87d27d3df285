package org.childalert.notifications.volunteers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a Belgian postal code into the coordinates of its place, from the list in {@code geo/} (see its
 * NOTICE.md). Several places share a code; the first one listed with coordinates stands for the code.
 */
@Component
class PostalCodeGeocoder {

    private static final String LIST = "geo/be-postal-codes.json";

    record Coordinates(double latitude, double longitude) {
    }

    private record Place(String zipcode, String name, String latitude, String longitude) {
    }

    private final Map<String, Coordinates> byPostalCode;

    PostalCodeGeocoder() {
        this.byPostalCode = load();
    }

    Optional<Coordinates> locate(String postalCode) {
        return postalCode == null ? Optional.empty() : Optional.ofNullable(byPostalCode.get(postalCode.trim()));
    }

    private static Map<String, Coordinates> load() {
        try (InputStream in = new ClassPathResource(LIST).getInputStream()) {
            List<Place> places = JsonMapper.builder().build().readValue(in, new TypeReference<List<Place>>() {
            });
            Map<String, Coordinates> coordinates = new HashMap<>();
            for (Place place : places) {
                if (place.zipcode() == null || isBlank(place.latitude()) || isBlank(place.longitude())) {
                    continue;
                }
                coordinates.putIfAbsent(place.zipcode().trim(),
                        new Coordinates(Double.parseDouble(place.latitude()), Double.parseDouble(place.longitude())));
            }
            return Map.copyOf(coordinates);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the postal code list " + LIST, e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
