package org.childalert.gateway.console.coordinator;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The bounds of an alert page's live updates (server-sent events).
 *
 * @param interval    how often each open page's alert is read again from notification-service
 * @param maxDuration how long one stream lasts at most; the browser then reconnects, which checks the session
 *                    again (a stream also ends before the access token it reads with expires)
 * @param heartbeat   how long a stream may stay silent before a comment is sent, so that a browser that went
 *                    away is noticed (the write fails) even when nothing changes
 * @param maxStreams  how many pages may be live at once on this instance; one more is answered 503
 * @param threads     the scheduler threads shared by every stream (no thread belongs to one browser)
 */
@Validated
@ConfigurationProperties("childalert.console.live")
record LiveUpdateProperties(@NotNull @DefaultValue("1s") Duration interval,
                            @NotNull @DefaultValue("10m") Duration maxDuration,
                            @NotNull @DefaultValue("15s") Duration heartbeat,
                            @Min(1) @DefaultValue("200") int maxStreams,
                            @Min(1) @DefaultValue("2") int threads) {
}
