package org.childalert.alerts.lifecycle;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import org.childalert.alerts.security.Callers;
import org.childalert.kit.web.InvalidRequestException;
import org.childalert.kit.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading alerts, and ending them. Roles per endpoint are in {@code SecurityConfiguration}. */
@RestController
@RequestMapping(path = "/api/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
class AlertController {

    static final int MAX_PAGE_SIZE = 100;

    private final AlertRepository alerts;
    private final AlertCancellations cancellations;

    AlertController(AlertRepository alerts, AlertCancellations cancellations) {
        this.alerts = alerts;
        this.cancellations = cancellations;
    }

    @GetMapping("/{alertId}")
    AlertView alert(@PathVariable UUID alertId) {
        return alerts.findById(alertId).map(AlertView::of).orElseThrow(() -> new NotFoundException("Alert", alertId));
    }

    @GetMapping
    AlertPage alerts(@RequestParam Optional<AlertStatus> status,
                     @RequestParam(defaultValue = "0") int page,
                     @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw new InvalidRequestException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return new AlertPage(alerts.page(status, page, size).stream().map(AlertView::of).toList(), page, size,
                alerts.count(status));
    }

    @PostMapping(path = "/{alertId}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
    AlertView cancel(@PathVariable UUID alertId, @Valid @RequestBody CancellationRequest request,
                     @AuthenticationPrincipal Jwt caller) {
        CancellationReason reason = CancellationReason.named(request.reason())
                .orElseThrow(() -> new InvalidRequestException("reason", "must be one of "
                        + Arrays.toString(CancellationReason.values()) + ", not '" + request.reason() + "'"));
        return AlertView.of(cancellations.cancel(alertId, reason, Callers.actor(caller)));
    }
}
