package org.childalert.notifications.geo;

import java.util.List;

import org.childalert.events.GeoCircle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GeoMathTests {

    /** Roughly the Brussels-Capital Region. */
    private static final List<double[]> BRUSSELS = List.of(new double[] {50.91, 4.29}, new double[] {50.91, 4.44},
            new double[] {50.77, 4.44}, new double[] {50.77, 4.29}, new double[] {50.91, 4.29});

    @Test
    void measuresDistancesLikeEarthdistance() {
        assertThat(GeoMath.distanceKm(50.8466, 4.3528, 51.2194, 4.4025)).isCloseTo(41.6, within(0.5)); // Brussels-Antwerp
    }

    @Test
    void aCircleInsideOrAcrossAnEdgeTouchesThePolygonAndOneAwayDoesNot() {
        assertThat(GeoMath.circleTouchesPolygon(new GeoCircle(50.85, 4.35, 1), BRUSSELS)).isTrue();
        assertThat(GeoMath.circleTouchesPolygon(new GeoCircle(50.85, 4.50, 5), BRUSSELS)).isTrue();
        assertThat(GeoMath.circleTouchesPolygon(new GeoCircle(51.05, 3.72, 10), BRUSSELS)).isFalse(); // Ghent
    }
}
