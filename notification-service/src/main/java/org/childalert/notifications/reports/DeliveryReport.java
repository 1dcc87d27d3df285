package org.childalert.notifications.reports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Where an alert's messages stand: counts over all of them, and one page of them with masked addresses. */
record DeliveryReport(UUID alertId, Counts counts, List<Line> deliveries, int page, int size) {

    record Counts(long total, Map<String, Long> byState, Map<String, Long> byChannel) {
    }

    record Line(UUID id, String recipientKind, UUID recipientId, String channel, String notice, String state,
                String address, int attempts, String errorCode, Instant updatedAt) {
    }
}
