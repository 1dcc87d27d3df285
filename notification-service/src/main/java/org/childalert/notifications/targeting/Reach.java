package org.childalert.notifications.targeting;

import org.childalert.events.DeliveryChannel;
import org.childalert.events.RecipientKind;
import org.childalert.notifications.templates.Language;

/** How many people of a kind an alert would reach on one channel in one language ({@link RecipientResolver#reach}). */
public record Reach(RecipientKind kind, DeliveryChannel channel, Language language, long recipients) {

    record Key(RecipientKind kind, DeliveryChannel channel, Language language) {
    }
}
