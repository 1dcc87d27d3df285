package org.childalert.notifications.reports;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.childalert.kit.web.NotFoundException;
import org.childalert.notifications.security.AlertRecipientsAccess;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coordinators and admins watch an alert's deliveries (per-recipient states, masked addresses, counts); police
 * officers those of the alerts that reached their zone ({@link AlertRecipientsAccess}), others get 404.
 */
@RestController
class DeliveryReportController {

    private final DeliveryReports reports;
    private final AlertRecipientsAccess access;

    DeliveryReportController(DeliveryReports reports, AlertRecipientsAccess access) {
        this.reports = reports;
        this.access = access;
    }

    @GetMapping("/api/alerts/{alertId}/deliveries")
    DeliveryReport deliveries(@PathVariable UUID alertId,
                              @RequestParam(defaultValue = "0") @Min(0) int page,
                              @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size,
                              Authentication caller) {
        access.check(alertId, caller);
        return reports.forAlert(alertId, page, size).orElseThrow(() -> new NotFoundException("Alert", alertId));
    }
}
