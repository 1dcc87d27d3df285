package org.childalert.alerts.approval;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Police approve or reject an escalation (police role only, see {@code SecurityConfiguration}). */
@RestController
@RequestMapping(path = "/api/alerts/{alertId}", produces = MediaType.APPLICATION_JSON_VALUE)
class ApprovalController {

    private final AlertApprovals approvals;

    ApprovalController(AlertApprovals approvals) {
        this.approvals = approvals;
    }

    @PostMapping("/approval")
    AlertView approve(@PathVariable UUID alertId, @Valid @RequestBody(required = false) ApprovalRequest request,
                      @AuthenticationPrincipal Jwt caller) {
        String note = request == null ? null : request.note();
        return AlertView.of(approvals.approve(alertId, Callers.actor(caller), note));
    }

    @PostMapping(path = "/rejection", consumes = MediaType.APPLICATION_JSON_VALUE)
    AlertView reject(@PathVariable UUID alertId, @Valid @RequestBody RejectionRequest request,
                     @AuthenticationPrincipal Jwt caller) {
        return AlertView.of(approvals.reject(alertId, Callers.actor(caller), request.reason()));
    }
}
