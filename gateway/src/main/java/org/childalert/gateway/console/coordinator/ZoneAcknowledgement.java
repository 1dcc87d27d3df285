package org.childalert.gateway.console.coordinator;

import java.time.Instant;

/** A police zone an alert reached: its deadline to acknowledge, and whether it did. */
record ZoneAcknowledgement(String zoneId, String zoneName, Instant alertedAt, Instant deadline, String status,
                           Instant acknowledgedAt, String acknowledgedBy) {

    public boolean isAcknowledged() {
        return "ACKNOWLEDGED".equals(status);
    }
}
