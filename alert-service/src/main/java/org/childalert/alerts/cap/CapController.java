package org.childalert.alerts.cap;

import java.util.UUID;

import org.childalert.alerts.lifecycle.Alert;
import org.childalert.alerts.lifecycle.AlertRepository;
import org.childalert.kit.web.NotFoundException;
import org.childalert.events.DisclosureLevel;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public form of an alert in CAP 1.2, for public alerting systems and partners: every alert for
 * coordinators, police and administrators, and the {@code PUBLIC} ones for anyone (linked from the Atom feed).
 */
@RestController
class CapController {

    private final AlertRepository alerts;
    private final CapRevisions revisions;
    private final CapMessageWriter writer;

    CapController(AlertRepository alerts, CapRevisions revisions, CapMessageWriter writer) {
        this.alerts = alerts;
        this.revisions = revisions;
        this.writer = writer;
    }

    @GetMapping(path = "/api/alerts/{alertId}/cap", produces = MediaType.APPLICATION_XML_VALUE)
    byte[] cap(@PathVariable UUID alertId) {
        Alert alert = alerts.findById(alertId).orElseThrow(() -> new NotFoundException("Alert", alertId));
        return writer.write(alert, revisions.sentTimesOf(alertId));
    }

    /** Anyone may read the CAP form of a public alert; other alerts do not exist here. */
    @GetMapping(path = "/api/feeds/alerts/{alertId}/cap", produces = MediaType.APPLICATION_XML_VALUE)
    byte[] publicCap(@PathVariable UUID alertId) {
        Alert alert = alerts.findById(alertId)
                .filter(found -> found.level() == DisclosureLevel.PUBLIC && found.issuedAt() != null)
                .orElseThrow(() -> new NotFoundException("Public alert", alertId));
        return writer.write(alert, revisions.sentTimesOf(alertId));
    }
}
