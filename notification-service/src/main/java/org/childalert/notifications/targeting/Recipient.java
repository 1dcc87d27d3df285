package org.childalert.notifications.targeting;

import java.util.UUID;

import org.childalert.events.DeliveryChannel;
import org.childalert.events.RecipientKind;
import org.childalert.notifications.templates.Language;

/**
 * One person to reach on one channel, at the address of that channel, in their language.
 *
 * @param distanceKm for a volunteer, how far their home is from the alert's centre (the order in which a fan-out
 *                   limited by a provider's rate hands them over: nearest first); 0 for police contacts, who come
 *                   before every volunteer whatever their distance
 */
public record Recipient(RecipientKind kind, UUID id, DeliveryChannel channel, String address, Language language,
                        double distanceKm) {

    /** A recipient whose distance does not decide their turn (police contacts, verification messages). */
    public Recipient(RecipientKind kind, UUID id, DeliveryChannel channel, String address, Language language) {
        this(kind, id, channel, address, language, 0);
    }

    /**
     * The order of hand-over when a provider's rate is the limit, smallest first: police before everyone (-1), then
     * volunteers by distance from the centre in kilometres.
     */
    public double handOverRank() {
        return kind == RecipientKind.POLICE ? -1 : distanceKm;
    }
}
