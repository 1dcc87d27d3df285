package org.childalert.kit.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * What the outbox records of an event besides its JSON payload, one column each of {@code outbox_event}.
 *
 * @param eventId    unique per event; the CloudEvents {@code id}, and what consumers de-duplicate by
 * @param typeName   the logical type name with namespace and version, e.g. {@code alerts.AlertIssued.v1}: the
 *                   CloudEvents {@code type} and the routing key
 * @param exchange   the topic exchange the event goes to
 * @param subjectId  the aggregate the event is about: the CloudEvents {@code subject}
 * @param occurredAt when it happened: the CloudEvents {@code time}
 */
public record EventFacts(UUID eventId, String typeName, String exchange, UUID subjectId, Instant occurredAt) {
}
