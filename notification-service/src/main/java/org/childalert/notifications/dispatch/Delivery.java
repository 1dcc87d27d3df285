package org.childalert.notifications.dispatch;

import java.util.UUID;

import org.childalert.events.DeliveryChannel;
import org.childalert.events.NoticeKind;
import org.childalert.events.RecipientKind;
import org.childalert.notifications.templates.Language;

/**
 * One message to send, as claimed from the queue; {@code attempts} counts this one. {@code revision}: the notice's
 * revision (an update's number, an approval request's number for its alert).
 */
public record Delivery(UUID id, UUID alertId, RecipientKind recipientKind, UUID recipientId, DeliveryChannel channel,
                NoticeKind notice, int revision, String address, Language language, int attempts) {
}
