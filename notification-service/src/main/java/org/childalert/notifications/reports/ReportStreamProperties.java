package org.childalert.notifications.reports;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The live report of an alert ({@code GET /api/alerts/{id}/report/stream}).
 *
 * @param checkInterval how often the figures are computed again, and sent if they changed
 * @param heartbeatInterval how long the stream may stay silent before a comment keeps proxies from closing it
 * @param maxDuration how long a stream lasts at most; the console opens another one
 * @param maxStreams how many streams this instance serves at once; more are refused with 429
 */
@Validated
@ConfigurationProperties("childalert.report.stream")
record ReportStreamProperties(@NotNull Duration checkInterval, @NotNull Duration heartbeatInterval,
                              @NotNull Duration maxDuration, @Min(1) int maxStreams) {
}
