package org.childalert.notifications.volunteers;

import java.util.UUID;

import org.childalert.kit.web.NotFoundException;
import org.childalert.notifications.security.Caller;
import org.springframework.stereotype.Component;

/** Who may read and change a volunteer's record: the volunteer themself, or an admin. */
@Component
class VolunteerAccess {

    private final Volunteers volunteers;

    VolunteerAccess(Volunteers volunteers) {
        this.volunteers = volunteers;
    }

    /** Throws 404 for someone else's record, as for one that does not exist: nothing leaks. */
    void check(UUID id, Caller caller) {
        boolean allowed = caller.hasRole("ADMIN") ? volunteers.exists(id) : volunteers.isOwnedBy(id, caller.subject());
        if (!allowed) {
            throw new NotFoundException("Volunteer", id);
        }
    }
}
