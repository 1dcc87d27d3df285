package org.childalert.alerts.lifecycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.childalert.alerts.policy.Criteria;
import org.childalert.events.Actor;
import org.childalert.events.DisclosureLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Alerts in the service's own database, through plain SQL. */
@Repository
public class AlertRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    AlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new alert; false when an alert with that id already exists (nothing is changed then). */
    boolean insert(Alert alert) {
        return jdbc.sql("""
                insert into alert (id, case_id, status, level, radius_km,
                    under_eighteen, life_in_danger, likely_in_country, enough_information,
                    last_seen_at, last_seen_latitude, last_seen_longitude, last_seen_place,
                    child_first_name, child_age, child_description,
                    requested_by_subject, requested_by_username, requested_at,
                    decided_by_subject, decided_by_username, decided_at, refusal_reasons)
                values (:id, :caseId, :status, :level, :radiusKm,
                    :underEighteen, :lifeInDanger, :likelyInCountry, :enoughInformation,
                    :lastSeenAt, :lastSeenLatitude, :lastSeenLongitude, :lastSeenPlace,
                    :childFirstName, :childAge, :childDescription,
                    :requestedBySubject, :requestedByUsername, :requestedAt,
                    :decidedBySubject, :decidedByUsername, :decidedAt, cast(:refusalReasons as jsonb))
                on conflict (id) do nothing
                """)
                .param("id", alert.id())
                .param("caseId", alert.caseId())
                .param("status", alert.status().name())
                .param("level", alert.level().name())
                .param("radiusKm", alert.radiusKm())
                .param("underEighteen", alert.criteria().underEighteen())
                .param("lifeInDanger", alert.criteria().lifeInDanger())
                .param("likelyInCountry", alert.criteria().likelyInCountry())
                .param("enoughInformation", alert.criteria().enoughInformation())
                .param("lastSeenAt", Timestamp.from(alert.lastSeen().at()))
                .param("lastSeenLatitude", alert.lastSeen().latitude())
                .param("lastSeenLongitude", alert.lastSeen().longitude())
                .param("lastSeenPlace", alert.lastSeen().place())
                .param("childFirstName", alert.child().firstName())
                .param("childAge", alert.child().age())
                .param("childDescription", alert.child().description())
                .param("requestedBySubject", alert.requestedBy().subject())
                .param("requestedByUsername", alert.requestedBy().username())
                .param("requestedAt", Timestamp.from(alert.requestedAt()))
                .param("decidedBySubject", alert.decidedBy() == null ? null : alert.decidedBy().subject())
                .param("decidedByUsername", alert.decidedBy() == null ? null : alert.decidedBy().username())
                .param("decidedAt", timestamp(alert.decidedAt()))
                .param("refusalReasons", JSON.writeValueAsString(alert.refusalReasons()))
                .update() == 1;
    }

    /** Writes the alert's status and everything a transition may change. */
    public void update(Alert alert) {
        PendingChange pending = alert.pendingChange();
        jdbc.sql("""
                update alert set status = :status, radius_km = :radiusKm, child_description = :childDescription,
                    photo_mime_type = :photoMimeType, extensions = :extensions,
                    decided_by_subject = :decidedBySubject, decided_by_username = :decidedByUsername,
                    decided_at = :decidedAt, issued_at = :issuedAt, expires_at = :expiresAt,
                    cancelled_at = :cancelledAt, cancellation_reason = :cancellationReason,
                    refusal_reasons = cast(:refusalReasons as jsonb),
                    pending_kind = :pendingKind, pending_description = :pendingDescription,
                    pending_photo_mime_type = :pendingPhotoMimeType, pending_radius_km = :pendingRadiusKm,
                    pending_requested_by_subject = :pendingBySubject,
                    pending_requested_by_username = :pendingByUsername, pending_requested_at = :pendingAt
                where id = :id
                """)
                .param("id", alert.id())
                .param("status", alert.status().name())
                .param("radiusKm", alert.radiusKm())
                .param("childDescription", alert.child().description())
                .param("photoMimeType", alert.photo() == null ? null : alert.photo().mimeType())
                .param("extensions", alert.extensions())
                .param("decidedBySubject", alert.decidedBy() == null ? null : alert.decidedBy().subject())
                .param("decidedByUsername", alert.decidedBy() == null ? null : alert.decidedBy().username())
                .param("decidedAt", timestamp(alert.decidedAt()))
                .param("issuedAt", timestamp(alert.issuedAt()))
                .param("expiresAt", timestamp(alert.expiresAt()))
                .param("cancelledAt", timestamp(alert.cancelledAt()))
                .param("cancellationReason",
                        alert.cancellationReason() == null ? null : alert.cancellationReason().name())
                .param("refusalReasons", JSON.writeValueAsString(alert.refusalReasons()))
                .param("pendingKind", pending == null ? null : pending.kind().name())
                .param("pendingDescription", pending == null ? null : pending.description())
                .param("pendingPhotoMimeType", pending == null ? null : pending.photoMimeType())
                .param("pendingRadiusKm", pending == null ? null : pending.radiusKm())
                .param("pendingBySubject", pending == null ? null : pending.requestedBy().subject())
                .param("pendingByUsername", pending == null ? null : pending.requestedBy().username())
                .param("pendingAt", pending == null ? null : timestamp(pending.requestedAt()))
                .update();
    }

    public Optional<Alert> findById(UUID id) {
        return jdbc.sql("select * from alert where id = :id")
                .param("id", id)
                .query(AlertRepository::alert)
                .optional();
    }

    /** The alerts with these ids that exist, in no particular order. */
    public List<Alert> findAllById(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from alert where id in (:ids)")
                .param("ids", ids)
                .query(AlertRepository::alert)
                .list();
    }

    /** Reads the alert and locks it until the end of the caller's transaction, so decisions do not race. */
    public Optional<Alert> lockById(UUID id) {
        return jdbc.sql("select * from alert where id = :id for update")
                .param("id", id)
                .query(AlertRepository::alert)
                .optional();
    }

    /** The case's alerts that are still pending or active, locked for the caller's transaction. */
    List<Alert> lockRunningOfCase(UUID caseId) {
        return jdbc.sql("""
                select * from alert where case_id = :caseId and status in ('PENDING_APPROVAL', 'ACTIVE')
                order by requested_at for update
                """)
                .param("caseId", caseId)
                .query(AlertRepository::alert)
                .list();
    }

    /** The active alerts of one level, most recently issued first. */
    public List<Alert> active(DisclosureLevel level) {
        return jdbc.sql("select * from alert where status = 'ACTIVE' and level = :level order by issued_at desc, id")
                .param("level", level.name())
                .query(AlertRepository::alert)
                .list();
    }

    /** One page of alerts, newest request first, optionally only those in one status. */
    List<Alert> page(Optional<AlertStatus> status, int page, int size) {
        return jdbc.sql("""
                select * from alert where (cast(:status as text) is null or status = :status)
                order by requested_at desc, id
                limit :limit offset :offset
                """)
                .param("status", status.map(Enum::name).orElse(null))
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(AlertRepository::alert)
                .list();
    }

    long count(Optional<AlertStatus> status) {
        return jdbc.sql("select count(*) from alert where (cast(:status as text) is null or status = :status)")
                .param("status", status.map(Enum::name).orElse(null))
                .query(Long.class)
                .single();
    }

    private static Alert alert(ResultSet rs, int row) throws SQLException {
        String decidedBySubject = rs.getString("decided_by_subject");
        String cancellationReason = rs.getString("cancellation_reason");
        String photoMimeType = rs.getString("photo_mime_type");
        return new Alert(
                rs.getObject("id", UUID.class),
                rs.getObject("case_id", UUID.class),
                AlertStatus.valueOf(rs.getString("status")),
                DisclosureLevel.valueOf(rs.getString("level")),
                rs.getDouble("radius_km"),
                new Criteria(rs.getBoolean("under_eighteen"), rs.getBoolean("life_in_danger"),
                        rs.getBoolean("likely_in_country"), rs.getBoolean("enough_information")),
                new Alert.LastSeen(instant(rs, "last_seen_at"), rs.getDouble("last_seen_latitude"),
                        rs.getDouble("last_seen_longitude"), rs.getString("last_seen_place")),
                new Alert.Child(rs.getString("child_first_name"), rs.getInt("child_age"),
                        rs.getString("child_description")),
                new Actor(rs.getString("requested_by_subject"), rs.getString("requested_by_username")),
                instant(rs, "requested_at"),
                decidedBySubject == null ? null : new Actor(decidedBySubject, rs.getString("decided_by_username")),
                instant(rs, "decided_at"),
                instant(rs, "issued_at"),
                instant(rs, "expires_at"),
                instant(rs, "cancelled_at"),
                cancellationReason == null ? null : CancellationReason.valueOf(cancellationReason),
                JSON.readValue(rs.getString("refusal_reasons"), STRINGS),
                photoMimeType == null ? null : new Alert.Photo(photoMimeType),
                rs.getInt("extensions"),
                pendingChange(rs));
    }

    private static PendingChange pendingChange(ResultSet rs) throws SQLException {
        String kind = rs.getString("pending_kind");
        if (kind == null) {
            return null;
        }
        double radiusKm = rs.getDouble("pending_radius_km");
        Double pendingRadiusKm = rs.wasNull() ? null : radiusKm;
        return new PendingChange(PendingChange.Kind.valueOf(kind), rs.getString("pending_description"),
                rs.getString("pending_photo_mime_type"), pendingRadiusKm,
                new Actor(rs.getString("pending_requested_by_subject"), rs.getString("pending_requested_by_username")),
                instant(rs, "pending_requested_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
