package org.childalert.notifications.sms;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach Twilio. Messages go through the Messaging Service when one is configured, else from the
 * sender number.
 *
 * @param apiBaseUrl where {@code https://api.twilio.com} really is: Twilio itself in production, the local
 *                   fake (WireMock) in development and tests
 * @param statusCallbackUrl the public URL Twilio reports message statuses to
 * @param webhookBaseUrl the public base URL (scheme, host, port) Twilio calls our webhooks at: the URL it signs
 * @param connectTimeout how long to wait for a connection to Twilio
 * @param readTimeout how long to wait for Twilio's answer to a message
 */
@Validated
@ConfigurationProperties("childalert.twilio")
public record TwilioProperties(
        @NotBlank String accountSid,
        @NotBlank String authToken,
        String messagingServiceSid,
        String fromNumber,
        @NotBlank String apiBaseUrl,
        @NotBlank String statusCallbackUrl,
        @NotBlank String webhookBaseUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {

    boolean hasMessagingService() {
        return messagingServiceSid != null && !messagingServiceSid.isBlank();
    }

    /** Who sends, as Twilio counts throughput: the Messaging Service when there is one, else the From number. */
    String sender() {
        return hasMessagingService() ? messagingServiceSid : fromNumber;
    }
}
