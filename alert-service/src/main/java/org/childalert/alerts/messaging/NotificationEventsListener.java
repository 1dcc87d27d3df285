package org.childalert.alerts.messaging;

import java.util.function.Consumer;

import org.childalert.alerts.acknowledgement.PoliceAcknowledgements;
import org.childalert.events.PoliceAcknowledged;
import org.childalert.events.PoliceZoneAlerted;
import org.childalert.kit.messaging.InboundEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Where the notification-service's events enter: which police zones an alert reached, and acknowledgements
 * sent by SMS reply. Each maps to one call into the acknowledgement feature, once per event id; the other
 * types on {@code notifications.events} (delivery reports) are acknowledged and ignored.
 */
@Configuration
class NotificationEventsListener {

    private static final Logger log = LoggerFactory.getLogger(NotificationEventsListener.class);

    private final InboundEvents inbound;
    private final PoliceAcknowledgements acknowledgements;

    NotificationEventsListener(InboundEvents inbound, PoliceAcknowledgements acknowledgements) {
        this.inbound = inbound;
        this.acknowledgements = acknowledgements;
    }

    /** Bound as {@code notificationEvents-in-0} to {@code notifications.events}, group {@code alert-service}. */
    @Bean
    Consumer<Message<byte[]>> notificationEvents() {
        return message -> inbound.decode(message).ifPresent(this::dispatch);
    }

    private void dispatch(Object event) {
        if (event instanceof PoliceZoneAlerted alerted) {
            inbound.handleOnce(alerted, acknowledgements::onZoneAlerted);
        } else if (event instanceof PoliceAcknowledged acknowledged) {
            inbound.handleOnce(acknowledged, acknowledgements::onPoliceAcknowledged);
        } else {
            log.debug("Ignoring {} on notifications.events: not for this service", event.getClass().getSimpleName());
        }
    }
}
