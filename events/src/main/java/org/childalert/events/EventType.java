package org.childalert.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of integration events: logical type name with namespace and version, the exchange it is
 * published to, and the record that carries it. The type name travels as the {@code ce-type} header and as
 * the routing key.
 */
public enum EventType {

    CASE_ESCALATION_REQUESTED(Source.CASES, "CaseEscalationRequested", 1, CaseEscalationRequested.class),
    CASE_RESOLVED(Source.CASES, "CaseResolved", 1, CaseResolved.class),

    ALERT_ISSUED(Source.ALERTS, "AlertIssued", 1, AlertIssued.class),
    ALERT_REJECTED(Source.ALERTS, "AlertRejected", 1, AlertRejected.class),
    ALERT_APPROVAL_REQUESTED(Source.ALERTS, "AlertApprovalRequested", 1, AlertApprovalRequested.class),
    ALERT_CANCELLED(Source.ALERTS, "AlertCancelled", 1, AlertCancelled.class),

    DELIVERY_PROGRESSED(Source.NOTIFICATIONS, "DeliveryProgressed", 1, DeliveryProgressed.class),
    NOTIFICATION_FAILED(Source.NOTIFICATIONS, "NotificationFailed", 1, NotificationFailed.class),

    ALERT_UPDATED(Source.ALERTS, "AlertUpdated", 1, AlertUpdated.class),
    ALERT_EXTENDED(Source.ALERTS, "AlertExtended", 1, AlertExtended.class),
    ALERT_EXTENSION_REJECTED(Source.ALERTS, "AlertExtensionRejected", 1, AlertExtensionRejected.class),
    ALERT_WIDENED(Source.ALERTS, "AlertWidened", 1, AlertWidened.class),
    ALERT_EXPIRED(Source.ALERTS, "AlertExpired", 1, AlertExpired.class),
    ALERT_ACKNOWLEDGED(Source.ALERTS, "AlertAcknowledged", 1, AlertAcknowledged.class),
    ACKNOWLEDGEMENT_OVERDUE(Source.ALERTS, "AcknowledgementOverdue", 1, AcknowledgementOverdue.class),
    POLICE_ZONE_ALERTED(Source.NOTIFICATIONS, "PoliceZoneAlerted", 1, PoliceZoneAlerted.class),
    POLICE_ACKNOWLEDGED(Source.NOTIFICATIONS, "PoliceAcknowledged", 1, PoliceAcknowledged.class),
    REPLY_RECEIVED(Source.NOTIFICATIONS, "ReplyReceived", 1, ReplyReceived.class);

    /** The producing service: owns a namespace and one topic exchange. */
    public enum Source {
        CASES("cases", "case-service"),
        ALERTS("alerts", "alert-service"),
        NOTIFICATIONS("notifications", "notification-service");

        private final String namespace;
        private final String service;

        Source(String namespace, String service) {
            this.namespace = namespace;
            this.service = service;
        }

        public String namespace() {
            return namespace;
        }

        /** The topic exchange this source publishes to, e.g. {@code alerts.events}. */
        public String exchange() {
            return namespace + ".events";
        }

        /** The CloudEvents {@code source} attribute. */
        public String uri() {
            return "/" + service;
        }
    }

    private final Source source;
    private final String name;
    private final int version;
    private final Class<? extends IntegrationEvent> recordType;

    EventType(Source source, String name, int version, Class<? extends IntegrationEvent> recordType) {
        this.source = source;
        this.name = name;
        this.version = version;
        this.recordType = recordType;
    }

    /** The logical type name, e.g. {@code alerts.AlertIssued.v1}. */
    public String typeName() {
        return source.namespace() + "." + name + ".v" + version;
    }

    public Source source() {
        return source;
    }

    public Class<? extends IntegrationEvent> recordType() {
        return recordType;
    }

    public static Optional<EventType> ofTypeName(String typeName) {
        return Arrays.stream(values()).filter(t -> t.typeName().equals(typeName)).findFirst();
    }

    public static EventType of(IntegrationEvent event) {
        return Arrays.stream(values())
                .filter(t -> t.recordType.equals(event.getClass()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not in the event catalogue: " + event.getClass()));
    }
}
