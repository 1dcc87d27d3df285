package org.childalert.cases.statistics;

import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the yearly figures are counted.
 *
 * @param zone the time zone whose calendar year a case is counted in (the organisation's own)
 */
@Validated
@ConfigurationProperties("childalert.statistics")
public record StatisticsProperties(@NotNull @DefaultValue("Europe/Brussels") ZoneId zone) {
}
