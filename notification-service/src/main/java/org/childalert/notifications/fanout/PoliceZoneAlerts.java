package org.childalert.notifications.fanout;

import java.util.UUID;

import org.childalert.notifications.targeting.AlertedZone;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The police zones each alert reached, once per alert and zone (its primary key). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class PoliceZoneAlerts {

    private final JdbcClient jdbc;

    PoliceZoneAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True only the first time the zone is recorded as reached by the alert. */
    boolean firstTime(UUID alertId, AlertedZone zone) {
        return jdbc.sql("""
                insert into police_zone_alert (alert_id, zone_code, zone_name) values (:alertId, :code, :name)
                on conflict (alert_id, zone_code) do nothing
                """)
                .param("alertId", alertId)
                .param("code", zone.code())
                .param("name", zone.name())
                .update() == 1;
    }

    /**
     * True only the first time the zone is escalated for the alert (its acknowledgement overdue), whether or not
     * this service had recorded reaching it.
     */
    boolean firstEscalation(UUID alertId, String zoneCode, String zoneName) {
        return jdbc.sql("""
                insert into police_zone_alert (alert_id, zone_code, zone_name, escalated_at)
                values (:alertId, :code, :name, clock_timestamp())
                on conflict (alert_id, zone_code) do update set escalated_at = clock_timestamp()
                where police_zone_alert.escalated_at is null
                """)
                .param("alertId", alertId)
                .param("code", zoneCode)
                .param("name", zoneName == null ? zoneCode : zoneName)
                .update() == 1;
    }
}
