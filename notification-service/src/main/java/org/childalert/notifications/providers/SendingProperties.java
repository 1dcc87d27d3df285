package org.childalert.notifications.providers;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How hard the dispatcher drives the providers.
 *
 * @param smsWorkers how many SMS are handed to Twilio at the same time (the Twilio SDK's HTTP connection pool is
 *                   sized to match)
 * @param emailWorkers how many emails are handed to the SMTP relay at the same time, each over its own connection,
 *                     kept open from one email to the next
 * @param outcomeBatchSize how many outcomes (accepted, failed, to retry) are recorded in one transaction
 * @param outcomeFlushInterval how long an outcome may wait for others before it is recorded anyway
 */
@Validated
@ConfigurationProperties("childalert.delivery.sending")
public record SendingProperties(@Min(1) int smsWorkers, @Min(1) int emailWorkers, @Min(1) int outcomeBatchSize,
                         @NotNull Duration outcomeFlushInterval) {

    /** Messages claimed from the queue per channel, sending or waiting for a worker: enough to keep them busy. */
    public int inFlight(int workers) {
        return workers * 2;
    }
}
