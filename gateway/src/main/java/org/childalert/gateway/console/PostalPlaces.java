package org.childalert.gateway.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The place names of Belgian postal codes, from the list the console's maps already ship
 * ({@code static/geo/be-postal-codes.geojson}, see its NOTICE.md): "1000" is "Brussel / Bruxelles". Templates call it
 * as {@code ${@postalPlaces.of(postalCode)}}, to say in words where a volunteer's home is.
 */
@Component("postalPlaces")
public class PostalPlaces {

    private static final String LIST = "static/geo/be-postal-codes.geojson";
    private static final int SHOWN = 3;

    private final Map<String, List<String>> namesByCode;
    /** Each code's point (longitude, latitude), as the list gives it. */
    private final Map<String, double[]> pointsByCode = new LinkedHashMap<>();

    public PostalPlaces() {
        this.namesByCode = read(new ClassPathResource(LIST), pointsByCode);
    }

    /**
     * The postal code nearest to a point, with its place names ("1030 Schaerbeek / Schaarbeek"), to say where an
     * area lies in words rather than in degrees; empty when the list is empty.
     */
    public String nearest(double latitude, double longitude) {
        double shrink = Math.cos(Math.toRadians(latitude)); // a degree of longitude is shorter than one of latitude
        String nearest = null;
        double best = Double.MAX_VALUE;
        for (Map.Entry<String, double[]> point : pointsByCode.entrySet()) {
            double dx = (point.getValue()[0] - longitude) * shrink;
            double dy = point.getValue()[1] - latitude;
            if (dx * dx + dy * dy < best) {
                best = dx * dx + dy * dy;
                nearest = point.getKey();
            }
        }
        return nearest == null ? "" : nearest + " " + of(nearest);
    }

    /**
     * The postal code's place names joined by " / ", the first three of a code that covers more villages followed by
     * " …"; empty when the list does not know the code.
     */
    public String of(String postalCode) {
        List<String> names = postalCode == null ? List.of() : namesByCode.getOrDefault(postalCode.strip(), List.of());
        return names.size() <= SHOWN ? String.join(" / ", names) : String.join(" / ", names.subList(0, SHOWN)) + " …";
    }

    private static Map<String, List<String>> read(ClassPathResource list, Map<String, double[]> points) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        try (InputStream in = list.getInputStream()) {
            JsonNode features = JsonMapper.builder().build().readTree(in).path("features");
            for (JsonNode feature : features) {
                String code = feature.path("properties").path("postalCode").asText();
                String name = feature.path("properties").path("name").asText();
                JsonNode coordinates = feature.path("geometry").path("coordinates");
                if (coordinates.size() == 2) {
                    points.putIfAbsent(code, new double[] { coordinates.get(0).asDouble(), coordinates.get(1).asDouble() });
                }
                List<String> ofCode = names.computeIfAbsent(code, c -> new ArrayList<>());
                if (!name.isBlank() && !ofCode.contains(name)) {
                    ofCode.add(name);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("the console's postal code list " + LIST + " cannot be read", e);
        }
        names.replaceAll((code, ofCode) -> List.copyOf(ofCode));
        return Map.copyOf(names);
    }
}
