package org.childalert.notifications.messaging;

import java.util.function.Consumer;

import org.childalert.events.AcknowledgementOverdue;
import org.childalert.events.AlertCancelled;
import org.childalert.events.AlertExpired;
import org.childalert.events.AlertIssued;
import org.childalert.events.AlertUpdated;
import org.childalert.events.AlertWidened;
import org.childalert.notifications.fanout.AlertNotices;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Where the alert-service's events enter: each type this service cares about maps to one call. */
@Configuration
class AlertEventsListener {

    @Bean
    Consumer<Message<byte[]>> alertEvents(InboundEvents inbound, AlertNotices notices) {
        return message -> inbound.decode(message).ifPresent(event -> {
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
            }
        });
    }
}
