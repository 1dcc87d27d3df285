package org.childalert.alerts.widening;

import java.util.UUID;

import jakarta.validation.Valid;
import org.childalert.alerts.lifecycle.AlertView;
import org.childalert.alerts.security.Callers;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Widening an active alert before its schedule does (coordinators and police, see {@code SecurityConfiguration}). */
@RestController
class WideningController {

    private final AlertWidening widening;

    WideningController(AlertWidening widening) {
        this.widening = widening;
    }

    @PostMapping(path = "/api/alerts/{alertId}/widening", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    AlertView widen(@PathVariable UUID alertId, @Valid @RequestBody WideningRequest request,
                    @AuthenticationPrincipal Jwt caller) {
        return AlertView.of(widening.widen(alertId, request.radiusKm(), Callers.actor(caller)));
    }
}
