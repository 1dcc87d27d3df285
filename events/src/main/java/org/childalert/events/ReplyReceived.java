package org.childalert.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A recipient replied by SMS to an alert they were sent; the notification-service stored the reply (once per
 * provider message) and matched it to the most recent active alert sent to that number. The coordinator's
 * console shows it live. Only a sighting carries the reply's text: the other kinds say all there is to say,
 * and the fewer copies of what people write, the better.
 *
 * @param replyId the stored reply, readable with its sender through {@code GET /api/alerts/{alertId}/replies}
 * @param text    what the sender wrote about the sighting; {@code null} for the other kinds
 */
public record ReplyReceived(
        UUID eventId,
        Instant occurredAt,
        UUID alertId,
        UUID replyId,
        ReplyKind kind,
        RecipientKind recipientKind,
        String text) implements IntegrationEvent {

    @Override
    public UUID subjectId() {
        return alertId;
    }
}
