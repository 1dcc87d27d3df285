package org.childalert.alerts.retention;

import static org.childalert.alerts.Escalations.ALL_CRITERIA_MET;
import static org.childalert.alerts.Escalations.ONLY_UNDER_EIGHTEEN;
import static org.childalert.alerts.Escalations.escalation;
import static org.childalert.alerts.Escalations.someCoordinator;
import static org.childalert.alerts.Tokens.coordinator;
import static org.childalert.alerts.Tokens.officer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.childalert.alerts.acknowledgement.PoliceAcknowledgements;
import org.childalert.alerts.lifecycle.EscalationIntake;
import org.childalert.events.CaseEscalationRequested;
import org.childalert.events.DisclosureLevel;
import org.childalert.events.PoliceZoneAlerted;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Alerts made through the service's own paths, then moved back in time, for the retention tests. */
record EndedAlerts(MockMvc mvc, EscalationIntake intakes, PoliceAcknowledgements acknowledgements, JdbcClient jdbc) {

    /** The default retention period. */
    static final Duration RETENTION = Duration.ofDays(730);

    /** Every table with rows that hang on an alert (a foreign key to it). */
    static final List<String> DEPENDENT_TABLES = List.of("alert_timer", "alert_extension", "zone_alert",
            "cap_revision", "alert_photo", "alert_data_withdrawal", "alert_decision");

    /** An approved alert, extended, that reached a zone, cancelled: a row in every table that hangs on an alert. */
    UUID cancelledAlertWithEverythingHangingOnIt() throws Exception {
        UUID id = activeAlert();
        mvc.perform(post("/api/alerts/{id}/extensions", id).with(coordinator())).andExpect(status().isCreated());
        acknowledgements.onZoneAlerted(new PoliceZoneAlerted(UUID.randomUUID(), Instant.now(), id, "5339",
                "Brussels Capital Ixelles"));
        mvc.perform(post("/api/alerts/{id}/cancellation", id).with(coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"FOUND_SAFE\"}"))
                .andExpect(status().isOk());
        // the photos go when the alert ends; one left behind all the same is deleted with the alert
        jdbc.sql("""
                insert into alert_photo (alert_id, state, content_type, bytes, size_bytes, uploaded_at,
                    uploaded_by_subject, uploaded_by_username)
                values (:id, 'PENDING', 'image/png', '\\x89504e47'::bytea, 4, now(), 'someone', 'alice')
                """).param("id", id).update();
        return id;
    }

    UUID activeAlert() throws Exception {
        UUID id = intake(escalation(DisclosureLevel.PUBLIC, ALL_CRITERIA_MET, someCoordinator()));
        mvc.perform(post("/api/alerts/{id}/approval", id).with(officer("bob"))).andExpect(status().isOk());
        return id;
    }

    UUID refusedAlert() {
        return intake(escalation(DisclosureLevel.PUBLIC, ONLY_UNDER_EIGHTEEN, someCoordinator()));
    }

    UUID intake(CaseEscalationRequested request) {
        intakes.open(request);
        return request.alertId();
    }

    /** Moves the alert's whole life back so that it ended at {@code end}, as if that had been its history. */
    void endedAt(UUID id, Instant end) {
        jdbc.sql("""
                update alert set
                    requested_at = :before,
                    decided_at = case when status in ('REFUSED', 'REJECTED') then cast(:at as timestamptz)
                                      else cast(:before as timestamptz) end,
                    issued_at = case when issued_at is not null then cast(:before as timestamptz) end,
                    expires_at = case when expires_at is not null then cast(:expires as timestamptz) end,
                    cancelled_at = case when cancelled_at is not null then cast(:at as timestamptz) end
                where id = :id
                """)
                .param("at", Timestamp.from(end))
                .param("before", Timestamp.from(end.minus(Duration.ofHours(3))))
                .param("expires", Timestamp.from(end.plus(Duration.ofHours(3))))
                .param("id", id)
                .update();
    }

    /** The alert ran out of time at {@code end} (status as the expiry sets it). */
    void expiredAt(UUID id, Instant end) {
        Timestamp before = Timestamp.from(end.minus(Duration.ofHours(6)));
        jdbc.sql("""
                update alert set status = 'EXPIRED', requested_at = :before, decided_at = :before,
                    issued_at = :before, expires_at = :at
                where id = :id
                """).param("at", Timestamp.from(end)).param("before", before).param("id", id).update();
    }

    void requestedAt(UUID id, Instant at) {
        jdbc.sql("update alert set requested_at = :at where id = :id").param("at", Timestamp.from(at)).param("id", id)
                .update();
    }

    boolean alertExists(UUID id) {
        return jdbc.sql("select count(*) from alert where id = :id").param("id", id).query(Long.class).single() == 1;
    }

    Map<String, Long> rowsHangingOn(UUID id) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : DEPENDENT_TABLES) {
            rows.put(table, jdbc.sql("select count(*) from " + table + " where alert_id = :id").param("id", id)
                    .query(Long.class).single());
        }
        return rows;
    }
}
