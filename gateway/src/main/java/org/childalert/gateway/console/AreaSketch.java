package org.childalert.gateway.console;

import java.util.List;

/**
 * A map of an area without map tiles (none can be fetched here, and the console depends on no outside
 * service): the centre, the circle to scale inside a square frame of a round size, and rings every quarter of
 * the frame, drawn as inline SVG by the {@code area-map} fragment.
 *
 * @param latitude the centre's latitude
 * @param longitude the centre's longitude
 * @param radiusKm the circle's radius
 * @param halfWidthKm half the frame's width: the smallest round size that holds the circle with a margin
 */
public record AreaSketch(double latitude, double longitude, double radiusKm, double halfWidthKm) {

    /** Half the drawing's width in SVG units (the viewBox is 0 0 240 240, the centre at 120,120). */
    public static final int HALF_WIDTH = 110;

    private static final List<Double> FRAMES_KM = List.of(1.0, 2.0, 5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 500.0, 1000.0);

    public static AreaSketch of(double latitude, double longitude, double radiusKm) {
        double wanted = Math.max(radiusKm, 0.1) * 1.25;
        double frame = FRAMES_KM.stream().filter(size -> size >= wanted).findFirst()
                .orElse(FRAMES_KM.get(FRAMES_KM.size() - 1));
        return new AreaSketch(latitude, longitude, radiusKm, frame);
    }

    /** The circle's radius in SVG units. */
    public double circleRadius() {
        return Math.min(radiusKm / halfWidthKm * HALF_WIDTH, HALF_WIDTH + 10);
    }

    /** The scale rings' radii in SVG units, with the distance each stands for. */
    public List<Ring> rings() {
        return List.of(1, 2, 3, 4).stream()
                .map(quarter -> new Ring(HALF_WIDTH * quarter / 4.0, halfWidthKm * quarter / 4.0))
                .toList();
    }

    public record Ring(double radius, double km) {
    }
}
