package org.childalert.alerts.cap;

import java.util.UUID;

import org.childalert.alerts.lifecycle.AlertRepository;
import org.childalert.alerts.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The public form of an alert in CAP 1.2, for public alerting systems and partners. */
@RestController
class CapController {

    private final AlertRepository alerts;
    private final CapMessageWriter writer;

    CapController(AlertRepository alerts, CapMessageWriter writer) {
        this.alerts = alerts;
        this.writer = writer;
    }

    @GetMapping(path = "/api/alerts/{alertId}/cap", produces = MediaType.APPLICATION_XML_VALUE)
    byte[] cap(@PathVariable UUID alertId) {
        return writer.write(alerts.findById(alertId).orElseThrow(() -> new NotFoundException("Alert", alertId)));
    }
}
