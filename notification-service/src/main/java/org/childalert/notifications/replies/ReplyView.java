package org.childalert.notifications.replies;

import java.time.Instant;
import java.util.UUID;

import org.childalert.events.RecipientKind;
import org.childalert.events.ReplyKind;

/**
 * One reply as the coordinator's console shows it. {@code text} is what the sender wrote; {@code recipientName},
 * {@code phone} and {@code text} are null once a volunteer asked for erasure.
 */
record ReplyView(UUID id, Instant receivedAt, ReplyKind kind, String text, RecipientKind recipientKind,
                 String recipientName, String phone) {
}
