package org.childalert.alerts.updates;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import jakarta.validation.Valid;
import org.childalert.alerts.lifecycle.Alert;
import org.childalert.alerts.lifecycle.AlertView;
import org.childalert.alerts.photos.AlertPhotos;
import org.childalert.alerts.photos.PhotoImages;
import org.childalert.alerts.security.Callers;
import org.childalert.kit.web.InvalidRequestException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Changes to an active alert: a new description, a new photo (uploaded as the request body), a wider radius
 * (coordinators and police), each answered 202 with the alert showing it as its {@code pendingChange}; and the
 * police decision on them by an officer other than the requester. Roles per endpoint are in
 * {@code SecurityConfiguration}.
 */
@RestController
@RequestMapping(path = "/api/alerts/{alertId}", produces = MediaType.APPLICATION_JSON_VALUE)
class UpdateController {

    private final AlertChanges changes;
    private final PhotoImages images;

    UpdateController(AlertChanges changes, PhotoImages images) {
        this.changes = changes;
        this.images = images;
    }

    @PostMapping(path = "/updates", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AlertView> update(@PathVariable UUID alertId, @Valid @RequestBody UpdateRequest request,
                                     @AuthenticationPrincipal Jwt caller) {
        if (request.photo() != null || request.photoUrl() != null) {
            throw new InvalidRequestException(request.photo() != null ? "photo" : "photoUrl", "is not accepted: "
                    + "photos are uploaded, not linked. PUT the image (image/jpeg, image/png or image/webp) to "
                    + "/api/alerts/" + alertId + "/photo");
        }
        if (request.description() == null) {
            throw new InvalidRequestException("description", "is required: an update must bring new information");
        }
        return accepted(changes.requestDescription(alertId, request.description(), Callers.actor(caller)));
    }

    @PutMapping(path = "/photo", consumes = { MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE, "image/webp" })
    ResponseEntity<AlertView> uploadPhoto(@PathVariable UUID alertId, InputStream body,
                                          @AuthenticationPrincipal Jwt caller) throws IOException {
        PhotoImages.Image photo = images.read(body);
        return accepted(changes.requestPhoto(alertId, photo, Callers.actor(caller)));
    }

    @PostMapping(path = "/widening", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AlertView> widen(@PathVariable UUID alertId, @Valid @RequestBody WideningRequest request,
                                    @AuthenticationPrincipal Jwt caller) {
        return accepted(changes.requestWidening(alertId, request.radiusKm(), Callers.actor(caller)));
    }

    @PostMapping("/changes/approval")
    AlertView approve(@PathVariable UUID alertId, @Valid @RequestBody(required = false) ChangeDecisionRequest request,
                      @AuthenticationPrincipal Jwt caller) {
        return AlertView.of(changes.approve(alertId, Callers.actor(caller), request == null ? null : request.note()));
    }

    @PostMapping(path = "/changes/rejection", consumes = MediaType.APPLICATION_JSON_VALUE)
    AlertView reject(@PathVariable UUID alertId, @Valid @RequestBody ChangeRejectionRequest request,
                     @AuthenticationPrincipal Jwt caller) {
        return AlertView.of(changes.reject(alertId, Callers.actor(caller), request.reason()));
    }

    /** The photo a waiting change brings, for the officer who decides on it (never public). */
    @GetMapping(path = "/changes/photo", produces = MediaType.ALL_VALUE)
    ResponseEntity<byte[]> pendingPhoto(@PathVariable UUID alertId) {
        AlertPhotos.StoredPhoto photo = changes.pendingPhoto(alertId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(photo.bytes());
    }

    private static ResponseEntity<AlertView> accepted(Alert alert) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(AlertView.of(alert));
    }
}
