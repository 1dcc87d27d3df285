package org.childalert.notifications.optout;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.childalert.events.DeliveryChannel;
import org.childalert.kit.web.NotFoundException;
import org.childalert.notifications.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A volunteer opts out of channels (all of them when none is named) or back in, from the console or the API. */
@RestController
class VolunteerOptOutController {

    record Channels(Set<DeliveryChannel> channels) {

        Set<DeliveryChannel> orAll() {
            return channels == null || channels.isEmpty() ? EnumSet.allOf(DeliveryChannel.class) : channels;
        }
    }

    private final OptOuts optOuts;

    VolunteerOptOutController(OptOuts optOuts) {
        this.optOuts = optOuts;
    }

    @PostMapping("/api/volunteers/{id}/opt-out")
    ResponseEntity<Void> optOut(@PathVariable UUID id, @RequestBody(required = false) Channels request, Authentication token) {
        check(id, Caller.from(token));
        optOuts.volunteer(id, request == null ? EnumSet.allOf(DeliveryChannel.class) : request.orAll(), true);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/volunteers/{id}/opt-in")
    ResponseEntity<Void> optIn(@PathVariable UUID id, @RequestBody(required = false) Channels request, Authentication token) {
        check(id, Caller.from(token));
        optOuts.volunteer(id, request == null ? EnumSet.allOf(DeliveryChannel.class) : request.orAll(), false);
        return ResponseEntity.noContent().build();
    }

    private void check(UUID id, Caller caller) {
        boolean allowed = caller.hasRole("ADMIN") ? optOuts.volunteerExists(id) : optOuts.isVolunteerOwnedBy(id, caller.subject());
        if (!allowed) {
            throw new NotFoundException("Volunteer", id);
        }
    }
}
