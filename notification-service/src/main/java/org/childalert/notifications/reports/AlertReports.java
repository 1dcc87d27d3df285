package org.childalert.notifications.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.childalert.events.DeliveryChannel;
import org.childalert.events.NoticeKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes an alert's {@link AlertReport} in the database (a count grouped by state, channel and notice, and a
 * per-minute timeline), never loading the deliveries themselves: the same two queries for ten recipients or a
 * hundred thousand.
 */
@Repository
class AlertReports {

    static final List<String> STATES = List.of("PENDING", "SENDING", "ACCEPTED", "DELIVERED", "UNDELIVERED", "FAILED");

    private final JdbcClient jdbc;

    AlertReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the alert ended (cancelled, or past its expiry); empty if this service never heard of it. */
    @Transactional(readOnly = true)
    Optional<Boolean> hasEnded(UUID alertId) {
        return jdbc.sql("""
                select cancelled_at is not null or (expires_at is not null and expires_at <= now()) as ended
                from alert_notice where alert_id = :alertId
                """)
                .param("alertId", alertId)
                .query(Boolean.class)
                .optional();
    }

    /** The report as of now; empty if this service never heard of the alert. */
    @Transactional(readOnly = true)
    Optional<AlertReport> of(UUID alertId) {
        Optional<Boolean> purged = jdbc.sql("select purged_at is not null from alert_notice where alert_id = :alertId")
                .param("alertId", alertId)
                .query(Boolean.class)
                .optional();
        if (purged.isEmpty()) {
            return Optional.empty();
        }
        // once the retention closed the alert (AlertRetention), its deliveries are gone and their counts are kept
        String counts = purged.get()
                ? "select state, channel, notice, deliveries as n from alert_delivery_summary where alert_id = :alertId"
                : """
                  select state, channel, notice, count(*) as n from delivery where alert_id = :alertId
                  group by state, channel, notice
                  """;
        Map<String, Long> byState = zeroes();
        Map<String, Map<String, Long>> byChannel = new LinkedHashMap<>();
        for (DeliveryChannel channel : DeliveryChannel.values()) {
            byChannel.put(channel.name(), zeroes());
        }
        Map<String, Map<String, Long>> byNotice = new LinkedHashMap<>();
        for (NoticeKind notice : NoticeKind.values()) {
            byNotice.put(notice.name(), zeroes());
        }
        long[] total = {0};
        jdbc.sql(counts)
                .param("alertId", alertId)
                .query(rs -> {
                    long n = rs.getLong("n");
                    String state = rs.getString("state");
                    byState.merge(state, n, Long::sum);
                    byChannel.get(rs.getString("channel")).merge(state, n, Long::sum);
                    byNotice.get(rs.getString("notice")).merge(state, n, Long::sum);
                    total[0] += n;
                });
        List<AlertReport.Minute> timeline = new ArrayList<>();
        if (purged.get()) {
            // the per-minute timeline went with the deliveries
            return Optional.of(new AlertReport(alertId, Instant.now(), total[0], byState, byChannel, byNotice, timeline));
        }
        jdbc.sql("""
                select minute, sum(handed_over) as handed_over, sum(delivered) as delivered, sum(failed) as failed
                from (
                    select date_trunc('minute', accepted_at) as minute, 1 as handed_over, 0 as delivered, 0 as failed
                    from delivery where alert_id = :alertId and accepted_at is not null
                    union all
                    select date_trunc('minute', delivered_at), 0, 1, 0
                    from delivery where alert_id = :alertId and delivered_at is not null
                    union all
                    select date_trunc('minute', coalesce(failed_at, updated_at)), 0, 0, 1
                    from delivery where alert_id = :alertId and state in ('FAILED', 'UNDELIVERED')
                ) steps
                group by minute order by minute
                """)
                .param("alertId", alertId)
                .query(rs -> {
                    timeline.add(new AlertReport.Minute(rs.getTimestamp("minute").toInstant(), rs.getLong("handed_over"),
                            rs.getLong("delivered"), rs.getLong("failed")));
                });
        return Optional.of(new AlertReport(alertId, Instant.now(), total[0], byState, byChannel, byNotice, timeline));
    }

    private static Map<String, Long> zeroes() {
        Map<String, Long> counts = new LinkedHashMap<>();
        STATES.forEach(state -> counts.put(state, 0L));
        return counts;
    }
}
