package org.childalert.notifications.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.childalert.events.AlertIssued;
import org.childalert.events.DeliveryChannel;
import org.childalert.events.NoticeKind;
import org.childalert.events.RecipientKind;
import org.childalert.notifications.targeting.Recipient;
import org.childalert.notifications.templates.Language;
import org.childalert.notifications.templates.NoticeContent;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable work queue of messages in PostgreSQL, and the alert notices they are rendered from. Rows go
 * PENDING → SENDING (claimed by one dispatcher) → ACCEPTED (a provider took it) or FAILED; a temporary
 * failure sends it back to PENDING with a later next attempt, until its attempts run out.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class DeliveryQueue {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    DeliveryQueue(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void keepNotice(AlertIssued alert) {
        AlertIssued.Notice notice = alert.notice();
        jdbc.sql("""
                insert into alert_notice (alert_id, case_id, level, child_first_name, child_age, description,
                                          last_seen_place, last_seen_at, expires_at, issued_at)
                values (:alertId, :caseId, :level, :firstName, :age, :description, :place, :lastSeenAt, :expiresAt, :issuedAt)
                on conflict (alert_id) do nothing
                """)
                .param("alertId", alert.alertId())
                .param("caseId", alert.caseId())
                .param("level", alert.level().name())
                .param("firstName", notice.childFirstName())
                .param("age", notice.childAge())
                .param("description", notice.description())
                .param("place", notice.lastSeenPlace())
                .param("lastSeenAt", timestamp(notice.lastSeenAt()))
                .param("expiresAt", timestamp(alert.expiresAt()))
                .param("issuedAt", timestamp(alert.occurredAt()))
                .update();
    }

    /** Marks the alert cancelled and erases its description; false if this service never heard of the alert. */
    boolean cancelNotice(UUID alertId, String reason) {
        return jdbc.sql("""
                update alert_notice set cancelled_at = coalesce(cancelled_at, now()), cancel_reason = :reason,
                                        description = null
                where alert_id = :alertId
                """)
                .param("alertId", alertId)
                .param("reason", reason)
                .update() == 1;
    }

    Optional<NoticeContent> notice(UUID alertId) {
        return jdbc.sql("""
                select child_first_name, child_age, description, last_seen_place, last_seen_at
                from alert_notice where alert_id = :alertId
                """)
                .param("alertId", alertId)
                .query((rs, n) -> new NoticeContent(rs.getString("child_first_name"), rs.getInt("child_age"),
                        rs.getString("description"), rs.getString("last_seen_place"),
                        rs.getTimestamp("last_seen_at") == null ? null : rs.getTimestamp("last_seen_at").toInstant()))
                .optional();
    }

    /**
     * Queues one notice per recipient; the unique keys skip whoever already has this notice on this channel,
     * and any address that already has it (one person registered twice is told once).
     */
    int enqueue(UUID alertId, NoticeKind notice, List<Recipient> recipients) {
        SqlParameterSource[] rows = recipients.stream()
                .map(recipient -> new MapSqlParameterSource()
                        .addValue("id", UUID.randomUUID())
                        .addValue("alertId", alertId)
                        .addValue("kind", recipient.kind().name())
                        .addValue("recipientId", recipient.id())
                        .addValue("channel", recipient.channel().name())
                        .addValue("notice", notice.name())
                        .addValue("address", recipient.address())
                        .addValue("language", recipient.language().code()))
                .toArray(SqlParameterSource[]::new);
        int[] inserted = batch.batchUpdate("""
                insert into delivery (id, alert_id, recipient_kind, recipient_id, channel, notice, address, language)
                values (:id, :alertId, :kind, :recipientId, :channel, :notice, :address, :language)
                on conflict do nothing
                """, rows);
        return Arrays.stream(inserted).map(n -> Math.max(n, 0)).sum();
    }

    /** Queues a FOUND notice for everyone a provider accepted (or delivered) the alert's ISSUED notice for. */
    int enqueueFoundForEveryoneReached(UUID alertId) {
        return jdbc.sql("""
                insert into delivery (id, alert_id, recipient_kind, recipient_id, channel, notice, address, language)
                select gen_random_uuid(), alert_id, recipient_kind, recipient_id, channel, 'FOUND', address, language
                from delivery
                where alert_id = :alertId and notice = 'ISSUED' and state in ('ACCEPTED', 'DELIVERED')
                on conflict do nothing
                """)
                .param("alertId", alertId)
                .update();
    }

    /** For a delivery accepted after its alert was cancelled: its recipient must be told too. */
    void enqueueFoundIfAlertCancelled(UUID deliveryId) {
        jdbc.sql("""
                insert into delivery (id, alert_id, recipient_kind, recipient_id, channel, notice, address, language)
                select gen_random_uuid(), d.alert_id, d.recipient_kind, d.recipient_id, d.channel, 'FOUND', d.address, d.language
                from delivery d join alert_notice a on a.alert_id = d.alert_id
                where d.id = :id and d.notice = 'ISSUED' and a.cancelled_at is not null
                on conflict do nothing
                """)
                .param("id", deliveryId)
                .update();
    }

    /** Withdraws the alert's notices not sent yet; returns them so that their failure can be reported. */
    List<Delivery> withdrawPending(UUID alertId, String errorCode) {
        return jdbc.sql("""
                update delivery set state = 'FAILED', error_code = :errorCode, updated_at = clock_timestamp()
                where alert_id = :alertId and notice <> 'FOUND' and state = 'PENDING'
                returning id, alert_id, recipient_kind, recipient_id, channel, notice, address, language, attempts
                """)
                .param("alertId", alertId)
                .param("errorCode", errorCode)
                .query(DeliveryQueue::toDelivery)
                .list();
    }

    /** Gives deliveries claimed by a dispatcher that stopped before finishing back to the queue. */
    int releaseAbandoned(Duration lease) {
        return jdbc.sql("""
                update delivery set state = 'PENDING', next_attempt_at = clock_timestamp(), updated_at = clock_timestamp()
                where state = 'SENDING' and updated_at < clock_timestamp() - cast(:lease as interval)
                """)
                .param("lease", lease.toSeconds() + " seconds")
                .update();
    }

    boolean markAccepted(UUID id, String providerMessageId) {
        return jdbc.sql("""
                update delivery set state = 'ACCEPTED', provider_message_id = :providerId, error_code = null,
                                    updated_at = clock_timestamp()
                where id = :id and state = 'SENDING'
                """)
                .param("id", id)
                .param("providerId", providerMessageId)
                .update() == 1;
    }

    /** Puts a delivery that failed for a temporary reason back in the queue, due after the delay. */
    boolean retryLater(UUID id, String errorCode, Duration delay) {
        return jdbc.sql("""
                update delivery set state = 'PENDING', error_code = :errorCode,
                                    next_attempt_at = clock_timestamp() + cast(:delay as interval),
                                    updated_at = clock_timestamp()
                where id = :id and state = 'SENDING'
                """)
                .param("id", id)
                .param("errorCode", errorCode)
                .param("delay", delay.toMillis() + " milliseconds")
                .update() == 1;
    }

    boolean markFailed(UUID id, String errorCode) {
        return jdbc.sql("""
                update delivery set state = 'FAILED', error_code = :errorCode, updated_at = clock_timestamp()
                where id = :id and state = 'SENDING'
                """)
                .param("id", id)
                .param("errorCode", errorCode)
                .update() == 1;
    }

    /**
     * Claims up to {@code limit} deliveries of one channel that are due, in the order of their next attempt,
     * skipping those other dispatchers hold. A delivery waiting to be retried is not due, so it never holds up
     * newer ones. One channel at a time, so that a provider whose circuit breaker is open is not claimed for.
     */
    List<Delivery> claim(DeliveryChannel channel, int limit) {
        return new ArrayList<>(jdbc.sql("""
                with claimable as (
                    select id from delivery
                    where state = 'PENDING' and next_attempt_at <= clock_timestamp() and address is not null
                      and channel = :channel
                    order by next_attempt_at, id
                    limit :limit
                    for update skip locked
                ), claimed as (
                    update delivery d set state = 'SENDING', attempts = d.attempts + 1, updated_at = clock_timestamp()
                    from claimable where d.id = claimable.id
                    returning d.*
                )
                select c.id, c.alert_id, c.recipient_kind, c.recipient_id, c.channel, c.notice, c.address, c.language,
                       c.attempts
                from claimed c
                order by c.next_attempt_at, c.id
                """)
                .param("channel", channel.name())
                .param("limit", limit)
                .query(DeliveryQueue::toDelivery)
                .list());
    }

    private static Delivery toDelivery(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("alert_id", UUID.class),
                RecipientKind.valueOf(rs.getString("recipient_kind")), rs.getObject("recipient_id", UUID.class),
                DeliveryChannel.valueOf(rs.getString("channel")), NoticeKind.valueOf(rs.getString("notice")),
                rs.getString("address"), Language.fromCode(rs.getString("language")), rs.getInt("attempts"));
    }

    private static Timestamp timestamp(java.time.Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
