package org.childalert.notifications.sms;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The SMS throughput allowed per sender (From number or Messaging Service SID), as Twilio counts it: message
 * segments per second. Shared by every instance of the service through PostgreSQL.
 *
 * @param segmentsPerSecond the most segments one sender may send in any one-second window
 * @param slotLength the granularity of the reservations; shorter slots spread messages more evenly
 * @param sendMargin how late after the start of its slot a message may still leave; a sender that wakes later
 *                   (a busy machine) reserves again. The throttle counts this margin into the window it checks,
 *                   so the limit holds at the provider even for messages sent late in their margin; a larger
 *                   margin tolerates a busier machine and costs throughput (about limit / (1 s + margin))
 * @param chunkSegments how many segments an instance reserves at once and hands out to its own senders, to save
 *                      round trips to the database; 0 for a tenth of the limit
 */
@Validated
@ConfigurationProperties("childalert.twilio.throttle")
public record SmsThrottleProperties(@Min(1) int segmentsPerSecond, @NotNull Duration slotLength, @NotNull Duration sendMargin,
                             @Min(0) int chunkSegments) {

    /** The number of slots whose reservations together must stay within the limit. */
    int windowSlots() {
        long slot = slotLength.toMillis();
        return (int) ((1000 + sendMargin.toMillis() + slot - 1) / slot) + 1;
    }

    int chunk() {
        int chunk = chunkSegments > 0 ? chunkSegments : Math.max(1, segmentsPerSecond / 10);
        return Math.min(chunk, segmentsPerSecond);
    }
}
