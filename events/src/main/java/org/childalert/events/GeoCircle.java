package org.childalert.events;

/** A circle on the earth: centre in WGS 84 degrees, radius in kilometres. */
public record GeoCircle(double latitude, double longitude, double radiusKm) {
}
