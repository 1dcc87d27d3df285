package org.childalert.alerts.updates;

import java.util.UUID;

import jakarta.validation.Valid;
import org.childalert.alerts.lifecycle.Alert;
import org.childalert.alerts.lifecycle.AlertView;
import org.childalert.alerts.security.Callers;
import org.childalert.alerts.web.InvalidRequestException;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** New information on an active alert (coordinators and police, see {@code SecurityConfiguration}). */
@RestController
class UpdateController {

    private final AlertUpdates updates;

    UpdateController(AlertUpdates updates) {
        this.updates = updates;
    }

    @PostMapping(path = "/api/alerts/{alertId}/updates", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    AlertView update(@PathVariable UUID alertId, @Valid @RequestBody UpdateRequest request,
                     @AuthenticationPrincipal Jwt caller) {
        if (request.description() == null && request.photo() == null) {
            throw new InvalidRequestException("description", "or photo is required: an update must bring new information");
        }
        Alert.Photo photo = request.photo() == null ? null
                : new Alert.Photo(request.photo().url(), request.photo().mimeType());
        return AlertView.of(updates.update(alertId, request.description(), photo, Callers.actor(caller)));
    }
}
