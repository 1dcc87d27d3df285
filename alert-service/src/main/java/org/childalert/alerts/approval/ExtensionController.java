package org.childalert.alerts.approval;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import org.childalert.alerts.lifecycle.AlertView;
import org.childalert.alerts.security.Callers;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Asking for an extension of an active alert (coordinators and police) and deciding on it (police other than
 * the requester). Roles per endpoint are in {@code SecurityConfiguration}.
 */
@RestController
@RequestMapping(path = "/api/alerts/{alertId}/extensions", produces = MediaType.APPLICATION_JSON_VALUE)
class ExtensionController {

    private final AlertExtensions extensions;

    ExtensionController(AlertExtensions extensions) {
        this.extensions = extensions;
    }

    /** An extension waiting for a police decision, as the API shows it. */
    record ExtensionView(UUID alertId, int number, String status, String requestedBy, Instant requestedAt) {
    }

    @PostMapping
    ResponseEntity<ExtensionView> request(@PathVariable UUID alertId,
                                          @Valid @RequestBody(required = false) ApprovalRequest request,
                                          @AuthenticationPrincipal Jwt caller) {
        PendingExtension pending = extensions.request(alertId, Callers.actor(caller),
                request == null ? null : request.note());
        return ResponseEntity.created(URI.create("/api/alerts/" + alertId + "/extensions/" + pending.number()))
                .body(new ExtensionView(alertId, pending.number(), "PENDING", pending.requestedBy().username(),
                        pending.requestedAt()));
    }

    @PostMapping("/approval")
    AlertView approve(@PathVariable UUID alertId, @Valid @RequestBody(required = false) ApprovalRequest request,
                      @AuthenticationPrincipal Jwt caller) {
        return AlertView.of(extensions.approve(alertId, Callers.actor(caller), request == null ? null : request.note()));
    }

    @PostMapping(path = "/rejection", consumes = MediaType.APPLICATION_JSON_VALUE)
    AlertView reject(@PathVariable UUID alertId, @Valid @RequestBody RejectionRequest request,
                     @AuthenticationPrincipal Jwt caller) {
        return AlertView.of(extensions.reject(alertId, Callers.actor(caller), request.reason()));
    }
}
