package org.childalert.notifications.police;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.childalert.events.GeoCircle;
import org.childalert.kit.web.InvalidRequestException;
import org.childalert.notifications.geo.GeoMath;
import org.childalert.notifications.geo.PostalCodeGeocoder;

/**
 * The validated area of a zone, a polygon or postal codes, and the latitude/longitude box that contains
 * everything the targeting counts as inside it (for postal codes, the reach of each of their places).
 */
record ZoneArea(List<List<Double>> polygon, List<String> postalCodes, GeoMath.Box box) {

    static final int MIN_POLYGON_POINTS = 4;

    /** The area of a zone being defined or changed: exactly one of the two is given. */
    static ZoneArea of(List<List<Double>> polygon, List<String> postalCodes, PostalCodeGeocoder geocoder) {
        boolean hasPolygon = polygon != null;
        boolean hasPostalCodes = postalCodes != null;
        if (hasPolygon == hasPostalCodes) {
            throw new InvalidRequestException(hasPolygon ? "postalCodes" : "polygon",
                    "a zone is either a polygon or a set of postal codes: give exactly one of polygon and postalCodes");
        }
        return hasPolygon ? polygon(polygon) : postalCodes(postalCodes, geocoder);
    }

    private static ZoneArea polygon(List<List<Double>> points) {
        if (points.size() < MIN_POLYGON_POINTS) {
            throw new InvalidRequestException("polygon",
                    "must have at least " + MIN_POLYGON_POINTS + " [latitude, longitude] pairs, the last repeating the first");
        }
        double minLatitude = 90, maxLatitude = -90, minLongitude = 180, maxLongitude = -180;
        for (int i = 0; i < points.size(); i++) {
            List<Double> point = points.get(i);
            String field = "polygon[" + i + "]";
            if (point == null || point.size() != 2 || point.contains(null)) {
                throw new InvalidRequestException(field, "must be a [latitude, longitude] pair");
            }
            double latitude = point.get(0);
            double longitude = point.get(1);
            if (latitude < -90 || latitude > 90) {
                throw new InvalidRequestException(field, "latitude must be between -90 and 90");
            }
            if (longitude < -180 || longitude > 180) {
                throw new InvalidRequestException(field, "longitude must be between -180 and 180");
            }
            minLatitude = Math.min(minLatitude, latitude);
            maxLatitude = Math.max(maxLatitude, latitude);
            minLongitude = Math.min(minLongitude, longitude);
            maxLongitude = Math.max(maxLongitude, longitude);
        }
        if (!Objects.equals(points.get(0), points.get(points.size() - 1))) {
            throw new InvalidRequestException("polygon", "must be closed: the last pair must repeat the first");
        }
        if (new LinkedHashSet<>(points).size() < MIN_POLYGON_POINTS - 1) {
            throw new InvalidRequestException("polygon", "must have at least three distinct corners");
        }
        return new ZoneArea(List.copyOf(points.stream().map(List::copyOf).toList()), null,
                new GeoMath.Box(minLatitude, maxLatitude, minLongitude, maxLongitude));
    }

    private static ZoneArea postalCodes(List<String> codes, PostalCodeGeocoder geocoder) {
        if (codes.isEmpty()) {
            throw new InvalidRequestException("postalCodes", "must list at least one postal code");
        }
        Set<String> distinct = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        double minLatitude = 90, maxLatitude = -90, minLongitude = 180, maxLongitude = -180;
        for (String code : codes) {
            String trimmed = code == null ? "" : code.trim();
            List<PostalCodeGeocoder.Coordinates> places = geocoder.places(trimmed);
            if (places.isEmpty()) {
                unknown.add(code);
                continue;
            }
            distinct.add(trimmed);
            for (PostalCodeGeocoder.Coordinates place : places) {
                GeoMath.Box reach = GeoMath.boundingBox(
                        new GeoCircle(place.latitude(), place.longitude(), PostalCodeGeocoder.PLACE_REACH_KM));
                minLatitude = Math.min(minLatitude, reach.minLatitude());
                maxLatitude = Math.max(maxLatitude, reach.maxLatitude());
                minLongitude = Math.min(minLongitude, reach.minLongitude());
                maxLongitude = Math.max(maxLongitude, reach.maxLongitude());
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("postalCodes", "unknown Belgian postal codes: " + String.join(", ", unknown));
        }
        return new ZoneArea(null, List.copyOf(distinct), new GeoMath.Box(minLatitude, maxLatitude, minLongitude, maxLongitude));
    }
}
