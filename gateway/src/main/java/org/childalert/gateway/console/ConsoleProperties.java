package org.childalert.gateway.console;

import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the console shows and reads times.
 *
 * @param timeZone the zone of the people using it: times are shown in it, and a time typed into a form
 *                 ({@code datetime-local}, which has no zone) is read in it
 */
@Validated
@ConfigurationProperties("childalert.console")
record ConsoleProperties(@NotNull @DefaultValue("Europe/Brussels") ZoneId timeZone) {
}
