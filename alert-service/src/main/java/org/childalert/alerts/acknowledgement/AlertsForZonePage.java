package org.childalert.alerts.acknowledgement;

import java.util.List;

import org.childalert.alerts.lifecycle.AlertView;

/**
 * One page of {@code GET /api/alerts?zone=mine}: the alerts that reached the caller's police zone, each with
 * that zone's acknowledgement deadline and state, so that an officer sees at once what their zone still owes.
 *
 * @param zoneId the caller's police zone (claim {@code police_zone}), or null when the token names none: then
 *               every alert is listed, with every zone it reached
 * @param items  the alerts, newest request first
 */
record AlertsForZonePage(String zoneId, List<Item> items, int page, int size, long totalItems) {

    /**
     * @param alert the alert as {@code GET /api/alerts/{id}} shows it
     * @param zones the caller's zone if the alert reached it, or (caller without a zone) every zone it reached
     */
    record Item(AlertView alert, List<ZoneAcknowledgementView> zones) {
    }
}
