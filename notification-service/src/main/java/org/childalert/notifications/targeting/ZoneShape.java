package org.childalert.notifications.targeting;

import java.util.ArrayList;
import java.util.List;

import org.childalert.events.GeoCircle;
import org.childalert.notifications.geo.GeoMath;
import org.childalert.notifications.geo.PostalCodeGeocoder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A police zone's shape, to tell whether an alert's circle touches it. */
abstract sealed class ZoneShape {

    private static final JsonMapper json = JsonMapper.builder().build();

    abstract boolean touches(GeoCircle circle);

    static ZoneShape of(String polygonJson, List<String> postalCodes, PostalCodeGeocoder geocoder) {
        if (polygonJson != null) {
            List<List<Double>> vertices = json.readValue(polygonJson, new TypeReference<List<List<Double>>>() {
            });
            List<double[]> polygon = new ArrayList<>();
            vertices.forEach(vertex -> polygon.add(new double[] {vertex.get(0), vertex.get(1)}));
            return new Polygon(polygon);
        }
        List<PostalCodeGeocoder.Coordinates> places = new ArrayList<>();
        postalCodes.forEach(code -> places.addAll(geocoder.places(code)));
        return new PostalCodes(places);
    }

    static final class Polygon extends ZoneShape {

        private final List<double[]> vertices;

        Polygon(List<double[]> vertices) {
            this.vertices = vertices;
        }

        @Override
        boolean touches(GeoCircle circle) {
            return GeoMath.circleTouchesPolygon(circle, vertices);
        }
    }

    static final class PostalCodes extends ZoneShape {

        private final List<PostalCodeGeocoder.Coordinates> places;

        PostalCodes(List<PostalCodeGeocoder.Coordinates> places) {
            this.places = places;
        }

        /** Touched when one of the postal codes' places is within reach of the circle. */
        @Override
        boolean touches(GeoCircle circle) {
            return places.stream().anyMatch(place -> GeoMath.distanceKm(circle.latitude(), circle.longitude(),
                    place.latitude(), place.longitude()) <= circle.radiusKm() + PostalCodeGeocoder.PLACE_REACH_KM);
        }
    }
}
