package org.childalert.alerts.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.childalert.events.Actor;

/**
 * A change to an approved alert that would change what recipients read (description, photo) or who is reached
 * (radius), as someone asked for it. It takes effect only once a police officer other than the requester
 * approves it: the same four-eyes rule as the alert itself.
 *
 * @param description the new description, or null to keep the current one ({@link Kind#UPDATE})
 * @param photoMimeType the media type of the newly uploaded photo, or null to keep the current one
 *                      ({@link Kind#UPDATE}); the image itself waits in the photo store
 * @param radiusKm the new, wider radius ({@link Kind#WIDENING})
 */
public record PendingChange(Kind kind, String description, String photoMimeType, Double radiusKm, Actor requestedBy,
                            Instant requestedAt) {

    /** What the change does: new information for the recipients, or more recipients. */
    public enum Kind {
        UPDATE,
        WIDENING
    }

    public static PendingChange update(String description, String photoMimeType, Actor by, Instant at) {
        return new PendingChange(Kind.UPDATE, description, photoMimeType, null, by, at);
    }

    public static PendingChange widening(double radiusKm, Actor by, Instant at) {
        return new PendingChange(Kind.WIDENING, null, null, radiusKm, by, at);
    }

    public boolean wasRequestedBy(Actor actor) {
        return requestedBy.subject().equals(actor.subject());
    }

    /** What the change would do, in words for the audit trail and for a conflict's detail. */
    public String describe() {
        if (kind == Kind.WIDENING) {
            return "widening to " + BigDecimal.valueOf(radiusKm).stripTrailingZeros().toPlainString() + " km";
        }
        List<String> parts = new ArrayList<>();
        if (description != null) {
            parts.add("new description");
        }
        if (photoMimeType != null) {
            parts.add("new photo (" + photoMimeType + ")");
        }
        return String.join(" and ", parts);
    }
}
