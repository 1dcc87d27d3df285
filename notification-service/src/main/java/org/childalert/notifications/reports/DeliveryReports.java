package org.childalert.notifications.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.childalert.notifications.contacts.EmailAddresses;
import org.childalert.notifications.contacts.PhoneNumbers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Repository;

/** Reads where an alert's deliveries stand, for the people watching it. */
@Repository
class DeliveryReports {

    private static final List<String> STATES = AlertReports.STATES;
    private static final List<String> CHANNELS = List.of("SMS", "EMAIL");

    private final JdbcClient jdbc;

    DeliveryReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The counts over all deliveries of the alert and one page of them; empty if the alert is unknown here. */
    @Transactional(readOnly = true)
    Optional<DeliveryReport> forAlert(UUID alertId, int page, int size) {
        boolean known = jdbc.sql("select exists (select 1 from alert_notice where alert_id = :alertId)")
                .param("alertId", alertId).query(Boolean.class).single();
        if (!known) {
            return Optional.empty();
        }
        Map<String, Long> byState = zeroes(STATES);
        Map<String, Long> byChannel = zeroes(CHANNELS);
        long[] total = {0};
        jdbc.sql("select state, channel, count(*) as n from delivery where alert_id = :alertId group by state, channel")
                .param("alertId", alertId)
                .query(rs -> {
                    long n = rs.getLong("n");
                    byState.merge(rs.getString("state"), n, Long::sum);
                    byChannel.merge(rs.getString("channel"), n, Long::sum);
                    total[0] += n;
                });
        List<DeliveryReport.Line> lines = jdbc.sql("""
                select id, recipient_kind, recipient_id, channel, notice, state, address, attempts, error_code, updated_at
                from delivery where alert_id = :alertId
                order by created_at, id
                limit :limit offset :offset
                """)
                .param("alertId", alertId)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new DeliveryReport.Line(rs.getObject("id", UUID.class), rs.getString("recipient_kind"),
                        rs.getObject("recipient_id", UUID.class), rs.getString("channel"), rs.getString("notice"),
                        rs.getString("state"), masked(rs.getString("channel"), rs.getString("address")),
                        rs.getInt("attempts"), rs.getString("error_code"), rs.getTimestamp("updated_at").toInstant()))
                .list();
        return Optional.of(new DeliveryReport(alertId, new DeliveryReport.Counts(total[0], byState, byChannel), lines, page, size));
    }

    private static String masked(String channel, String address) {
        if (address == null) {
            return null; // the recipient asked for erasure: only the count remains
        }
        return "SMS".equals(channel) ? PhoneNumbers.masked(address) : EmailAddresses.masked(address);
    }

    private static Map<String, Long> zeroes(List<String> keys) {
        Map<String, Long> counts = new LinkedHashMap<>();
        keys.forEach(key -> counts.put(key, 0L));
        return counts;
    }
}
