package org.childalert.alerts.updates;

import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/alerts/{alertId}/updates}: a new description for everyone the alert reached. It
 * takes effect once a police officer other than the requester approves it.
 *
 * @param description what the public should now look for (replaces the current description)
 * @param photo no longer accepted: a photo is uploaded ({@code PUT /api/alerts/{alertId}/photo}), never given as
 *              a link; named here only so that a client still sending one is told so rather than ignored
 * @param photoUrl the same, under the name some clients used
 */
record UpdateRequest(
        @Size(min = 1, max = 2000, message = "must be between 1 and 2000 characters") String description,
        Object photo,
        Object photoUrl) {
}
