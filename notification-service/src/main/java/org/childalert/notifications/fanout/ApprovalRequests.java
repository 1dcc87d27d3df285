package org.childalert.notifications.fanout;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.childalert.events.AlertApprovalRequested;
import org.childalert.events.NoticeKind;
import org.childalert.notifications.dispatch.DeliveryDispatcher;
import org.childalert.notifications.dispatch.DeliveryQueue;
import org.childalert.notifications.targeting.PoliceRecipient;
import org.childalert.notifications.targeting.Recipient;
import org.childalert.notifications.targeting.RecipientResolver;
import org.childalert.notifications.targeting.ZoneDutyContacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the police on duty that an alert, or a change to one, waits for a police officer's four-eyes approval
 * ({@link AlertApprovalRequested}), by SMS and email, in their language: the {@link NoticeKind#APPROVAL_REQUESTED}
 * notice, a pointer to the console's approvals page with nothing of the child.
 *
 * <p>Who: the police the alert would reach over that area ({@link RecipientResolver#police}, the very code the
 * fan-out uses): the duty contact of every zone the area touches, or the on-duty contacts of its unit when that
 * contact is off duty, and the on-duty contacts whose own circle the area touches; verified channels not opted
 * out of. When the area touches no zone at all (outside every zone the admins defined), the duty contacts of
 * every zone are told instead: an approval nobody hears of leaves an alert for a missing child waiting, and any
 * officer on duty can approve it in the console. When the area touches zones but nobody there is on duty,
 * nobody is told (a warning is logged): off-duty officers are never disturbed.
 *
 * <p>Once per contact and channel per request: the request is recorded ({@code approval_request}, V19) with its
 * number for that alert, which is the revision of its deliveries; the deliveries' unique keys do the rest. A
 * redelivered event is not handled twice (inbound de-duplication), and the same request under another event id
 * finds its row and queues nothing.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ApprovalRequests {

    private static final Logger log = LoggerFactory.getLogger(ApprovalRequests.class);

    private final JdbcClient jdbc;
    private final RecipientResolver resolver;
    private final ZoneDutyContacts dutyContacts;
    private final DeliveryDispatcher dispatcher;
    private final DeliveryQueue queue;

    ApprovalRequests(JdbcClient jdbc, RecipientResolver resolver, ZoneDutyContacts dutyContacts,
                     DeliveryDispatcher dispatcher, DeliveryQueue queue) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.resolver = resolver;
        this.dutyContacts = dutyContacts;
        this.dispatcher = dispatcher;
    }

    public void on(AlertApprovalRequested request) {
        Optional<Integer> number = record(request);
        if (number.isEmpty()) {
            log.info("Approval of alert {} ({}) requested at {} is known already: nobody told again",
                    request.alertId(), request.kind(), request.requestedAt());
            return;
        }
        List<Recipient> contacts = whoToTell(request);
        if (contacts.isEmpty()) {
            log.warn("Approval of alert {} ({}) requested, but no police contact on duty can be reached for its area",
                    request.alertId(), request.kind());
            return;
        }
        // police first in the send order; the request's number is the revision, so that the unique keys tell each
        // contact once per request, and each request of an alert
        int queued = queue.enqueueUntold(request.alertId(), NoticeKind.APPROVAL_REQUESTED, number.get(), contacts);
        log.info("Approval of alert {} ({}) requested: {} notices to police on duty queued", request.alertId(),
                request.kind(), queued);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatcher.dispatchSoon();
            }
        });
    }

    private List<Recipient> whoToTell(AlertApprovalRequested request) {
        List<Recipient> police = resolver.police(request.area()).stream().map(PoliceRecipient::recipient).toList();
        if (police.isEmpty() && !resolver.touchesAZone(request.area())) {
            log.info("Approval of alert {} requested for an area no police zone covers: every zone's duty contacts told",
                    request.alertId());
            return dutyContacts.ofEveryZone();
        }
        return police;
    }

    /** The request's number for its alert (1, 2, ...), or empty when this request was recorded already. */
    private Optional<Integer> record(AlertApprovalRequested request) {
        return jdbc.sql("""
                insert into approval_request (alert_id, seq, kind, requested_at, event_id)
                select :alertId, coalesce(max(seq), 0) + 1, :kind, :requestedAt, :eventId
                from approval_request where alert_id = :alertId
                on conflict (alert_id, kind, requested_at) do nothing
                returning seq
                """)
                .param("alertId", request.alertId())
                .param("kind", request.kind().name())
                .param("requestedAt", Timestamp.from(request.requestedAt()))
                .param("eventId", request.eventId())
                .query(Integer.class)
                .optional();
    }

}
