package org.childalert.gateway.console;

import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the console shows and reads times, and where its maps get their tiles.
 *
 * @param timeZone the zone of the people using it: times are shown in it, and a time typed into a form
 *                 ({@code datetime-local}, which has no zone) is read in it
 * @param map the maps' tile server
 */
@Validated
@ConfigurationProperties("childalert.console")
record ConsoleProperties(@NotNull @DefaultValue("Europe/Brussels") ZoneId timeZone, @Valid @DefaultValue Map map) {

    /**
     * The console's maps always draw Belgium's border and its postal points from the gateway itself (static/geo);
     * a tile server adds streets on top.
     *
     * @param tileUrl a Leaflet tile URL template, such as {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png};
     *                empty (the default): no tiles, the shipped base layer only (tests, closed police networks).
     *                Its origin is added to the console's Content-Security-Policy img-src.
     * @param tileAttribution the attribution the tile server requires, shown on the map
     */
    record Map(@DefaultValue("") String tileUrl, @DefaultValue("") String tileAttribution) {

        public boolean hasTiles() {
            return tileUrl != null && !tileUrl.isBlank();
        }
    }
}
