package org.childalert.notifications.targeting;

import java.util.List;
import java.util.Random;

import org.childalert.notifications.geo.GeoMath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The index ranges hold every home the circle reaches, for every radius bound, and not much more. */
class NearbyHomesTests {

    private final Random random = new Random(5);

    @Test
    void everyHomeInsideTheCircleIsInARangeOfItsRadiusBoundWhereverTheCircleIs() {
        double[][] centres = {{50.8466, 4.3528}, {0, 0}, {-33.9, 18.4}, {64.1, -21.9}, {10, 179.95}, {-45, -179.9},
                {89.9, 10}, {-89.7, -60}};
        for (double[] centre : centres) {
            for (double radiusKm : new double[] {0.5, 3, 10, 40, 200}) {
                List<NearbyHomes.Range> ranges = NearbyHomes.around(centre[0], centre[1], radiusKm);
                for (int i = 0; i < 2_000; i++) {
                    double[] home = pointAtMost(centre, radiusKm);
                    double distance = GeoMath.distanceKm(centre[0], centre[1], home[0], home[1]);
                    double volunteerRadius = 1 + random.nextDouble() * 49;
                    if (distance <= Math.min(radiusKm, volunteerRadius)) {
                        int bound = (int) Math.ceil(volunteerRadius / NearbyHomes.REACH_BOUND_STEP_KM) * NearbyHomes.REACH_BOUND_STEP_KM;
                        assertThat(ranges).as("home %s, %s at %.4f km of %s, %s (radius %s km, theirs %.2f km)",
                                        home[0], home[1], distance, centre[0], centre[1], radiusKm, volunteerRadius)
                                .anyMatch(range -> holds(range, bound, home));
                    }
                }
            }
        }
    }

    @Test
    void homesOnTheCircleItselfAreInARange() {
        double[] brussels = {50.8466, 4.3528};
        List<NearbyHomes.Range> ranges = NearbyHomes.bandsWithin(brussels[0], brussels[1], 10);
        for (int degrees = 0; degrees < 360; degrees++) {
            double[] home = destination(brussels, degrees, 10);
            assertThat(ranges).as("bearing %d", degrees).anyMatch(range -> holds(range, 0, home));
        }
    }

    @Test
    void aRadiusBoundIsLookedForOnlyWithinThatBoundOfTheCentre() {
        double[] brussels = {50.8466, 4.3528};
        double[] sevenKmEast = destination(brussels, 90, 7);
        List<NearbyHomes.Range> ranges = NearbyHomes.around(brussels[0], brussels[1], 40);

        assertThat(ranges).noneMatch(range -> holds(range, 5, sevenKmEast)); // who chose 5 km is never reached at 7
        assertThat(ranges).anyMatch(range -> holds(range, 10, sevenKmEast));
        assertThat(ranges).extracting(NearbyHomes.Range::reachBoundKm).containsOnly(5, 10, 15, 20, 25, 30, 35, 40, 45, 50);
    }

    @Test
    void theRangesOfA10KmCircleInBelgiumCoverLittleMoreThanTheCircle() {
        List<NearbyHomes.Range> ranges = NearbyHomes.bandsWithin(50.8466, 4.3528, 10);
        double kmPerDegreeLatitude = Math.toRadians(1) * GeoMath.EARTH_RADIUS_KM;
        double area = ranges.stream().mapToDouble(range -> (range.east() - range.west())
                * kmPerDegreeLatitude * Math.cos(Math.toRadians(range.band() / 100.0))
                * kmPerDegreeLatitude / NearbyHomes.BANDS_PER_DEGREE).sum();

        assertThat(ranges).hasSize(19);
        assertThat(area / (Math.PI * 10 * 10)).isBetween(1.0, 1.15); // a bounding box would be 4/pi = 1.27
        assertThat(ranges).noneMatch(range -> holds(range, 0, destination(new double[] {50.8466, 4.3528}, 90, 10.3)));
    }

    private static boolean holds(NearbyHomes.Range range, int bound, double[] home) {
        return range.reachBoundKm() == bound
                && range.band() == (int) Math.floor(home[0] * NearbyHomes.BANDS_PER_DEGREE)
                && range.west() <= home[1] && home[1] <= range.east();
    }

    private double[] pointAtMost(double[] centre, double radiusKm) {
        return destination(centre, random.nextDouble() * 360, radiusKm * Math.sqrt(random.nextDouble()));
    }

    /** The point {@code km} from the centre along this bearing, on GeoMath's sphere, longitude in [-180, 180]. */
    private static double[] destination(double[] centre, double bearingDegrees, double km) {
        double delta = km / GeoMath.EARTH_RADIUS_KM;
        double bearing = Math.toRadians(bearingDegrees);
        double phi0 = Math.toRadians(centre[0]);
        double phi = Math.asin(Math.sin(phi0) * Math.cos(delta) + Math.cos(phi0) * Math.sin(delta) * Math.cos(bearing));
        double lambda = Math.toRadians(centre[1]) + Math.atan2(Math.sin(bearing) * Math.sin(delta) * Math.cos(phi0),
                Math.cos(delta) - Math.sin(phi0) * Math.sin(phi));
        double longitude = (Math.toDegrees(lambda) + 540) % 360 - 180;
        return new double[] {Math.toDegrees(phi), longitude};
    }
}
