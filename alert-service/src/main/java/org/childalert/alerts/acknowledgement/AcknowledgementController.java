package org.childalert.alerts.acknowledgement;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.childalert.alerts.security.Callers;
import org.childalert.alerts.web.ForbiddenException;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Police acknowledge an alert for their zone; coordinators and police see which zones did. An officer
 * acknowledges only for the zone their token names (claim {@value #ZONE_CLAIM}); a token without one may not
 * acknowledge at all, since a missed acknowledgement is what makes the overdue escalation fire.
 */
@RestController
@RequestMapping(path = "/api/alerts/{alertId}/acknowledgements", produces = MediaType.APPLICATION_JSON_VALUE)
class AcknowledgementController {

    static final String ZONE_CLAIM = "police_zone";

    private final PoliceAcknowledgements acknowledgements;

    AcknowledgementController(PoliceAcknowledgements acknowledgements) {
        this.acknowledgements = acknowledgements;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ZoneAcknowledgementView acknowledge(@PathVariable UUID alertId, @Valid @RequestBody AcknowledgementRequest request,
                                        @AuthenticationPrincipal Jwt caller) {
        String ownZone = caller.getClaimAsString(ZONE_CLAIM);
        if (ownZone == null || ownZone.isBlank()) {
            throw new ForbiddenException("Your account has no police zone (claim '" + ZONE_CLAIM + "'), so it may "
                    + "not acknowledge for any zone; ask the realm administrator to assign your zone.");
        }
        if (!ownZone.equals(request.zoneId())) {
            throw new ForbiddenException("You belong to police zone '" + ownZone + "' and may acknowledge only for it, "
                    + "not for '" + request.zoneId() + "'.");
        }
        return ZoneAcknowledgementView.of(acknowledgements.acknowledge(alertId, request.zoneId(), Callers.actor(caller)));
    }

    @GetMapping
    List<ZoneAcknowledgementView> zones(@PathVariable UUID alertId) {
        return acknowledgements.zonesOf(alertId).stream().map(ZoneAcknowledgementView::of).toList();
    }
}
