package org.childalert.events;

import java.time.Instant;
import java.util.UUID;

/** The provider confirmed that a message reached the recipient's handset or mailbox. */
public record NotificationDelivered(
        UUID eventId,
        Instant occurredAt,
        UUID deliveryId,
        UUID alertId,
        DeliveryChannel channel,
        NoticeKind notice,
        RecipientKind recipientKind) implements IntegrationEvent {

    @Override
    public UUID subjectId() {
        return alertId;
    }
}
