package org.childalert.alerts.feed;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.childalert.alerts.lifecycle.Alert;
import org.childalert.alerts.lifecycle.AlertRepository;
import org.childalert.alerts.lifecycle.AlertStatus;
import org.childalert.alerts.photos.AlertPhotos;
import org.childalert.alerts.web.GoneException;
import org.childalert.kit.web.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public link to a child's photo that recipients, the CAP message and the feed are given. It serves the
 * photo itself, from this service's own store (never a redirect: a redirect to a URL someone typed made the link
 * an open redirect that leaked login codes), and only while the alert is active; once the alert has ended it
 * answers 410 Gone for good, so the photo stops spreading through every copy of the link.
 */
@RestController
class PhotoLinkController {

    private static final Set<AlertStatus> ENDED = EnumSet.of(AlertStatus.CANCELLED, AlertStatus.EXPIRED,
            AlertStatus.WITHDRAWN);
    /** Browsers may keep it a minute; shared caches never, so that withdrawal reaches every copy of the link. */
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePrivate();

    private final AlertRepository alerts;
    private final AlertPhotos photos;

    PhotoLinkController(AlertRepository alerts, AlertPhotos photos) {
        this.alerts = alerts;
        this.photos = photos;
    }

    @GetMapping("/api/feeds/alerts/{alertId}/photo")
    ResponseEntity<byte[]> photo(@PathVariable UUID alertId) {
        Alert alert = alerts.findById(alertId).orElseThrow(() -> new NotFoundException("Photo of alert", alertId));
        if (ENDED.contains(alert.status())) {
            throw new GoneException("Alert " + alertId + " has ended (" + alert.status() + "): the child's photo has "
                    + "been withdrawn. Please delete any copy of it.");
        }
        if (alert.status() != AlertStatus.ACTIVE || alert.photo() == null) {
            throw new NotFoundException("Photo of alert", alertId);
        }
        AlertPhotos.StoredPhoto photo = photos.current(alertId)
                .orElseThrow(() -> new NotFoundException("Photo of alert", alertId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CACHE)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Content-Disposition", "inline")
                .body(photo.bytes());
    }
}
