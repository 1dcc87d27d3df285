package org.childalert.alerts.feed;

import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.childalert.alerts.lifecycle.Alert;
import org.childalert.alerts.lifecycle.AlertRepository;
import org.childalert.alerts.lifecycle.AlertStatus;
import org.childalert.alerts.web.GoneException;
import org.childalert.alerts.web.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public link to a child's photo that recipients, the CAP message and the feed are given instead of the
 * photo's real location. It redirects to the photo only while the alert is active; once the alert has ended it
 * answers 410 Gone for good, so the photo stops spreading through every copy of the link.
 */
@RestController
class PhotoLinkController {

    private static final Set<AlertStatus> ENDED = EnumSet.of(AlertStatus.CANCELLED, AlertStatus.EXPIRED,
            AlertStatus.WITHDRAWN);

    private final AlertRepository alerts;

    PhotoLinkController(AlertRepository alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/api/feeds/alerts/{alertId}/photo")
    ResponseEntity<Void> photo(@PathVariable UUID alertId) {
        Alert alert = alerts.findById(alertId).orElseThrow(() -> new NotFoundException("Photo of alert", alertId));
        if (ENDED.contains(alert.status())) {
            throw new GoneException("Alert " + alertId + " has ended (" + alert.status() + "): the child's photo has "
                    + "been withdrawn. Please delete any copy of it.");
        }
        if (alert.status() != AlertStatus.ACTIVE || alert.photo() == null) {
            throw new NotFoundException("Photo of alert", alertId);
        }
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(alert.photo().url()))
                .cacheControl(CacheControl.noStore())
                .build();
    }
}
