package org.childalert.notifications.messaging;

import java.util.function.Consumer;

import org.childalert.events.AcknowledgementOverdue;
import org.childalert.events.AlertApprovalRequested;
import org.childalert.events.AlertCancelled;
import org.childalert.events.AlertExpired;
import org.childalert.events.AlertIssued;
import org.childalert.events.AlertUpdated;
import org.childalert.events.AlertWidened;
import org.childalert.kit.messaging.InboundEvents;
import org.childalert.notifications.fanout.AlertNotices;
import org.childalert.notifications.fanout.ApprovalRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Where the alert-service's events enter: each type this service cares about maps to one call, once per event id.
 * The queue is bound to exactly these types ({@code application.yml}); anything else is acknowledged and ignored.
 */
@Configuration
class AlertEventsListener {

    private static final Logger log = LoggerFactory.getLogger(AlertEventsListener.class);

    private final InboundEvents inbound;
    private final AlertNotices notices;
    private final ApprovalRequests approvals;

    AlertEventsListener(InboundEvents inbound, AlertNotices notices, ApprovalRequests approvals) {
        this.inbound = inbound;
        this.notices = notices;
        this.approvals = approvals;
    }

    /** Bound as {@code alertEvents-in-0} to {@code alerts.events}, group {@code notification-service}. */
    @Bean
    Consumer<Message<byte[]>> alertEvents() {
        return message -> inbound.decode(message).ifPresent(this::dispatch);
    }

    private void dispatch(Object event) {
        if (event instanceof AlertIssued issued) {
            inbound.handleOnce(issued, notices::on);
        } else if (event instanceof AlertWidened widened) {
            inbound.handleOnce(widened, notices::on);
        } else if (event instanceof AlertUpdated updated) {
            inbound.handleOnce(updated, notices::on);
        } else if (event instanceof AlertCancelled cancelled) {
            inbound.handleOnce(cancelled, notices::on);
        } else if (event instanceof AlertExpired expired) {
            inbound.handleOnce(expired, notices::on);
        } else if (event instanceof AcknowledgementOverdue overdue) {
            inbound.handleOnce(overdue, notices::on);
        } else if (event instanceof AlertApprovalRequested request) {
            inbound.handleOnce(request, approvals::on);
        } else {
            log.debug("Ignoring {} on alerts.events: not for this service", event.getClass().getSimpleName());
        }
    }
}
