package org.childalert.kit.messaging;

/**
 * CloudEvents attributes as message headers. We write them with the canonical {@code ce-} prefix; Spring Cloud
 * Function's CloudEvents support rewrites them to the AMQP binding's {@code cloudEvents:} prefix on the wire,
 * and {@link org.springframework.cloud.function.cloudevent.CloudEventMessageUtils} reads either form.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce-specversion";
    public static final String ID = "ce-id";
    public static final String TYPE = "ce-type";
    public static final String SOURCE = "ce-source";
    public static final String TIME = "ce-time";
    public static final String SUBJECT = "ce-subject";

    private CloudEventHeaders() {
    }
}
