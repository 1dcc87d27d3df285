package org.childalert.notifications.targeting;

import java.util.UUID;

import org.childalert.events.DeliveryChannel;
import org.childalert.events.RecipientKind;
import org.childalert.notifications.templates.Language;

/** One person to reach on one channel, at the address of that channel, in their language. */
public record Recipient(RecipientKind kind, UUID id, DeliveryChannel channel, String address, Language language) {
}
