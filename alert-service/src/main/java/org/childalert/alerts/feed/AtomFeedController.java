package org.childalert.alerts.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.childalert.alerts.cap.CapProperties;
import org.childalert.alerts.cap.CapRevisions;
import org.childalert.alerts.lifecycle.AlertRepository;
import org.childalert.events.DisclosureLevel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public Atom feed of active {@code PUBLIC} alerts, for anyone (no token; the gateway lets it through). */
@RestController
class AtomFeedController {

    static final String ATOM_XML = "application/atom+xml";

    private final AlertRepository alerts;
    private final CapRevisions revisions;
    private final AtomFeedWriter writer;
    private final CapProperties cap;
    private final Clock clock;

    AtomFeedController(AlertRepository alerts, CapRevisions revisions, AtomFeedWriter writer, CapProperties cap,
                       Clock clock) {
        this.alerts = alerts;
        this.revisions = revisions;
        this.writer = writer;
        this.cap = cap;
        this.clock = clock;
    }

    @GetMapping(path = "/api/feeds/alerts.atom", produces = ATOM_XML)
    byte[] feed() {
        Instant now = clock.instant();
        List<AtomFeedWriter.Entry> entries = alerts.active(DisclosureLevel.PUBLIC).stream()
                .filter(alert -> !alert.isDueToExpireAt(now))
                .map(alert -> new AtomFeedWriter.Entry(alert, lastChange(alert.id(), alert.issuedAt())))
                .toList();
        return writer.write(cap.senderName() + ": active public alerts", entries, now);
    }

    private Instant lastChange(UUID alertId, Instant issuedAt) {
        List<Instant> sent = revisions.sentTimesOf(alertId);
        return sent.isEmpty() ? issuedAt : sent.get(sent.size() - 1);
    }
}
