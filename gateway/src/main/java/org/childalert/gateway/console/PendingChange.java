package org.childalert.gateway.console;

import java.time.Instant;

/**
 * A change to an approved alert waiting for a police officer other than the one who asked for it, as alert-service
 * shows it in an alert's {@code pendingChange}: nothing of it reaches the recipients before that approval.
 *
 * @param kind        {@code UPDATE} (new description and/or photo) or {@code WIDENING} (a wider radius)
 * @param description the new description, or null when the change keeps the current one
 * @param newPhoto    whether it brings a new photo (viewable by police until decided)
 * @param radiusKm    the new radius of a widening, else null
 */
public record PendingChange(String kind, String requestedBy, Instant requestedAt, String description,
                            Boolean newPhoto, Double radiusKm) {

    /** Whether this user asked for it: alert-service lets only another officer decide. */
    public boolean wasRequestedBy(SignedInUser user) {
        return user != null && user.name().equals(requestedBy);
    }
}
