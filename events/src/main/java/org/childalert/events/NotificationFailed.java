package org.childalert.events;

import java.time.Instant;
import java.util.UUID;

/** A message could not be delivered and will not be retried on this channel. */
public record NotificationFailed(
        UUID eventId,
        Instant occurredAt,
        UUID deliveryId,
        UUID alertId,
        DeliveryChannel channel,
        NoticeKind notice,
        RecipientKind recipientKind,
        String errorCode) implements IntegrationEvent {

    @Override
    public UUID subjectId() {
        return alertId;
    }
}
