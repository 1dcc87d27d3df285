package org.childalert.notifications.reports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where an alert's messages stand, in figures only (no addresses): every state counted overall, per channel and
 * per notice (all present, 0 when none), and per minute how many were handed over to a provider, delivered and
 * failed. The console draws its live view from it.
 */
record AlertReport(UUID alertId, Instant generatedAt, long total, Map<String, Long> byState,
                   Map<String, Map<String, Long>> byChannel, Map<String, Map<String, Long>> byNotice,
                   List<Minute> timeline) {

    record Minute(Instant minute, long handedOver, long delivered, long failed) {
    }

    /** Whether the figures are the same, whenever each was generated. */
    boolean sameFiguresAs(AlertReport other) {
        return other != null && total == other.total && byState.equals(other.byState)
                && byChannel.equals(other.byChannel) && byNotice.equals(other.byNotice) && timeline.equals(other.timeline);
    }

    /** Deliveries not settled yet: waiting in the queue or being sent. */
    long unsettled() {
        return byState.get("PENDING") + byState.get("SENDING");
    }
}
