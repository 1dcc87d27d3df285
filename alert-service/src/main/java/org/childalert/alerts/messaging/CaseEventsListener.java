package org.childalert.alerts.messaging;

import java.util.function.Consumer;

import org.childalert.alerts.lifecycle.AlertCancellations;
import org.childalert.alerts.lifecycle.EscalationIntake;
import org.childalert.events.CaseEscalationRequested;
import org.childalert.events.CaseResolved;
import org.childalert.kit.messaging.InboundEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Where the case-service's events enter: each event type this service cares about maps to one call into a
 * feature, once per event id. Other types on {@code cases.events} are acknowledged and ignored.
 */
@Configuration
class CaseEventsListener {

    private static final Logger log = LoggerFactory.getLogger(CaseEventsListener.class);

    private final InboundEvents inbound;
    private final EscalationIntake escalations;
    private final AlertCancellations cancellations;

    CaseEventsListener(InboundEvents inbound, EscalationIntake escalations, AlertCancellations cancellations) {
        this.inbound = inbound;
        this.escalations = escalations;
        this.cancellations = cancellations;
    }

    /** Bound as {@code caseEvents-in-0} to {@code cases.events}, group {@code alert-service}. */
    @Bean
    Consumer<Message<byte[]>> caseEvents() {
        return message -> inbound.decode(message).ifPresent(this::dispatch);
    }

    private void dispatch(Object event) {
        if (event instanceof CaseEscalationRequested requested) {
            inbound.handleOnce(requested, escalations::open);
        } else if (event instanceof CaseResolved resolved) {
            inbound.handleOnce(resolved, cancellations::onCaseResolved);
        } else {
            log.debug("Ignoring {} on cases.events: not for this service", event.getClass().getSimpleName());
        }
    }
}
