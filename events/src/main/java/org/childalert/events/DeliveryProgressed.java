package org.childalert.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What one recorded batch of send outcomes changed for an alert: how many of its messages a provider newly
 * accepted, per channel, and how many were given up. One event per alert per batch (a batch is recorded every
 * few tens of milliseconds during a fan-out), not one per recipient: the per-recipient record is the delivery
 * table, which the reports API serves. The counts are deltas; a consumer that de-duplicates by event id and sums
 * them gets the alert's totals.
 */
public record DeliveryProgressed(
        UUID eventId,
        Instant occurredAt,
        UUID alertId,
        int smsHandedOver,
        int emailHandedOver,
        int failed) implements IntegrationEvent {

    @Override
    public UUID subjectId() {
        return alertId;
    }
}
