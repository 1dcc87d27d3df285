package org.childalert.gateway.console.police;

import java.time.Instant;
import java.util.List;

/**
 * alert-service's alerts for the officer's police zone ({@code GET /api/alerts?zone=mine}).
 *
 * @param zoneId the officer's zone, or null when their account names none (then every alert, every zone)
 */
record ZoneAlertList(String zoneId, List<Item> items, int page, int size, long totalItems) {

    ZoneAlertList {
        items = items == null ? List.of() : items;
    }

    /** An alert and the zones it reached that concern the officer: theirs, or all when they have none. */
    record Item(AlertSummary alert, List<Zone> zones) {

        Item {
            zones = zones == null ? List.of() : zones;
        }
    }

    /** A zone the alert reached, its deadline to acknowledge, and whether it did. */
    record Zone(String zoneId, String zoneName, Instant alertedAt, Instant deadline, String status,
                Instant acknowledgedAt, String acknowledgedBy) {

        public boolean isAcknowledged() {
            return "ACKNOWLEDGED".equals(status);
        }
    }
}
