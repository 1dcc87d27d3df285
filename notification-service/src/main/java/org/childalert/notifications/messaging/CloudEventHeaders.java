package org.childalert.notifications.messaging;

/**
 * CloudEvents attributes as message headers. We write them with the canonical {@code ce-} prefix; Spring Cloud
 * Function's CloudEvents support rewrites them to the AMQP binding's {@code cloudEvents:} prefix on the wire,
 * and {@link org.springframework.cloud.function.cloudevent.CloudEventMessageUtils} reads either form.
 */
final class CloudEventHeaders {

    static final String SPEC_VERSION = "ce-specversion";
    static final String ID = "ce-id";
    static final String TYPE = "ce-type";
    static final String SOURCE = "ce-source";
    static final String TIME = "ce-time";
    static final String SUBJECT = "ce-subject";

    private CloudEventHeaders() {
    }
}
