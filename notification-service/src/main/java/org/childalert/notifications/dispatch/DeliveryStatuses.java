package org.childalert.notifications.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.childalert.events.DeliveryChannel;
import org.childalert.events.NoticeKind;
import org.childalert.events.NotificationFailed;
import org.childalert.events.RecipientKind;
import org.childalert.notifications.sms.TwilioSmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What Twilio reports about a message after it took it (its status callback), applied to the delivery with that
 * message SID. Twilio's statuses go queued → sending → sent → delivered, or end undelivered (the carrier could not
 * deliver) or failed (never sent). Callbacks can arrive out of order: a status is applied only if it comes later
 * in that order than the last one applied, so a late "sent" never undoes "delivered". Only "delivered" (the
 * carrier's receipt) makes the row DELIVERED (with its time): "sent" means a carrier took the message, which is
 * still only accepted, and stays ACCEPTED with its provider status; "undelivered" makes it UNDELIVERED and
 * "failed" FAILED (with Twilio's error code), with a NotificationFailed.
 */
@Service
class DeliveryStatuses {

    private static final Logger log = LoggerFactory.getLogger(DeliveryStatuses.class);

    /** Twilio's message statuses in the order they happen; the final ones share the last rank. */
    private static final Map<String, Integer> RANK = Map.of("accepted", 0, "scheduled", 0, "queued", 0, "sending", 1,
            "sent", 2, "delivered", 3, "undelivered", 3, "failed", 3);

    /** Undelivered for good: the number cannot be reached (see {@link TwilioSmsSender#NUMBER_UNREACHABLE}), or carriers block us. */
    private static final Set<String> PERMANENT_CODES = Set.of("21610", "21211", "21614", "21612", "30005", "30006",
            "30004", "30007");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final EmailFallbacks fallbacks;
    private final DeliveryDispatcher dispatcher;

    DeliveryStatuses(JdbcClient jdbc, ApplicationEventPublisher events, EmailFallbacks fallbacks, DeliveryDispatcher dispatcher) {
        this.jdbc = jdbc;
        this.events = events;
        this.fallbacks = fallbacks;
        this.dispatcher = dispatcher;
    }

    private record Changed(UUID id, UUID alertId, RecipientKind kind, DeliveryChannel channel, NoticeKind notice,
                           String previousState, String state) {
    }

    /** Applies a status; returns the delivery's new state, or empty if no delivery has that SID or the status is stale. */
    @Transactional
    Optional<String> apply(String messageSid, String twilioStatus, String errorCode) {
        String status = twilioStatus.toLowerCase(Locale.ROOT);
        Integer rank = RANK.get(status);
        if (rank == null) {
            return Optional.empty(); // a status of another product (WhatsApp "read", ...): nothing to record
        }
        String state = switch (status) {
            case "delivered" -> "DELIVERED";
            case "undelivered" -> "UNDELIVERED";
            case "failed" -> "FAILED";
            default -> "ACCEPTED";
        };
        String code = errorCode == null || errorCode.isBlank() ? null : errorCode.strip();
        List<Changed> changed = jdbc.sql("""
                with current as (
                    select id, state from delivery where provider_message_id = :sid for update
                )
                update delivery d set state = :state, provider_status = :status,
                       error_code = coalesce(:errorCode, d.error_code),
                       delivered_at = case when :state = 'DELIVERED' then coalesce(d.delivered_at, clock_timestamp())
                                           else d.delivered_at end,
                       failed_at = case when :state in ('UNDELIVERED', 'FAILED') then clock_timestamp() else d.failed_at end,
                       updated_at = clock_timestamp()
                from current
                where d.id = current.id and d.state in ('ACCEPTED', 'DELIVERED')
                  and (case d.provider_status when 'accepted' then 0 when 'scheduled' then 0 when 'queued' then 0
                       when 'sending' then 1 when 'sent' then 2 when 'delivered' then 3 when 'undelivered' then 3
                       when 'failed' then 3 else -1 end) < :rank
                returning d.id, d.alert_id, d.recipient_kind, d.channel, d.notice, current.state as previous_state, d.state
                """)
                .param("sid", messageSid)
                .param("state", state)
                .param("status", status)
                .param("errorCode", code)
                .param("rank", rank)
                .query((rs, n) -> new Changed(rs.getObject("id", UUID.class), rs.getObject("alert_id", UUID.class),
                        RecipientKind.valueOf(rs.getString("recipient_kind")), DeliveryChannel.valueOf(rs.getString("channel")),
                        NoticeKind.valueOf(rs.getString("notice")), rs.getString("previous_state"), rs.getString("state")))
                .list();
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        Changed row = changed.get(0);
        // a delivery receipt is recorded on its row (state, delivered_at) and nowhere else: no consumer needs an event
        // per recipient (the reports API reads the rows)
        if ("UNDELIVERED".equals(row.state()) || "FAILED".equals(row.state())) {
            events.publishEvent(new NotificationFailed(UUID.randomUUID(), Instant.now(), row.id(), row.alertId(),
                    row.channel(), row.notice(), row.kind(), code == null ? status.toUpperCase(Locale.ROOT) : code));
            if (row.channel() == DeliveryChannel.SMS && code != null && PERMANENT_CODES.contains(code)) {
                if (TwilioSmsSender.NUMBER_UNREACHABLE.contains(code)) {
                    fallbacks.stopTextingNumbersOf(List.of(row.id()));
                }
                if (fallbacks.queueByEmail(List.of(row.id())) > 0) {
                    log.info("SMS delivery {} undelivered ({}): the notice goes by email instead", row.id(), code);
                    dispatchAfterCommit();
                }
            }
        }
        return Optional.of(row.state());
    }

    private void dispatchAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatcher.dispatchSoon();
            }
        });
    }
}
