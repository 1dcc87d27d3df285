package org.childalert.alerts.acknowledgement;

import java.time.Instant;
import java.util.UUID;

import org.childalert.events.Actor;

/** A police zone an alert reached, and whether (and how) it acknowledged it in time. */
record ZoneAlert(UUID alertId, String zoneId, String zoneName, Instant alertedAt, Instant deadline,
                 Instant acknowledgedAt, Actor acknowledgedBy, String acknowledgedVia, Instant escalatedAt) {

    boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
