package org.childalert.alerts.photos;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.childalert.events.Actor;
import org.childalert.events.AlertCancelled;
import org.childalert.events.AlertExpired;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The children's photos, kept in this service's database and served only from its own origin. An alert has at
 * most a {@code CURRENT} photo (what recipients see) and a {@code PENDING} one (brought by a change waiting for a
 * second police officer). Both are deleted in the transaction that ends the alert, whatever ends it.
 */
@Component
public class AlertPhotos {

    private final JdbcClient jdbc;

    AlertPhotos(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored photo: its media type and bytes, as served. */
    public record StoredPhoto(String contentType, byte[] bytes) {
    }

    /** Keeps the photo a change brings until that change is decided (replacing an earlier undecided one). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void storePending(UUID alertId, PhotoImages.Image image, Actor by, Instant at) {
        jdbc.sql("""
                insert into alert_photo (alert_id, state, content_type, bytes, size_bytes, uploaded_at,
                    uploaded_by_subject, uploaded_by_username)
                values (:alertId, 'PENDING', :contentType, :bytes, :size, :at, :subject, :username)
                on conflict (alert_id, state) do update set content_type = excluded.content_type,
                    bytes = excluded.bytes, size_bytes = excluded.size_bytes, uploaded_at = excluded.uploaded_at,
                    uploaded_by_subject = excluded.uploaded_by_subject,
                    uploaded_by_username = excluded.uploaded_by_username
                """)
                .param("alertId", alertId)
                .param("contentType", image.contentType())
                .param("bytes", image.bytes())
                .param("size", image.bytes().length)
                .param("at", Timestamp.from(at))
                .param("subject", by.subject())
                .param("username", by.username())
                .update();
    }

    /** The change bringing the pending photo was approved: it replaces the current one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void promotePending(UUID alertId) {
        jdbc.sql("delete from alert_photo where alert_id = :alertId and state = 'CURRENT'")
                .param("alertId", alertId).update();
        jdbc.sql("update alert_photo set state = 'CURRENT' where alert_id = :alertId and state = 'PENDING'")
                .param("alertId", alertId).update();
    }

    /** The change bringing the pending photo was rejected: the photo is deleted. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void discardPending(UUID alertId) {
        jdbc.sql("delete from alert_photo where alert_id = :alertId and state = 'PENDING'")
                .param("alertId", alertId).update();
    }

    public Optional<StoredPhoto> current(UUID alertId) {
        return photo(alertId, "CURRENT");
    }

    public Optional<StoredPhoto> pending(UUID alertId) {
        return photo(alertId, "PENDING");
    }

    /** The alert was cancelled (or its escalation withdrawn): every photo of it is deleted with it. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(AlertCancelled cancelled) {
        deleteAll(cancelled.alertId());
    }

    /** The alert expired: every photo of it is deleted with it. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(AlertExpired expired) {
        deleteAll(expired.alertId());
    }

    private void deleteAll(UUID alertId) {
        jdbc.sql("delete from alert_photo where alert_id = :alertId").param("alertId", alertId).update();
    }

    private Optional<StoredPhoto> photo(UUID alertId, String state) {
        return jdbc.sql("select content_type, bytes from alert_photo where alert_id = :alertId and state = :state")
                .param("alertId", alertId)
                .param("state", state)
                .query((rs, row) -> new StoredPhoto(rs.getString("content_type"), rs.getBytes("bytes")))
                .optional();
    }
}
