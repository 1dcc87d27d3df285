package org.childalert.notifications.delivery;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.childalert.notifications.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Coordinators and police watch an alert's deliveries: per-recipient states and counts. */
@RestController
class DeliveryReportController {

    private final DeliveryReports reports;

    DeliveryReportController(DeliveryReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/alerts/{alertId}/deliveries")
    DeliveryReport deliveries(@PathVariable UUID alertId,
                              @RequestParam(defaultValue = "0") @Min(0) int page,
                              @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return reports.forAlert(alertId, page, size).orElseThrow(() -> new NotFoundException("Alert", alertId));
    }
}
