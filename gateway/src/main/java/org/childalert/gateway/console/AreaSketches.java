package org.childalert.gateway.console;

import org.springframework.stereotype.Component;

/** Lets templates draw an area: {@code ${@sketches.of(lat, lon, radiusKm)}}. */
@Component("sketches")
public class AreaSketches {

    public AreaSketch of(double latitude, double longitude, double radiusKm) {
        return AreaSketch.of(latitude, longitude, radiusKm);
    }
}
