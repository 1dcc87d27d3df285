package org.childalert.events;

import java.time.Instant;
import java.util.UUID;

/** A provider (Twilio, the SMTP relay) accepted a message for one recipient on one channel. */
public record NotificationDispatched(
        UUID eventId,
        Instant occurredAt,
        UUID deliveryId,
        UUID alertId,
        DeliveryChannel channel,
        NoticeKind notice,
        RecipientKind recipientKind,
        String providerMessageId) implements IntegrationEvent {

    @Override
    public UUID subjectId() {
        return alertId;
    }
}
