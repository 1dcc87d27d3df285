package org.childalert.notifications.volunteers;

import org.childalert.kit.web.InvalidRequestException;
import org.childalert.notifications.geo.PostalCodeGeocoder;

/** Where a volunteer lives, from a Belgian postal code or from coordinates, never both. */
final class Homes {

    private Homes() {
    }

    static PostalCodeGeocoder.Coordinates locate(PostalCodeGeocoder geocoder, String postalCode, Double latitude,
                                                 Double longitude) {
        boolean hasPostalCode = postalCode != null && !postalCode.isBlank();
        boolean hasCoordinates = latitude != null && longitude != null;
        if (hasPostalCode && (latitude != null || longitude != null)) {
            throw new InvalidRequestException("home", "must give either a postalCode or latitude and longitude, not both");
        }
        if (hasCoordinates) {
            return new PostalCodeGeocoder.Coordinates(latitude, longitude);
        }
        if (!hasPostalCode) {
            throw new InvalidRequestException("home", "must give a postalCode or both latitude and longitude");
        }
        return geocoder.locate(postalCode)
                .orElseThrow(() -> new InvalidRequestException("home.postalCode", "is not a known Belgian postal code"));
    }
}
