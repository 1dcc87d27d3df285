package org.childalert.alerts.lifecycle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.childalert.events.Actor;
import org.childalert.events.DisclosureLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The receipt, in an append-only audit table, of each withdrawal of a child's data when an alert ends: what
 * was withdrawn, when, by whom and why. Written in the transaction that ends the alert.
 */
@Component
class DataWithdrawals {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    DataWithdrawals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records what ending this alert withdrew; {@code before} is the alert as it was until then. */
    @Transactional(propagation = Propagation.MANDATORY)
    void record(Alert before, Actor by, String reason, Instant at) {
        List<String> items = new ArrayList<>();
        if (before.child().description() != null) {
            items.add("child description");
        }
        if (before.photo() != null) {
            items.add("photo and its public link");
        }
        if (before.issuedAt() != null) {
            items.add("CAP message (replaced by a Cancel without the child's data)");
            if (before.level() == DisclosureLevel.PUBLIC) {
                items.add("Atom feed entry");
            }
        }
        jdbc.sql("""
                insert into alert_data_withdrawal (alert_id, withdrawn_at, actor_subject, actor_username, reason,
                    withdrawn_items)
                values (:alertId, :at, :subject, :username, :reason, cast(:items as jsonb))
                """)
                .param("alertId", before.id())
                .param("at", Timestamp.from(at))
                .param("subject", by.subject())
                .param("username", by.username())
                .param("reason", reason)
                .param("items", JSON.writeValueAsString(items))
                .update();
    }
}
