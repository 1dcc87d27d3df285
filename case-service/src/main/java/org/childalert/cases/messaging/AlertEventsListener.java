package org.childalert.cases.messaging;

import java.util.function.Consumer;

import org.childalert.cases.escalation.AlertActivity;
import org.childalert.cases.escalation.AlertProgress;
import org.childalert.events.AcknowledgementOverdue;
import org.childalert.events.AlertAcknowledged;
import org.childalert.events.AlertCancelled;
import org.childalert.events.AlertExpired;
import org.childalert.events.AlertExtended;
import org.childalert.events.AlertExtensionRejected;
import org.childalert.events.AlertIssued;
import org.childalert.events.AlertRejected;
import org.childalert.events.AlertUpdated;
import org.childalert.events.AlertWidened;
import org.childalert.kit.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Events from the alert-service ({@code alerts.events}), each mapped to one call into a feature. */
@Configuration
class AlertEventsListener {

    @Bean
    Consumer<Message<byte[]>> alertEvents(InboundEvents inbound, AlertProgress progress, AlertActivity activity) {
        return message -> inbound.decode(message).ifPresent(event -> handle(event, inbound, progress, activity));
    }

    private static void handle(Object event, InboundEvents inbound, AlertProgress progress, AlertActivity activity) {
        if (event instanceof AlertIssued issued) {
            inbound.handleOnce(issued, e -> progress.issued(e.alertId(), e.caseId(), e.occurredAt(),
                    e.approvedBy().username()));
        } else if (event instanceof AlertRejected rejected) {
            inbound.handleOnce(rejected, e -> progress.rejected(e.alertId(), e.caseId(), e.occurredAt(),
                    e.reason(), e.rejectedBy()));
        } else if (event instanceof AlertCancelled cancelled) {
            inbound.handleOnce(cancelled, e -> progress.cancelled(e.alertId(), e.caseId(), e.occurredAt(),
                    e.reason(), e.cancelledBy().username()));
        } else if (event instanceof AlertExpired expired) {
            inbound.handleOnce(expired, e -> progress.expired(e.alertId(), e.caseId(), e.occurredAt()));
        } else if (event instanceof AlertUpdated updated) {
            inbound.handleOnce(updated, e -> activity.updated(e.alertId(), e.caseId(), e.occurredAt(),
                    e.photoLink() != null, e.updatedBy().username()));
        } else if (event instanceof AlertWidened widened) {
            inbound.handleOnce(widened, e -> activity.widened(e.alertId(), e.caseId(), e.occurredAt(),
                    e.level().name(), e.previousRadiusKm(), e.area().radiusKm(), e.widenedBy().username()));
        } else if (event instanceof AlertExtended extended) {
            inbound.handleOnce(extended, e -> activity.extended(e.alertId(), e.caseId(), e.occurredAt(),
                    e.extension(), e.expiresAt(), e.approvedBy().username()));
        } else if (event instanceof AlertExtensionRejected refused) {
            inbound.handleOnce(refused, e -> activity.extensionRejected(e.alertId(), e.caseId(), e.occurredAt(),
                    e.reason(), e.rejectedBy().username()));
        } else if (event instanceof AlertAcknowledged acknowledged) {
            inbound.handleOnce(acknowledged, e -> activity.acknowledged(e.alertId(), e.caseId(), e.occurredAt(),
                    e.zoneId(), e.channel(), e.acknowledgedBy().username()));
        } else if (event instanceof AcknowledgementOverdue overdue) {
            inbound.handleOnce(overdue, e -> activity.acknowledgementOverdue(e.alertId(), e.caseId(), e.occurredAt(),
                    e.zoneId(), e.zoneName(), e.alertedAt(), e.deadline()));
        }
    }
}
