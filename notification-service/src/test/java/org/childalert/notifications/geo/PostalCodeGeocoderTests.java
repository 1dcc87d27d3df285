package org.childalert.notifications.geo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PostalCodeGeocoderTests {

    private final PostalCodeGeocoder geocoder = new PostalCodeGeocoder();

    @Test
    void locatesBrusselsByItsPostalCode() {
        PostalCodeGeocoder.Coordinates brussels = geocoder.locate("1000").orElseThrow();

        assertThat(brussels.latitude()).isCloseTo(50.83, within(0.01));
        assertThat(brussels.longitude()).isCloseTo(4.33, within(0.01));
    }

    @Test
    void knowsNoPlaceForAnUnknownCodeOrOneListedWithoutCoordinates() {
        assertThat(geocoder.locate("0000")).isEmpty();
        assertThat(geocoder.locate("0612")).isEmpty();
    }
}
