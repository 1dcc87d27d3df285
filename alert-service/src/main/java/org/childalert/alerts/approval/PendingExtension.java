package org.childalert.alerts.approval;

import java.time.Instant;
import java.util.UUID;

import org.childalert.events.Actor;

/** An extension of an alert that someone asked for and no police officer has decided on yet. */
record PendingExtension(UUID alertId, int number, Actor requestedBy, Instant requestedAt) {

    boolean wasRequestedBy(Actor actor) {
        return requestedBy.subject().equals(actor.subject());
    }
}
