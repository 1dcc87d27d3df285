package org.childalert.notifications.targeting;

import java.util.ArrayList;
import java.util.List;

import org.childalert.notifications.geo.GeoMath;

/**
 * The ranges of the {@code volunteer_reach_nearby} index (V9 migration) that hold every reachable volunteer
 * whose home is within a distance of an alert's centre: one range of longitudes per band of latitude
 * (0.01 degree) and per bound of the volunteers' own radius (rounded up to 5 km).
 *
 * <p>The volunteers of one bound need only be looked for within that bound of the centre, since a volunteer is
 * reached only when the centre is within their own radius: over a 40 km alert, the many volunteers who chose
 * 5 to 10 km are looked for within 10 km, not 40. In each band, the range is the circle's exact extent in
 * longitude on the sphere (its widest point inside the band), a hair wider so that rounding never drops a home
 * on the edge; the resolver then applies the exact distance to what the ranges hold.
 */
final class NearbyHomes {

    /** The index's band height: {@code home_band = floor(home_latitude * 100)}. */
    static final int BANDS_PER_DEGREE = 100;

    /** The index's radius bound: {@code reach_bound_km = ceil(radius_km / 5) * 5}. */
    static final int REACH_BOUND_STEP_KM = 5;

    /** The largest radius a volunteer may choose (the {@code volunteer.radius_km} check, V2 migration). */
    static final int LARGEST_VOLUNTEER_RADIUS_KM = 50;

    /** About 1 cm: what the ranges add to the exact extent so that rounding never drops a home on the edge. */
    private static final double MARGIN_DEGREES = 1e-7;

    /** One index range: these volunteers' radius bound, this band, longitudes from west to east (degrees). */
    record Range(int reachBoundKm, int band, double west, double east) {
    }

    private NearbyHomes() {
    }

    /** Every index range to read for homes within {@code radiusKm} of the centre, reachable from there. */
    static List<Range> around(double latitude, double longitude, double radiusKm) {
        List<Range> ranges = new ArrayList<>();
        for (int bound = REACH_BOUND_STEP_KM; bound <= LARGEST_VOLUNTEER_RADIUS_KM; bound += REACH_BOUND_STEP_KM) {
            double searchKm = Math.min(radiusKm, bound);
            for (Range range : bandsWithin(latitude, longitude, searchKm)) {
                ranges.add(new Range(bound, range.band(), range.west(), range.east()));
            }
        }
        return ranges;
    }

    /** The bands and their longitude ranges that cover a circle (the radius bound left at 0). */
    static List<Range> bandsWithin(double latitude, double longitude, double radiusKm) {
        double delta = radiusKm / GeoMath.EARTH_RADIUS_KM; // angular radius
        double deltaDegrees = Math.toDegrees(delta);
        double south = Math.max(-90, latitude - deltaDegrees - MARGIN_DEGREES);
        double north = Math.min(90, latitude + deltaDegrees + MARGIN_DEGREES);
        boolean reachesAPole = latitude + deltaDegrees >= 90 || latitude - deltaDegrees <= -90;
        double phi0 = Math.toRadians(latitude);
        // the latitude where the circle is widest in longitude, and that width (a half, in radians)
        double widestLatitude = Math.toDegrees(Math.asin(Math.min(1, Math.sin(phi0) / Math.cos(delta))));
        double widestHalfWidth = Math.asin(Math.min(1, Math.sin(delta) / Math.cos(phi0)));

        List<Range> ranges = new ArrayList<>();
        int firstBand = (int) Math.floor(south * BANDS_PER_DEGREE);
        int lastBand = (int) Math.floor(north * BANDS_PER_DEGREE);
        for (int band = firstBand; band <= lastBand; band++) {
            double halfWidthDegrees;
            if (reachesAPole) {
                halfWidthDegrees = 180;
            } else {
                double bandSouth = Math.max(south, (double) band / BANDS_PER_DEGREE);
                double bandNorth = Math.min(north, (double) (band + 1) / BANDS_PER_DEGREE);
                double halfWidth = bandSouth <= widestLatitude && widestLatitude <= bandNorth
                        ? widestHalfWidth
                        : Math.max(halfWidthAt(bandSouth, phi0, delta), halfWidthAt(bandNorth, phi0, delta));
                halfWidthDegrees = Math.toDegrees(halfWidth) + MARGIN_DEGREES;
            }
            addLongitudes(ranges, band, longitude - halfWidthDegrees, longitude + halfWidthDegrees);
        }
        return ranges;
    }

    /** Half the circle's extent in longitude at this latitude (0 where the circle does not reach it). */
    private static double halfWidthAt(double latitude, double phi0, double delta) {
        double phi = Math.toRadians(latitude);
        double cosine = (Math.cos(delta) - Math.sin(phi) * Math.sin(phi0)) / (Math.cos(phi) * Math.cos(phi0));
        return Math.acos(Math.max(-1, Math.min(1, cosine)));
    }

    /** West to east, split in two where it crosses the antimeridian. */
    private static void addLongitudes(List<Range> ranges, int band, double west, double east) {
        if (east - west >= 360) {
            ranges.add(new Range(0, band, -180, 180));
        } else if (west < -180) {
            ranges.add(new Range(0, band, west + 360, 180));
            ranges.add(new Range(0, band, -180, east));
        } else if (east > 180) {
            ranges.add(new Range(0, band, west, 180));
            ranges.add(new Range(0, band, -180, east - 360));
        } else {
            ranges.add(new Range(0, band, west, east));
        }
    }
}
