package org.childalert.cases.messaging;

/** CloudEvents attributes carried as AMQP message headers (CloudEvents AMQP binding, "ce-" prefix). */
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
