package org.childalert.cases.messaging;

import java.util.function.Consumer;

import org.childalert.cases.escalation.AlertProgress;
import org.childalert.events.AlertCancelled;
import org.childalert.events.AlertIssued;
import org.childalert.events.AlertRejected;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Events from the alert-service ({@code alerts.events}), each mapped to one call into a feature. */
@Configuration
class AlertEventsListener {

    @Bean
    Consumer<Message<byte[]>> alertEvents(InboundEvents inbound, AlertProgress progress) {
        return message -> inbound.decode(message).ifPresent(event -> {
            if (event instanceof AlertIssued issued) {
                inbound.handleOnce(issued, e -> progress.issued(e.alertId(), e.caseId(), e.occurredAt(),
                        e.approvedBy().username()));
            } else if (event instanceof AlertRejected rejected) {
                inbound.handleOnce(rejected, e -> progress.rejected(e.alertId(), e.caseId(), e.occurredAt(),
                        e.reason(), e.rejectedBy().username()));
            } else if (event instanceof AlertCancelled cancelled) {
                inbound.handleOnce(cancelled, e -> progress.cancelled(e.alertId(), e.caseId(), e.occurredAt(),
                        e.reason(), e.cancelledBy().username()));
            }
        });
    }
}
