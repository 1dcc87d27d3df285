package org.childalert.cases.escalation;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.childalert.cases.casefile.CaseFiles;
import org.childalert.cases.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases/{caseId}/escalations")
class EscalationController {

    private final Escalations escalations;
    private final CaseFiles cases;

    EscalationController(Escalations escalations, CaseFiles cases) {
        this.escalations = escalations;
        this.cases = cases;
    }

    /** 201 with the id of the alert, which the alert-service creates pending police approval. */
    @PostMapping
    ResponseEntity<EscalationView> request(@PathVariable UUID caseId, @Valid @RequestBody EscalationRequest request,
                                           Authentication authentication) {
        Escalation escalation = escalations.request(caseId, request, Caller.from(authentication));
        return ResponseEntity.created(URI.create("/api/alerts/" + escalation.alertId()))
                .body(EscalationView.of(escalation));
    }

    @GetMapping
    List<EscalationView> list(@PathVariable UUID caseId, Authentication authentication) {
        cases.read(caseId, Caller.from(authentication));
        return escalations.of(caseId).stream().map(EscalationView::of).toList();
    }

    record EscalationView(UUID alertId, UUID caseId, String level, double radiusKm, String status,
                          java.time.Instant requestedAt, String requestedBy) {

        static EscalationView of(Escalation e) {
            String status = e.status() == EscalationStatus.REQUESTED ? "PENDING_APPROVAL" : e.status().name();
            return new EscalationView(e.alertId(), e.caseId(), e.level().name(), e.radiusKm(), status,
                    e.requestedAt(), e.requestedBy());
        }
    }
}
