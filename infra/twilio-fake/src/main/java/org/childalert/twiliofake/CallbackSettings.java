package org.childalert.twiliofake;

import java.time.Duration;
import java.util.Map;

/**
 * How the Twilio fake reports the messages it creates, from the environment bin/stack sets.
 *
 * @param authToken          the account's auth token: the key of {@code X-Twilio-Signature} (the receiver checks it
 *                           with the same token; locally notification-service's development value)
 * @param queuedAfter        from the create request to the {@code queued} callback
 * @param sentAfter          from the create request to the {@code sent} callback (and to {@code failed})
 * @param finalAfter         from the create request to {@code delivered} or {@code undelivered}
 * @param undeliveredPercent share of messages the carrier does not deliver (error 30003 or 30005), 0-100
 * @param failedPercent      share of messages Twilio cannot send at all (error 30008), 0-100
 * @param seed               seed of the draw of outcomes: the same seed and the same order of messages give the same
 *                           outcomes; null draws from the clock
 */
public record CallbackSettings(String authToken, Duration queuedAfter, Duration sentAfter, Duration finalAfter,
        int undeliveredPercent, int failedPercent, Long seed) {

    static final String DEVELOPMENT_AUTH_TOKEN = "dev-twilio-auth-token";

    public CallbackSettings {
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("TWILIO_FAKE_AUTH_TOKEN is empty: the callbacks could not be signed");
        }
        if (queuedAfter.isNegative() || sentAfter.compareTo(queuedAfter) < 0 || finalAfter.compareTo(sentAfter) < 0) {
            throw new IllegalArgumentException("the delays must be 0 <= queued <= sent <= final, not " + queuedAfter
                    + ", " + sentAfter + ", " + finalAfter);
        }
        if (undeliveredPercent < 0 || failedPercent < 0 || undeliveredPercent + failedPercent > 100) {
            throw new IllegalArgumentException("TWILIO_FAKE_UNDELIVERED_PERCENT and TWILIO_FAKE_FAILED_PERCENT must be"
                    + " 0-100 together, not " + undeliveredPercent + " and " + failedPercent);
        }
    }

    /**
     * From environment variables (a system property of the same name in lower case with dots, e.g.
     * {@code twilio.fake.auth.token}, wins): TWILIO_FAKE_AUTH_TOKEN (default {@value #DEVELOPMENT_AUTH_TOKEN}),
     * TWILIO_FAKE_QUEUED_MS (100), TWILIO_FAKE_SENT_MS (500), TWILIO_FAKE_DELIVERED_MS (1500),
     * TWILIO_FAKE_UNDELIVERED_PERCENT (0), TWILIO_FAKE_FAILED_PERCENT (0), TWILIO_FAKE_SEED (none).
     */
    static CallbackSettings fromEnvironment(Map<String, String> environment) {
        return new CallbackSettings(
                value(environment, "TWILIO_FAKE_AUTH_TOKEN", DEVELOPMENT_AUTH_TOKEN),
                Duration.ofMillis(number(environment, "TWILIO_FAKE_QUEUED_MS", 100)),
                Duration.ofMillis(number(environment, "TWILIO_FAKE_SENT_MS", 500)),
                Duration.ofMillis(number(environment, "TWILIO_FAKE_DELIVERED_MS", 1500)),
                (int) number(environment, "TWILIO_FAKE_UNDELIVERED_PERCENT", 0),
                (int) number(environment, "TWILIO_FAKE_FAILED_PERCENT", 0),
                value(environment, "TWILIO_FAKE_SEED", "").isBlank()
                        ? null : Long.valueOf(number(environment, "TWILIO_FAKE_SEED", 0)));
    }

    private static String value(Map<String, String> environment, String name, String fallback) {
        String property = System.getProperty(name.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
        if (property != null) {
            return property.trim();
        }
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static long number(Map<String, String> environment, String name, long fallback) {
        String value = value(environment, name, Long.toString(fallback));
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'", e);
        }
    }
}
