package org.childalert.notifications.observability;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The SMS segments handed to Twilio, what the platform pays for: {@code childalert_sms_segments_total{kind}},
 * kind {@code alert} (deliveries), {@code verification} (confirmation codes) or {@code reply} (automatic answers to
 * an inbound SMS, sent by Twilio from our TwiML).
 */
@Component
public class SmsSegmentCounter {

    public enum Kind { ALERT, VERIFICATION, REPLY }

    private final Map<Kind, Counter> counters = new EnumMap<>(Kind.class);

    @Autowired
    public SmsSegmentCounter(MeterRegistry registry) {
        for (Kind kind : Kind.values()) {
            counters.put(kind, Counter.builder("childalert.sms.segments")
                    .description("SMS segments handed to Twilio: what is paid for")
                    .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    /** One that counts into a registry of its own, for a sender built by hand in a test. */
    public static SmsSegmentCounter unregistered() {
        return new SmsSegmentCounter(new SimpleMeterRegistry());
    }

    public void sent(Kind kind, int segments) {
        counters.get(kind).increment(segments);
    }
}
