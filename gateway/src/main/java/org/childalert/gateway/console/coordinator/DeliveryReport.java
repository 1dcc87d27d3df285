package org.childalert.gateway.console.coordinator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Where an alert's messages stand, as notification-service reports it. */
record DeliveryReport(UUID alertId, Counts counts, List<Line> deliveries) {

    static DeliveryReport noneYet(UUID alertId) {
        return new DeliveryReport(alertId, new Counts(0, Map.of(), Map.of()), List.of());
    }

    record Counts(long total, Map<String, Long> byState, Map<String, Long> byChannel) {
    }

    record Line(UUID id, String recipientKind, String channel, String notice, String state, String address,
                int attempts, String errorCode, Instant updatedAt) {
    }
}
