package org.childalert.notifications.dispatch;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.childalert.events.ApprovalKind;
import org.childalert.events.AlertIssued;
import org.childalert.events.AlertUpdated;
import org.childalert.events.AlertWidened;
import org.childalert.kit.messaging.TraceContexts;
import org.childalert.notifications.templates.NoticeContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alert notices deliveries are rendered from ({@code alert_notice}): what recipients of an alert are told, as
 * issued, widened and updated, until the alert is cancelled or expires and its description is erased. The queue of
 * deliveries itself is {@link DeliveryQueue}.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class StoredAlertNotices {

    private final JdbcClient jdbc;
    /** The trace the alert's event was handled in, kept with its notice so that every send continues it. */
    private final Supplier<String> currentTraceparent;

    @Autowired
    public StoredAlertNotices(JdbcClient jdbc, TraceContexts traces) {
        this(jdbc, traces::currentTraceparent);
    }

    /** Without tracing (tests and benchmarks that build the class themselves). */
    public StoredAlertNotices(JdbcClient jdbc) {
        this(jdbc, () -> null);
    }

    private StoredAlertNotices(JdbcClient jdbc, Supplier<String> currentTraceparent) {
        this.jdbc = jdbc;
        this.currentTraceparent = currentTraceparent;
    }

    public void keepNotice(AlertIssued alert) {
        AlertIssued.Notice notice = alert.notice();
        jdbc.sql("""
                insert into alert_notice (alert_id, case_id, level, child_first_name, child_age, description,
                                          last_seen_place, last_seen_at, expires_at, issued_at, traceparent)
                values (:alertId, :caseId, :level, :firstName, :age, :description, :place, :lastSeenAt, :expiresAt, :issuedAt,
                        :traceparent)
                on conflict (alert_id) do nothing
                """)
                .param("traceparent", currentTraceparent.get())
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
    public boolean cancelNotice(UUID alertId, String reason) {
        return jdbc.sql("""
                update alert_notice set cancelled_at = coalesce(cancelled_at, now()), cancel_reason = :reason,
                                        description = null, photo_link = null
                where alert_id = :alertId
                """)
                .param("alertId", alertId)
                .param("reason", reason)
                .update() == 1;
    }

    /** What the messages of an alert are made from, and the trace their sending continues. */
    record ForSending(NoticeContent content, String traceparent) {
    }

    /**
     * The notice and the alert's trace in one read, for each batch of messages the dispatcher hands out: a single
     * statement, which needs no transaction of its own.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<ForSending> forSending(UUID alertId) {
        return jdbc.sql("""
                select child_first_name, child_age, description, last_seen_place, last_seen_at, photo_link, traceparent
                from alert_notice where alert_id = :alertId
                """)
                .param("alertId", alertId)
                .query((rs, n) -> new ForSending(new NoticeContent(rs.getString("child_first_name"), rs.getInt("child_age"),
                        rs.getString("description"), rs.getString("last_seen_place"),
                        rs.getTimestamp("last_seen_at") == null ? null : rs.getTimestamp("last_seen_at").toInstant(),
                        rs.getString("photo_link")), rs.getString("traceparent")))
                .optional();
    }

    /**
     * What the alert's approval request number {@code request} asked police to approve (the revision of its
     * APPROVAL_REQUESTED messages); a new alert when the request is not known (kept 90 days, its messages too).
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public ApprovalKind approvalKind(UUID alertId, int request) {
        return jdbc.sql("select kind from approval_request where alert_id = :alertId and seq = :request")
                .param("alertId", alertId)
                .param("request", request)
                .query(String.class)
                .optional()
                .map(ApprovalKind::valueOf)
                .orElse(ApprovalKind.NEW_ALERT);
    }

    /** Keeps the notice of an alert first heard of through its widening (its AlertIssued may come later or never). */
    public void keepNotice(AlertWidened widened) {
        AlertIssued.Notice notice = widened.notice();
        jdbc.sql("""
                insert into alert_notice (alert_id, case_id, level, child_first_name, child_age, description,
                                          last_seen_place, last_seen_at, expires_at, issued_at, traceparent)
                values (:alertId, :caseId, :level, :firstName, :age, :description, :place, :lastSeenAt, :expiresAt, :issuedAt,
                        :traceparent)
                on conflict (alert_id) do update set level = excluded.level, expires_at = excluded.expires_at
                """)
                .param("traceparent", currentTraceparent.get())
                .param("alertId", widened.alertId())
                .param("caseId", widened.caseId())
                .param("level", widened.level().name())
                .param("firstName", notice.childFirstName())
                .param("age", notice.childAge())
                .param("description", notice.description())
                .param("place", notice.lastSeenPlace())
                .param("lastSeenAt", timestamp(notice.lastSeenAt()))
                .param("expiresAt", timestamp(widened.expiresAt()))
                .param("issuedAt", timestamp(widened.occurredAt()))
                .update();
    }

    /** Whether the alert is known here and neither cancelled nor expired. */
    public boolean isActive(UUID alertId) {
        return jdbc.sql("""
                select exists (select 1 from alert_notice
                               where alert_id = :alertId and cancelled_at is null and expired_at is null)
                """)
                .param("alertId", alertId)
                .query(Boolean.class)
                .single();
    }

    /**
     * Rewrites the notice of an active alert as an update has it (the description, the photo link) and moves
     * it to its next revision; empty when the alert is unknown here, cancelled or expired.
     */
    public Optional<Integer> updateNotice(AlertUpdated update) {
        AlertIssued.Notice notice = update.notice();
        return jdbc.sql("""
                update alert_notice set child_first_name = :firstName, child_age = :age, description = :description,
                                        last_seen_place = :place, last_seen_at = :lastSeenAt, photo_link = :photoLink,
                                        revision = revision + 1
                where alert_id = :alertId and cancelled_at is null and expired_at is null
                returning revision
                """)
                .param("alertId", update.alertId())
                .param("firstName", notice.childFirstName())
                .param("age", notice.childAge())
                .param("description", notice.description())
                .param("place", notice.lastSeenPlace())
                .param("lastSeenAt", timestamp(notice.lastSeenAt()))
                .param("photoLink", update.photoLink())
                .query(Integer.class)
                .optional();
    }

    /** Marks the alert expired and erases its description and photo link; false if it was not active here. */
    public boolean expireNotice(UUID alertId) {
        return jdbc.sql("""
                update alert_notice set expired_at = now(), description = null, photo_link = null
                where alert_id = :alertId and cancelled_at is null and expired_at is null
                """)
                .param("alertId", alertId)
                .update() == 1;
    }

    private static Timestamp timestamp(java.time.Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
