package org.childalert.notifications.geo;

import java.util.List;

import org.childalert.events.GeoCircle;

/**
 * Distances on the earth as PostgreSQL's earthdistance computes them (a sphere of radius 6,378.168 km), and
 * whether a circle touches a polygon, in a local flat projection around the circle's centre (exact enough for
 * the tens of kilometres of an alert).
 */
public final class GeoMath {

    public static final double EARTH_RADIUS_KM = 6378.168;
    private static final double KM_PER_DEGREE = Math.toRadians(1) * EARTH_RADIUS_KM;

    public record Box(double minLatitude, double maxLatitude, double minLongitude, double maxLongitude) {
    }

    private GeoMath() {
    }

    public static double distanceKm(double latitude1, double longitude1, double latitude2, double longitude2) {
        double dLat = Math.toRadians(latitude2 - latitude1);
        double dLon = Math.toRadians(longitude2 - longitude1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(latitude1)) * Math.cos(Math.toRadians(latitude2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** A latitude/longitude box that contains the circle. */
    public static Box boundingBox(GeoCircle circle) {
        double dLat = circle.radiusKm() / KM_PER_DEGREE;
        double cos = Math.max(0.01, Math.cos(Math.toRadians(Math.min(89, Math.abs(circle.latitude()) + dLat))));
        double dLon = circle.radiusKm() / (KM_PER_DEGREE * cos);
        return new Box(circle.latitude() - dLat, circle.latitude() + dLat, circle.longitude() - dLon, circle.longitude() + dLon);
    }

    /**
     * Whether the circle and the polygon ({@code [latitude, longitude]} vertices) share a point: the centre
     * lies inside the polygon, or an edge comes within the radius of the centre.
     */
    public static boolean circleTouchesPolygon(GeoCircle circle, List<double[]> polygon) {
        int n = polygon.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        double cos = Math.cos(Math.toRadians(circle.latitude()));
        for (int i = 0; i < n; i++) {
            xs[i] = (polygon.get(i)[1] - circle.longitude()) * KM_PER_DEGREE * cos;
            ys[i] = (polygon.get(i)[0] - circle.latitude()) * KM_PER_DEGREE;
        }
        boolean inside = false;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            if ((ys[i] > 0) != (ys[j] > 0) && 0 < (xs[j] - xs[i]) * (0 - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                inside = !inside;
            }
            if (distanceToSegment(xs[j], ys[j], xs[i], ys[i]) <= circle.radiusKm()) {
                return true;
            }
        }
        return inside;
    }

    /** The distance from the origin to the segment (x1, y1)-(x2, y2). */
    private static double distanceToSegment(double x1, double y1, double x2, double y2) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, -(x1 * dx + y1 * dy) / lengthSquared));
        return Math.hypot(x1 + t * dx, y1 + t * dy);
    }
}
