package org.childalert.notifications.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.childalert.events.DeliveryChannel;
import org.childalert.events.NoticeKind;
import org.childalert.events.RecipientKind;
import org.childalert.notifications.targeting.Recipient;
import org.childalert.notifications.templates.Language;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable work queue of messages in PostgreSQL (the notices they are rendered from are
 * {@link StoredAlertNotices}). Rows go
 * PENDING → SENDING (claimed by one dispatcher) → ACCEPTED (a provider took it) or FAILED; a temporary
 * failure sends it back to PENDING with a later next attempt, until its attempts run out.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class DeliveryQueue {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    public DeliveryQueue(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Queues one notice per recipient; the unique keys skip whoever already has this notice on this channel,
     * and any address that already has it (one person registered twice is told once).
     */
    public int enqueue(UUID alertId, NoticeKind notice, List<Recipient> recipients) {
        SqlParameterSource[] rows = recipients.stream()
                .map(recipient -> new MapSqlParameterSource()
                        .addValue("id", UUID.randomUUID())
                        .addValue("alertId", alertId)
                        .addValue("kind", recipient.kind().name())
                        .addValue("recipientId", recipient.id())
                        .addValue("channel", recipient.channel().name())
                        .addValue("notice", notice.name())
                        .addValue("address", recipient.address())
                        .addValue("language", recipient.language().code())
                        .addValue("rank", recipient.handOverRank()))
                .toArray(SqlParameterSource[]::new);
        int[] inserted = batch.batchUpdate("""
                insert into delivery (id, alert_id, recipient_kind, recipient_id, channel, notice, address, language,
                                      hand_over_rank)
                values (:id, :alertId, :kind, :recipientId, :channel, :notice, :address, :language, :rank)
                on conflict do nothing
                """, rows);
        return Arrays.stream(inserted).map(n -> Math.max(n, 0)).sum();
    }

    /**
     * Queues a FOUND notice for everyone a provider accepted (or delivered) the alert for, as issued or after
     * a widening.
     */
    public int enqueueFoundForEveryoneReached(UUID alertId) {
        return jdbc.sql("""
                insert into delivery (id, alert_id, recipient_kind, recipient_id, channel, notice, address, language,
                                      hand_over_rank)
                select gen_random_uuid(), alert_id, recipient_kind, recipient_id, channel, 'FOUND', address, language,
                       hand_over_rank
                from delivery
                where alert_id = :alertId and notice in ('ISSUED', 'WIDENED') and state in ('ACCEPTED', 'DELIVERED')
                on conflict do nothing
                """)
                .param("alertId", alertId)
                .update();
    }

    /**
     * Queues one first notice (ISSUED or WIDENED) per recipient who has none of this alert on that channel yet,
     * neither as this recipient nor on this address: the unique keys {@code delivery_told_once} and
     * {@code delivery_told_once_per_address} skip the others, which keeps a fan-out (at issue, after a widening,
     * resumed after a crash) from telling anyone twice about the same alert. One statement per chunk, the
     * recipients as arrays. Returns how many were queued.
     */
    public int enqueueUntold(UUID alertId, NoticeKind notice, List<Recipient> recipients) {
        return enqueueUntold(alertId, notice, 0, recipients);
    }

    /**
     * The same for a notice of a given revision: an APPROVAL_REQUESTED notice carries its request's number for the
     * alert, so that the unique key {@code delivery_once} tells each contact once per request (V19).
     */
    public int enqueueUntold(UUID alertId, NoticeKind notice, int revision, List<Recipient> recipients) {
        if (recipients.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                insert into delivery (id, alert_id, recipient_kind, recipient_id, channel, notice, revision, address,
                                      language, hand_over_rank)
                select gen_random_uuid(), :alertId, c.kind, c.recipient_id, c.channel, :notice, :revision, c.address,
                       c.language, c.hand_over_rank
                from unnest(cast(:kinds as text[]), cast(:recipientIds as uuid[]), cast(:channels as text[]),
                            cast(:addresses as text[]), cast(:languages as text[]), cast(:ranks as real[]))
                     as c(kind, recipient_id, channel, address, language, hand_over_rank)
                on conflict do nothing
                """)
                .param("alertId", alertId)
                .param("notice", notice.name())
                .param("revision", revision)
                .param("kinds", recipients.stream().map(r -> r.kind().name()).toArray(String[]::new))
                .param("recipientIds", recipients.stream().map(r -> r.id().toString()).toArray(String[]::new))
                .param("channels", recipients.stream().map(r -> r.channel().name()).toArray(String[]::new))
                .param("addresses", recipients.stream().map(Recipient::address).toArray(String[]::new))
                .param("languages", recipients.stream().map(r -> r.language().code()).toArray(String[]::new))
                .param("ranks", recipients.stream().mapToDouble(Recipient::handOverRank).toArray())
                .update();
    }

    /**
     * Queues the UPDATED notice of this revision for everyone the alert reached (a provider accepted or
     * delivered one of its notices), once per recipient and channel, except on channels they opted out of since.
     */
    public int enqueueUpdatedForEveryoneReached(UUID alertId, int revision) {
        return jdbc.sql("""
                insert into delivery (id, alert_id, recipient_kind, recipient_id, channel, notice, revision, address, language,
                                      hand_over_rank)
                select gen_random_uuid(), alert_id, recipient_kind, recipient_id, channel, 'UPDATED', :revision, address,
                       language, hand_over_rank
                from (select distinct on (recipient_kind, recipient_id, channel) *
                      from delivery
                      where alert_id = :alertId and notice not in ('FOUND', 'APPROVAL_REQUESTED')
                        and state in ('ACCEPTED', 'DELIVERED')
                        and address is not null
                      order by recipient_kind, recipient_id, channel, created_at) reached
                where not exists (select 1 from volunteer_channel c
                                  where reached.recipient_kind = 'VOLUNTEER' and c.volunteer_id = reached.recipient_id
                                    and c.channel = reached.channel and c.opted_out_at is not null)
                  and not exists (select 1 from police_contact_channel c
                                  where reached.recipient_kind = 'POLICE' and c.police_contact_id = reached.recipient_id
                                    and c.channel = reached.channel and c.opted_out_at is not null)
                on conflict do nothing
                """)
                .param("alertId", alertId)
                .param("revision", revision)
                .update();
    }

    /** Withdraws the alert's notices not sent yet; returns them so that their failure can be reported. */
    public List<Delivery> withdrawPending(UUID alertId, String errorCode) {
        return jdbc.sql("""
                update delivery set state = 'FAILED', error_code = :errorCode, updated_at = clock_timestamp()
                where alert_id = :alertId and notice <> 'FOUND' and state = 'PENDING'
                returning id, alert_id, recipient_kind, recipient_id, channel, notice, revision, address, language, attempts
                """)
                .param("alertId", alertId)
                .param("errorCode", errorCode)
                .query(DeliveryQueue::toDelivery)
                .list();
    }

    /**
     * Gives deliveries claimed by a dispatcher that stopped before finishing back to the queue, after first renewing
     * the lease of those this instance still holds ({@code inHand}: sent or being sent, their outcome not recorded
     * yet, for instance because the database was away): those are not abandoned, whatever their age. A row the
     * outcome recorder is writing at that moment is skipped, not waited for: it is leaving SENDING anyway, and
     * waiting for it while the recorder's batch waits for rows this statement locked was a deadlock (seen in the
     * fan-out benchmark, each one costing a batch of outcomes a retry).
     */
    int releaseAbandoned(Duration lease, Set<UUID> inHand) {
        if (!inHand.isEmpty()) {
            jdbc.sql("""
                    update delivery set updated_at = clock_timestamp()
                    where id in (select id from delivery where id = any(cast(:ids as uuid[])) and state = 'SENDING'
                                 for update skip locked)
                    """)
                    .param("ids", inHand.stream().map(UUID::toString).toArray(String[]::new))
                    .update();
        }
        return jdbc.sql("""
                update delivery set state = 'PENDING', next_attempt_at = clock_timestamp(), updated_at = clock_timestamp()
                where state = 'SENDING' and updated_at < clock_timestamp() - cast(:lease as interval)
                """)
                .param("lease", lease.toSeconds() + " seconds")
                .update();
    }

    /**
     * Claims up to {@code limit} deliveries of one channel that are due, in the order of their hand-over rank
     * (police first, then volunteers nearest to the alert's centre first; V12 migration), skipping those other
     * dispatchers hold: whatever the number of instances, the claims together follow that order. A delivery waiting
     * to be retried is not due and is stepped over. One channel at a time, so that a provider whose circuit breaker
     * is open is not claimed for. The rows come back in the same order, which the senders keep.
     */
    List<Delivery> claim(DeliveryChannel channel, int limit) {
        jdbc.sql(WALK_THE_DUE_INDEX).update();
        return new ArrayList<>(jdbc.sql(CLAIM_DUE)
                .param("channel", channel.name())
                .param("limit", limit)
                .query(DeliveryQueue::toDelivery)
                .list());
    }

    /**
     * For the claim's transaction only. The queue can grow from nothing to a hundred thousand rows within seconds,
     * long before the statistics say so; believing it small, the planner read every pending row of the channel
     * through a bitmap and sorted them (0.36 s a claim at 45,000 pending SMS, measured during the fan-out
     * benchmark). The claim must walk {@code delivery_due_per_channel} in order and stop at its limit, whatever
     * the statistics say.
     */
    static final String WALK_THE_DUE_INDEX = "set local enable_bitmapscan = off";

    static final String CLAIM_DUE = """
            with claimable as (
                select id from delivery
                where state = 'PENDING' and next_attempt_at <= clock_timestamp() and address is not null
                  and channel = :channel
                order by hand_over_rank, id
                limit :limit
                for update skip locked
            ), claimed as (
                update delivery d set state = 'SENDING', attempts = d.attempts + 1, updated_at = clock_timestamp()
                from claimable where d.id = claimable.id
                returning d.*
            )
            select c.id, c.alert_id, c.recipient_kind, c.recipient_id, c.channel, c.notice, c.revision, c.address,
                   c.language, c.attempts
            from claimed c
            order by c.hand_over_rank, c.id
            """;

    private static Delivery toDelivery(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("alert_id", UUID.class),
                RecipientKind.valueOf(rs.getString("recipient_kind")), rs.getObject("recipient_id", UUID.class),
                DeliveryChannel.valueOf(rs.getString("channel")), NoticeKind.valueOf(rs.getString("notice")),
                rs.getInt("revision"), rs.getString("address"), Language.fromCode(rs.getString("language")), rs.getInt("attempts"));
    }
}
