package org.childalert.gateway.console.police;

import java.util.UUID;

/** What an approval card needs of the case behind an alert, as case-service shows it to police it was escalated to. */
record CaseGlance(UUID id, String photo) {

    boolean hasPhoto() {
        return photo != null && !photo.isBlank();
    }
}
