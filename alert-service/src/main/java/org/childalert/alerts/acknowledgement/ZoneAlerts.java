package org.childalert.alerts.acknowledgement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.childalert.events.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The police zones each alert reached, in the {@code zone_alert} table. */
@Repository
class ZoneAlerts {

    private final JdbcClient jdbc;

    ZoneAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that the alert reached the zone; false if it already had (nothing changes then). */
    boolean insert(ZoneAlert zone) {
        return jdbc.sql("""
                insert into zone_alert (alert_id, zone_id, zone_name, alerted_at, deadline)
                values (:alertId, :zoneId, :zoneName, :alertedAt, :deadline)
                on conflict (alert_id, zone_id) do nothing
                """)
                .param("alertId", zone.alertId())
                .param("zoneId", zone.zoneId())
                .param("zoneName", zone.zoneName())
                .param("alertedAt", Timestamp.from(zone.alertedAt()))
                .param("deadline", Timestamp.from(zone.deadline()))
                .update() == 1;
    }

    Optional<ZoneAlert> lock(UUID alertId, String zoneId) {
        return jdbc.sql("select * from zone_alert where alert_id = :alertId and zone_id = :zoneId for update")
                .param("alertId", alertId)
                .param("zoneId", zoneId)
                .query(ZoneAlerts::zoneAlert)
                .optional();
    }

    List<ZoneAlert> ofAlert(UUID alertId) {
        return jdbc.sql("select * from zone_alert where alert_id = :alertId order by alerted_at, zone_id")
                .param("alertId", alertId)
                .query(ZoneAlerts::zoneAlert)
                .list();
    }

    /**
     * One page of the ids of the alerts (in a status, if given) that reached the zone, or of every alert when no
     * zone is given; newest request first, as the plain alert list.
     */
    List<UUID> alertIdsReaching(Optional<String> zoneId, Optional<String> status, int page, int size) {
        return jdbc.sql("""
                select a.id from alert a
                where (cast(:status as text) is null or a.status = :status)
                  and (cast(:zoneId as text) is null
                       or exists (select 1 from zone_alert z where z.alert_id = a.id and z.zone_id = :zoneId))
                order by a.requested_at desc, a.id
                limit :limit offset :offset
                """)
                .param("status", status.orElse(null))
                .param("zoneId", zoneId.orElse(null))
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(UUID.class)
                .list();
    }

    long countAlertsReaching(Optional<String> zoneId, Optional<String> status) {
        return jdbc.sql("""
                select count(*) from alert a
                where (cast(:status as text) is null or a.status = :status)
                  and (cast(:zoneId as text) is null
                       or exists (select 1 from zone_alert z where z.alert_id = a.id and z.zone_id = :zoneId))
                """)
                .param("status", status.orElse(null))
                .param("zoneId", zoneId.orElse(null))
                .query(Long.class)
                .single();
    }

    /** The zones these alerts reached: only the given zone, or all of them when none is given. */
    List<ZoneAlert> ofAlerts(Collection<UUID> alertIds, Optional<String> zoneId) {
        if (alertIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from zone_alert
                where alert_id in (:alertIds) and (cast(:zoneId as text) is null or zone_id = :zoneId)
                order by alerted_at, zone_id
                """)
                .param("alertIds", alertIds)
                .param("zoneId", zoneId.orElse(null))
                .query(ZoneAlerts::zoneAlert)
                .list();
    }

    void acknowledge(UUID alertId, String zoneId, Actor by, String via, Instant at) {
        jdbc.sql("""
                update zone_alert set acknowledged_at = :at, acknowledged_by_subject = :subject,
                    acknowledged_by_username = :username, acknowledged_via = :via
                where alert_id = :alertId and zone_id = :zoneId and acknowledged_at is null
                """)
                .param("at", Timestamp.from(at))
                .param("subject", by.subject())
                .param("username", by.username())
                .param("via", via)
                .param("alertId", alertId)
                .param("zoneId", zoneId)
                .update();
    }

    void escalate(UUID alertId, String zoneId, Instant at) {
        jdbc.sql("update zone_alert set escalated_at = :at where alert_id = :alertId and zone_id = :zoneId")
                .param("at", Timestamp.from(at))
                .param("alertId", alertId)
                .param("zoneId", zoneId)
                .update();
    }

    private static ZoneAlert zoneAlert(ResultSet rs, int row) throws SQLException {
        String subject = rs.getString("acknowledged_by_subject");
        return new ZoneAlert(rs.getObject("alert_id", UUID.class), rs.getString("zone_id"), rs.getString("zone_name"),
                instant(rs, "alerted_at"), instant(rs, "deadline"), instant(rs, "acknowledged_at"),
                subject == null ? null : new Actor(subject, rs.getString("acknowledged_by_username")),
                rs.getString("acknowledged_via"), instant(rs, "escalated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
