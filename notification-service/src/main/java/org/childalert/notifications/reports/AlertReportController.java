package org.childalert.notifications.reports;

import java.util.UUID;

import org.childalert.kit.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Coordinators, police and admins watch an alert's figures: once, or live as server-sent events. */
@RestController
class AlertReportController {

    private final AlertReports reports;
    private final AlertReportStreams streams;

    AlertReportController(AlertReports reports, AlertReportStreams streams) {
        this.reports = reports;
        this.streams = streams;
    }

    @GetMapping(path = "/api/alerts/{alertId}/report", produces = MediaType.APPLICATION_JSON_VALUE)
    AlertReport report(@PathVariable UUID alertId) {
        return reports.of(alertId).orElseThrow(() -> new NotFoundException("Alert", alertId));
    }

    @GetMapping(path = "/api/alerts/{alertId}/report/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable UUID alertId) {
        AlertReport first = reports.of(alertId).orElseThrow(() -> new NotFoundException("Alert", alertId));
        return streams.open(alertId, first);
    }
}
