/**
 * The integration event contract between the services: immutable records named in the past tense.
 *
 * <p>On the wire an event is its record as JSON in the message body, with CloudEvents attributes as
 * headers ({@code ce-id}, {@code ce-type}, {@code ce-source}, {@code ce-time}, {@code ce-subject}).
 * The type name ({@link EventType#typeName()}, e.g. {@code alerts.AlertIssued.v1}) is the routing key
 * and never the Java class name. Consumers ignore fields they do not know, so adding a field keeps v1;
 * a breaking change is a new {@code v2} published beside v1 for a while.
 *
 * <p>Events carry ids and the facts a consumer needs, never more personal data than it must have.
 */
package org.childalert.events;
