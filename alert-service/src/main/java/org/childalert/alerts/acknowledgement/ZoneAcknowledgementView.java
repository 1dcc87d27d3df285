package org.childalert.alerts.acknowledgement;

import java.time.Instant;

/** A police zone an alert reached, as the API shows it: when, its deadline, and whether it acknowledged. */
record ZoneAcknowledgementView(String zoneId, String zoneName, Instant alertedAt, Instant deadline,
                               String status, Instant acknowledgedAt, String acknowledgedBy, String acknowledgedVia,
                               Instant escalatedAt) {

    static ZoneAcknowledgementView of(ZoneAlert zone) {
        String status = zone.acknowledged() ? "ACKNOWLEDGED" : zone.escalatedAt() != null ? "OVERDUE" : "WAITING";
        return new ZoneAcknowledgementView(zone.zoneId(), zone.zoneName(), zone.alertedAt(), zone.deadline(), status,
                zone.acknowledgedAt(), zone.acknowledgedBy() == null ? null : zone.acknowledgedBy().username(),
                zone.acknowledgedVia(), zone.escalatedAt());
    }
}
