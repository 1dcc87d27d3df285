package org.childalert.events;

import java.time.Instant;
import java.util.UUID;

/** What every integration event carries, whatever its type. */
public interface IntegrationEvent {

    /** Unique per event; consumers record it to do nothing twice. */
    UUID eventId();

    /** When the fact happened, in the producing service. */
    Instant occurredAt();

    /** The aggregate the event is about: the CloudEvents {@code subject}. */
    UUID subjectId();
}
